"use client";
import { useEffect, useRef, type ReactNode } from "react";
import type { UndoState } from "./undo-window";
import styles from "./undo-toast.module.css";

const TONE = { waiting: "info", sending: "info", done: "success", undone: "info", failed: "error" } as const;

/**
 * The message line of an undo window (see undo-window.ts). The live region is always in the page so each
 * message is announced; the countdown itself is hidden from screen readers (a number every second would drown
 * the message), which say "Undo within N seconds" once. While the window is open the Undo button takes the focus
 * the decided control had, so a keyboard user can undo with Enter.
 */
export function UndoToast({ state, onUndo, onSendNow, onDismiss, detail }: { state: UndoState | null; onUndo: () => void; onSendNow: () => void; onDismiss: () => void; detail?: ReactNode }) {
  const undoRef = useRef<HTMLButtonElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const key = state?.key;
  const phase = state?.phase;
  useEffect(() => {
    if (phase === "waiting") undoRef.current?.focus();
    else if (phase === "undone" || phase === "done" || phase === "failed") {
      // Keep focus in the message when it was on the (now gone) Undo button.
      if (!document.activeElement || document.activeElement === document.body) boxRef.current?.focus();
    }
  }, [key, phase]);
  return (
    <div className={styles.region} aria-live="polite" role="status">
      {state && (
        <div
          ref={boxRef}
          tabIndex={-1}
          className={`alert ${TONE[state.phase]} ${styles.toast}`}
          data-testid="toast"
          data-state={state.phase}
        >
          <p>
            <strong>{state.phase === "waiting" ? `${state.text}…` : state.phase === "sending" ? `${state.text}: saving…` : state.text}</strong>
            {detail && <> {detail}</>}
            {state.phase === "waiting" && (
              <span className="small">
                {" "}
                <span className="visually-hidden">Nothing is recorded yet. Undo within {state.secondsLeft} seconds.</span>
                <span aria-hidden="true" className={styles.count}>
                  Sent in {state.secondsLeft} s
                </span>
              </span>
            )}
          </p>
          <span className={styles.actions}>
            {state.phase === "waiting" ? (
              <>
                <button ref={undoRef} type="button" className="button small" onClick={onUndo}>
                  Undo
                </button>
                <button type="button" className="button ghost small" onClick={onSendNow}>
                  Send now
                </button>
              </>
            ) : state.phase !== "sending" ? (
              <button type="button" className="button ghost small" onClick={onDismiss} aria-label="Dismiss message">
                Dismiss
              </button>
            ) : null}
          </span>
        </div>
      )}
    </div>
  );
}
