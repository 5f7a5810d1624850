import type { CitationWithArchive as Citation } from "@/db/queries/verdicts";
import { publicArchivePath } from "@/lib/archive-links";
import { httpUrlOrNull } from "@/lib/claimreview";
import { formatDate } from "@/components/ui/format";
import styles from "./public.module.css";

const STANCE: Record<Citation["stance"], { label: string; className: string }> = {
  supports: { label: "Supports the claim", className: styles.stanceSupports! },
  refutes: { label: "Contradicts the claim", className: styles.stanceRefutes! },
  context: { label: "Context", className: styles.stanceContext! },
};

const KIND: Record<Citation["kind"], string> = {
  study: "Study",
  agency: "Official agency",
  news: "News report",
  expert: "Expert source",
  other: "Other source",
};

/** What readers are told about a quote checked against the archived copy. */
const QUOTE_CHECK: Partial<Record<NonNullable<Citation["archive"]>["quoteStatus"], string>> = {
  found: "Quote found in the archived copy.",
  close: "Quote differs slightly from the archived copy.",
  "not-found": "Quote not found in the archived copy.",
};

/** The evidence behind a verdict, in the order the reviewer gave it, each with the copy Factdesk archived when it was cited. */
export function CitationList({ citations }: { citations: Citation[] }) {
  if (citations.length === 0) return <p className="muted small">No sources were listed for this verdict.</p>;
  return (
    <ol className={styles.citations}>
      {citations.map((c) => {
        const url = httpUrlOrNull(c.url);
        const archive = httpUrlOrNull(c.archiveUrl);
        const kept = c.archive?.sha256 && c.archive.fetchId ? c.archive : null;
        const quoteCheck = kept && c.quote ? QUOTE_CHECK[kept.quoteStatus] : undefined;
        const stance = STANCE[c.stance] ?? STANCE.context;
        const meta = [c.publisher, KIND[c.kind], c.publishedOn ? formatDate(c.publishedOn) : null].filter(Boolean);
        return (
          <li key={c.id} className={styles.citation}>
            <p className={styles.citationTitle}>
              <span className={`${styles.stance} ${stance.className}`}>{stance.label}</span>{" "}
              {url ? (
                <a href={url} rel="nofollow noopener">
                  {c.title}
                </a>
              ) : (
                <span>{c.title}</span>
              )}
            </p>
            {meta.length || archive || kept ? (
              <p className={styles.citationMeta}>
                {meta.join(" · ")}
                {kept ? (
                  <>
                    {meta.length ? " · " : null}
                    <a href={publicArchivePath(kept.fetchId!)} rel="nofollow">
                      Archived copy, {formatDate(kept.fetchedAt)}
                    </a>
                  </>
                ) : null}
                {archive ? (
                  <>
                    {meta.length || kept ? " · " : null}
                    <a href={archive} rel="nofollow noopener">
                      {kept ? "Another archive" : "Archived copy"}
                    </a>
                  </>
                ) : null}
              </p>
            ) : null}
            {c.quote ? (
              <blockquote className={styles.citationQuote}>
                {c.quote}
                {c.locator ? <cite className={styles.citationLocator}> ({c.locator})</cite> : null}
              </blockquote>
            ) : c.locator ? (
              <p className={styles.citationMeta}>At {c.locator} in the source</p>
            ) : null}
            {quoteCheck ? (
              <p className={styles.citationMeta} data-testid="quote-check">
                {quoteCheck}
              </p>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
