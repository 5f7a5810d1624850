import type { TextChange } from "@/lib/text-diff";
import styles from "./approvals.module.css";

/**
 * A word diff as text with <ins>/<del>. Screen readers do not announce those
 * elements, so each change starts with hidden words saying what it is.
 * Plain text nodes only: user text never becomes markup.
 */
export function WordDiff({ change, as: Tag = "p" }: { change: TextChange; as?: "p" | "span" }) {
  const visible = change.segments.some((s) => s.kind !== "same" && s.text.trim());
  return (
    <>
      <Tag className={styles.diff}>
        {change.segments.map((s, i) =>
          s.kind === "added" ? (
            <ins key={i}>
              <span className="visually-hidden">added: </span>
              {s.text}
            </ins>
          ) : s.kind === "removed" ? (
            <del key={i}>
              <span className="visually-hidden">removed: </span>
              {s.text}
            </del>
          ) : (
            <span key={i}>{s.text}</span>
          ),
        )}
      </Tag>
      {!visible && <span className={styles.diffStats}>Only spacing or line breaks changed.</span>}
    </>
  );
}

/** "+12 words, −3 words" under a longer diff. */
export function DiffStats({ change }: { change: TextChange }) {
  if (!change.added && !change.removed) return null;
  const words = (n: number) => `${n} word${n === 1 ? "" : "s"}`;
  return (
    <p className={styles.diffStats}>
      {[change.added ? `${words(change.added)} added` : "", change.removed ? `${words(change.removed)} removed` : ""].filter(Boolean).join(", ")}
    </p>
  );
}
