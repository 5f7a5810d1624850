"use client";
import { useEffect, useRef } from "react";
import styles from "./workspace.module.css";

/**
 * What the verdict form becomes once "Submit for approval" succeeded: a read-only line that takes the focus
 * (the submit button it replaces is gone), and a way back to the form for a further revision.
 */
export function SubmittedVerdict({ revision, onRevise }: { revision: number; onRevise: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} className={`alert success small ${styles.section}`} data-testid="verdict-submitted">
      <p style={{ margin: 0 }}>
        <strong>Submitted for approval</strong> (revision {revision}). An editor other than you reviews it next; you are told when they decide.
      </p>
      <button type="button" className="button secondary small" onClick={onRevise}>
        Revise the verdict
      </button>
    </div>
  );
}
