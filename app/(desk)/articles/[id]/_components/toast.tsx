"use client";
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import { UndoToast } from "@/components/ui/undo-toast";
import { useUndoWindow, type Undoable } from "@/components/ui/undo-window";
import styles from "./workspace.module.css";

type Tone = "success" | "error";
type Toast = { id: number; message: string; tone: Tone };
type Show = (message: string, tone?: Tone) => void;

const ToastContext = createContext<Show>(() => {});
const UndoContext = createContext<(decision: Undoable) => void>(() => {});

/** Shows one short message at a time (a newer one replaces it), for results that have no form to sit in. */
export function useToast(): Show {
  return useContext(ToastContext);
}

/** Holds a decision (exclude a claim) for a few seconds with an Undo button before sending it: see undo-window.ts. */
export function useUndoToast(): (decision: Undoable) => void {
  return useContext(UndoContext);
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<Toast | null>(null);
  const undoWindow = useUndoWindow();
  const { dismiss: dismissUndo, start: startUndo } = undoWindow;
  // One message line at a time: a new message replaces a finished undo message, and an undo window the message.
  const show = useCallback<Show>(
    (message, tone = "success") => {
      dismissUndo();
      setToast({ id: Date.now(), message, tone });
    },
    [dismissUndo],
  );
  const startWindow = useCallback(
    (decision: Undoable) => {
      setToast(null);
      startUndo(decision);
    },
    [startUndo],
  );

  useEffect(() => {
    if (!toast) return;
    // Errors stay longer: they usually ask the reader to do something.
    const timer = setTimeout(() => setToast(null), toast.tone === "error" ? 12_000 : 6_000);
    return () => clearTimeout(timer);
  }, [toast]);

  return (
    <ToastContext value={show}>
      <UndoContext value={startWindow}>{children}</UndoContext>
      <UndoToast state={undoWindow.state} onUndo={undoWindow.undo} onSendNow={() => void undoWindow.sendNow()} onDismiss={undoWindow.dismiss} />
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
