"use client";
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import styles from "./approvals.module.css";

type Toast = { message: string; claim: string };
const ToastContext = createContext<(toast: Toast) => void>(() => {});

/** Lets a card announce its decision once the card itself has left the queue. */
export function useDecisionToast(): (toast: Toast) => void {
  return useContext(ToastContext);
}

/**
 * The queue's status line. It outlives the cards: after a decision the card
 * goes away (the page refreshes), and this says what happened. The live
 * region is always in the page, so the message is announced; it is pinned to
 * the viewport, so it is seen wherever the card was; and it takes the focus
 * the vanished card's button had, so keyboard users are not sent back to the top.
 */
export function DecisionToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<Toast | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const show = useCallback((next: Toast) => setToast(next), []);
  useEffect(() => {
    if (toast) ref.current?.focus();
  }, [toast]);
  return (
    <ToastContext.Provider value={show}>
      <div role="status" aria-live="polite" className={styles.toastRegion} data-testid={toast ? "toast" : undefined}>
        {toast && (
          <div className={`alert success ${styles.toast}`} ref={ref} tabIndex={-1}>
            <p>
              <strong>{toast.message}</strong> <span className="small">Claim: “{toast.claim}”</span>
            </p>
            <button type="button" className="button ghost small" onClick={() => setToast(null)}>
              Dismiss
            </button>
          </div>
        )}
      </div>
      {children}
    </ToastContext.Provider>
  );
}
