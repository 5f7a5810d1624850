import { STANCE_LABELS } from "@/lib/validation/verdict";
import type { CitationDetail, CitationDiff, ComparableCitation } from "@/lib/revision-diff";
import styles from "./approvals.module.css";
import { WordDiff } from "./word-diff";

const DETAIL_LABELS: Record<CitationDetail, string> = { publisher: "publisher", publishedOn: "date", kind: "kind of source", archiveUrl: "archive link", locator: "page or moment" };

function CitationLink({ citation }: { citation: ComparableCitation }) {
  return (
    <a href={citation.url} rel="nofollow noopener noreferrer" target="_blank">
      {citation.title || citation.url}
    </a>
  );
}

function Summary({ citation }: { citation: ComparableCitation }) {
  return (
    <>
      <CitationLink citation={citation} />
      {citation.publisher && ` — ${citation.publisher}`} <span className="muted">({STANCE_LABELS[citation.stance]})</span>
      {citation.quote && <span className="muted"> “{citation.quote}”</span>}
    </>
  );
}

/** Citations added, removed and changed (title, quote, stance and other details), matched by URL. */
export function CitationChanges({ diff }: { diff: CitationDiff }) {
  const total = diff.added.length + diff.removed.length + diff.changed.length;
  if (total === 0) {
    return <p className="muted small">{diff.reordered ? `Same ${diff.unchanged} citations, in a new order.` : "No changes."}</p>;
  }
  const rest = [diff.unchanged > 0 ? `${diff.unchanged} other citation${diff.unchanged === 1 ? "" : "s"} unchanged.` : "", diff.reordered ? "The order changed." : ""].filter(Boolean);
  return (
    <>
      <ul className={styles.citations}>
        {diff.added.map((c, i) => (
          <li key={`a${i}`} className={styles.added}>
            <span className={styles.change}>Added:</span> <Summary citation={c} />
          </li>
        ))}
        {diff.removed.map((c, i) => (
          <li key={`r${i}`} className={styles.removed}>
            <span className={styles.change}>Removed:</span> <Summary citation={c} />
          </li>
        ))}
        {diff.changed.map((c, i) => (
          <li key={`c${i}`} className={styles.changed}>
            <span className={styles.change}>Changed:</span> <CitationLink citation={c.after} />
            {c.title && (
              <div className={styles.fieldChange}>
                Title: <WordDiff change={c.title} as="span" />
              </div>
            )}
            {c.quote && (
              <div className={styles.fieldChange}>
                Quote: <WordDiff change={c.quote} as="span" />
              </div>
            )}
            {c.stance && (
              <div className={styles.fieldChange}>
                Stance: {STANCE_LABELS[c.stance.from]} → {STANCE_LABELS[c.stance.to]}
              </div>
            )}
            {c.url && (
              <div className={styles.fieldChange}>
                Address written differently: {c.url.from} → {c.url.to}
              </div>
            )}
            {c.details.length > 0 && <div className={styles.fieldChange}>Also changed: {c.details.map((d) => DETAIL_LABELS[d]).join(", ")}</div>}
          </li>
        ))}
      </ul>
      {rest.length > 0 && <p className={styles.diffStats}>{rest.join(" ")}</p>}
    </>
  );
}
