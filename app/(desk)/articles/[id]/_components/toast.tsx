"use client";
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import styles from "./workspace.module.css";

type Tone = "success" | "error";
type Toast = { id: number; message: string; tone: Tone };
type Show = (message: string, tone?: Tone) => void;

const ToastContext = createContext<Show>(() => {});

/** Shows one short message at a time (a newer one replaces it), for results that have no form to sit in. */
export function useToast(): Show {
  return useContext(ToastContext);
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<Toast | null>(null);
  const show = useCallback<Show>((message, tone = "success") => setToast({ id: Date.now(), message, tone }), []);

  useEffect(() => {
    if (!toast) return;
    // Errors stay longer: they usually ask the reader to do something.
    const timer = setTimeout(() => setToast(null), toast.tone === "error" ? 12_000 : 6_000);
    return () => clearTimeout(timer);
  }, [toast]);

  return (
    <ToastContext value={show}>
      {children}
      {/* The live region exists before any message so screen readers announce each one. */}
      <div className={styles.toastRegion} aria-live="polite" aria-atomic="true">
        {toast && (
          <div key={toast.id} className={`${styles.toast} ${toast.tone === "error" ? styles.toastError : ""}`} data-testid="toast" data-tone={toast.tone} role={toast.tone === "error" ? "alert" : undefined}>
            <span>{toast.message}</span>
            <button type="button" className={styles.toastClose} onClick={() => setToast(null)} aria-label="Dismiss message">
              ×
            </button>
          </div>
        )}
      </div>
    </ToastContext>
  );
}
