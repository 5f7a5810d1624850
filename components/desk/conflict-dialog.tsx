"use client";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { wordDiff } from "@/lib/text-diff";
import styles from "./conflict.module.css";

export type ConflictChoice = { kind: "theirs" } | { kind: "mine" } | { kind: "merged"; text: string };

type Props = {
  /** What was being saved, e.g. "statement" or "verdict rationale". */
  what: string;
  /** Their version; null while it is still loading. */
  theirs: string | null;
  mine: string;
  /** Who changed it, when known ("Edna Editor"). */
  theirAuthor?: string | null;
  /** Extra choices shown above the text (e.g. the rating for a verdict). */
  children?: ReactNode;
  maxLength?: number;
  busy?: boolean;
  error?: string | null;
  onChoose: (choice: ConflictChoice) => void;
};

/**
 * Shown when a save was refused because someone else changed the same thing
 * first. Both versions stay visible side by side with a word diff, and the
 * person decides: keep theirs, keep mine, or edit a merged text. Nothing is
 * discarded until they choose.
 */
export function ConflictDialog({ what, theirs, mine, theirAuthor, children, maxLength = 20_000, busy, error, onChoose }: Props) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [merged, setMerged] = useState(mine);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-intro`}
      // Escape would drop both versions silently; the person must pick one.
      onCancel={(e) => e.preventDefault()}
    >
      <h2 id={`${id}-title`} className={styles.title}>
        Someone else changed this {what}
      </h2>
      <p id={`${id}-intro`} className="small">
        {theirAuthor ? `${theirAuthor} saved` : "Someone saved"} a different {what} while you were editing. Nothing has been overwritten: choose which version to keep, or merge them.
      </p>
      <div className={styles.columns}>
        <section aria-labelledby={`${id}-theirs`} className={styles.version}>
          <h3 id={`${id}-theirs`}>Their version</h3>
          {theirs === null ? <p className="muted small" role="status">Loading their version…</p> : <p className={styles.text} data-testid="conflict-theirs">{theirs}</p>}
        </section>
        <section aria-labelledby={`${id}-mine`} className={styles.version}>
          <h3 id={`${id}-mine`}>Your version</h3>
          <p className={styles.text} data-testid="conflict-mine">{mine}</p>
        </section>
      </div>
      {theirs !== null && theirs !== mine && (
        <p className={styles.diff} aria-label="Differences from their version to yours">
          {wordDiff(theirs, mine).segments.map((s, i) => (s.kind === "added" ? <ins key={i}>{s.text}</ins> : s.kind === "removed" ? <del key={i}>{s.text}</del> : <span key={i}>{s.text}</span>))}
        </p>
      )}
      {children}
      <div className="field">
        <label htmlFor={`${id}-merged`}>Merged {what}</label>
        <textarea id={`${id}-merged`} rows={4} maxLength={maxLength} value={merged} onChange={(e) => setMerged(e.target.value)} />
      </div>
      {error && (
        <p className="alert error" role="alert">
          {error}
        </p>
      )}
      <div className="row">
        <button type="button" className="button secondary" disabled={busy || theirs === null} onClick={() => onChoose({ kind: "theirs" })}>
          Keep theirs
        </button>
        <button type="button" className="button secondary" disabled={busy || theirs === null} onClick={() => onChoose({ kind: "mine" })}>
          Keep mine
        </button>
        <button type="button" className="button" disabled={busy || theirs === null || !merged.trim()} onClick={() => onChoose({ kind: "merged", text: merged })}>
          Save merged version
        </button>
      </div>
    </dialog>
  );
}
