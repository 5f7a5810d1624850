"use client";
import { useEffect, useId, useRef } from "react";
import { SHORTCUTS } from "./shortcuts";
import styles from "./annotation.module.css";

const GROUPS = [
  { group: "text", title: "Moving in the text" },
  { group: "claims", title: "Claims" },
  { group: "suggestions", title: "Suggestions" },
  { group: "general", title: "Help" },
] as const;

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
    <dialog ref={ref} className={`${styles.dialog} ${styles.helpDialog}`} aria-labelledby={`${id}-title`} onCancel={(e) => {
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
        <p className="small muted">
          From the top of the page, the first <kbd className={styles.kbd}>Tab</kbd> shows “Skip to article text”:{" "}
          <kbd className={styles.kbd}>Enter</kbd> puts you in the text. The keys work there and anywhere outside a form.
          After a claim is saved or cancelled you are back in the text where you were.
        </p>
        {/* Two columns on a wide screen (the text keys; the rest), so the whole list fits without scrolling. */}
        <div className={styles.helpColumns}>
          {[GROUPS.slice(0, 1), GROUPS.slice(1)].map((column) => (
            <div key={column[0]!.group}>
              {column.map(({ group, title }) => (
                <section key={group} aria-labelledby={`${id}-${group}`}>
                  <h3 id={`${id}-${group}`} className={styles.helpGroup}>
                    {title}
                  </h3>
                  <dl className={styles.helpList}>
                    {SHORTCUTS.filter((s) => s.group === group).map((s) => (
                      <div key={s.command} className={styles.helpRow}>
                        <dt>
                          <kbd className={styles.kbd}>{"display" in s ? s.display : s.keys[0]}</kbd>
                        </dt>
                        <dd>{s.label}</dd>
                      </div>
                    ))}
                  </dl>
                </section>
              ))}
            </div>
          ))}
        </div>
        <div className={styles.dialogActions}>
          <button type="button" className="button" autoFocus onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}
