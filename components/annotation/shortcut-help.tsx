"use client";
import { useEffect, useId, useRef } from "react";
import { SHORTCUTS } from "./shortcuts";
import styles from "./annotation.module.css";

/** The `?` overlay: every shortcut, in a native modal dialog (focus trapped, Escape closes, focus returns). */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className={styles.dialog} aria-labelledby={`${id}-title`} onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget) onClose(); // a click on the backdrop
      }}
    >
      <div className={styles.dialogBody}>
        <h2 id={`${id}-title`} className={styles.dialogTitle}>
          Keyboard shortcuts
        </h2>
        <p className="small muted">Tab into the article text (or anywhere outside a form), then press a key.</p>
        <dl className={styles.helpList}>
          {SHORTCUTS.map((s) => (
            <div key={s.command} style={{ display: "contents" }}>
              <dt>
                <kbd className={styles.kbd}>{s.keys[0] === "S" ? "Shift + S" : s.keys[0]}</kbd>
              </dt>
              <dd>{s.label}</dd>
            </div>
          ))}
        </dl>
        <div className={styles.dialogActions}>
          <button type="button" className="button" autoFocus onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}
