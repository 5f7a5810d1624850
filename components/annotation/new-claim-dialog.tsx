"use client";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import type { TextAnchor } from "@/lib/anchoring/anchor";
import { MAX_STATEMENT, defaultStatement } from "@/lib/validation/claim";
import styles from "./annotation.module.css";

type Props = {
  anchor: TextAnchor;
  onSave: (statement: string) => void;
  onCancel: () => void;
};

/**
 * Modal form for a new claim: the selected quote (read-only) and the plain
 * restatement. A native <dialog> opened with showModal() gives focus
 * containment, Escape to cancel and focus return for free.
 */
export function NewClaimDialog({ anchor, onSave, onCancel }: Props) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [statement, setStatement] = useState(() => defaultStatement(anchor.exact));
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    const input = dialog?.querySelector<HTMLInputElement>("input");
    input?.focus();
    input?.select();
    return () => dialog?.close();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = statement.trim();
    if (!value) return setError("Write the claim in plain words.");
    if (value.length > MAX_STATEMENT) return setError(`The restatement can be at most ${MAX_STATEMENT} characters; yours has ${value.length.toLocaleString("en")}.`);
    onSave(value);
  };

  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      onClick={(e) => {
        if (e.target === e.currentTarget) onCancel(); // a click on the backdrop
      }}
    >
      <form onSubmit={submit} className={styles.dialogBody} noValidate>
        <h2 id={`${id}-title`} className={styles.dialogTitle}>
          Add claim
        </h2>
        <figure className={styles.quoteFigure}>
          <figcaption className={styles.quoteCaption}>Selected text</figcaption>
          <blockquote className={styles.quote} data-testid="claim-quote">
            {anchor.exact}
          </blockquote>
        </figure>
        <div className="field">
          <label htmlFor={`${id}-statement`}>Plain restatement</label>
          <input
            id={`${id}-statement`}
            type="text"
            required
            maxLength={MAX_STATEMENT}
            value={statement}
            onChange={(e) => {
              setStatement(e.target.value);
              setError(null);
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          />
          <p id={`${id}-hint`} className={styles.fieldHint}>
            The claim in plain words, as a reader would search for it. {statement.length}/{MAX_STATEMENT} characters.
          </p>
          {error && (
            <p id={`${id}-error`} className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <div className={styles.dialogActions}>
          <button type="button" className="button secondary" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button">
            Save claim
          </button>
        </div>
      </form>
    </dialog>
  );
}
