import { WordDiff } from "@/components/approvals/word-diff";
import { formatDate } from "@/components/ui/format";
import type { CitationArchiveView } from "@/db/queries/sources";
import { deskArchivePath } from "@/lib/archive-links";
import { wordDiff } from "@/lib/text-diff";
import type { Serialized } from "@/components/annotation/types";
import styles from "./archive-status.module.css";

type Archive = CitationArchiveView | Serialized<CitationArchiveView>;

/** The quote's state in one phrase, for the desk and for the verdict warning. */
export const QUOTE_PHRASES = {
  found: "quote found in the copy",
  close: "quote nearly matches the copy",
  "not-found": "quote not found in the copy",
  "not-checked": "no quote to check",
  pending: "checking the quote",
} as const;

/**
 * What the desk knows about a citation's archived copy: archiving, not
 * archived (and why), or archived on a date with the quote found, close (with
 * the words that differ) or not found. Shown to reviewers under their
 * citations and to editors on the approval card.
 */
export function ArchiveStatus({ archive, quote }: { archive: Archive | null; quote: string | null }) {
  if (!archive) return <p className={`${styles.status} ${styles.muted}`} data-testid="archive-status">Not archived: no copy was made when this was cited.</p>;
  if (archive.quoteStatus === "pending") return <p className={`${styles.status} ${styles.muted}`} data-testid="archive-status">Archiving the source…</p>;
  if (archive.outcome !== "archived" || !archive.fetchId) {
    return (
      <p className={`${styles.status} ${archive.outcome === "gone" ? styles.warn : styles.muted}`} data-testid="archive-status">
        Not archived{archive.message ? `: ${archive.message}` : "."}
      </p>
    );
  }
  const tone = archive.quoteStatus === "found" ? styles.ok : archive.quoteStatus === "not-found" ? styles.warn : archive.quoteStatus === "close" ? styles.close : styles.muted;
  return (
    <div className={`${styles.status} ${tone}`} data-testid="archive-status">
      <p>
        <a href={deskArchivePath(archive.fetchId)} target="_blank" rel="noopener noreferrer">
          Archived {formatDate(archive.fetchedAt)}
          <span className="visually-hidden"> (opens in a new tab)</span>
        </a>
        {" · "}
        <span data-testid="quote-status">{QUOTE_PHRASES[archive.quoteStatus]}</span>
      </p>
      {archive.quoteStatus === "close" && quote && archive.quoteMatch ? (
        <div className={styles.diff}>
          <span className="visually-hidden">What the copy says, against the quote: </span>
          <WordDiff change={wordDiff(quote, archive.quoteMatch)} />
        </div>
      ) : null}
    </div>
  );
}
