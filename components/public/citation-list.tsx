import type { Citation } from "@/db/queries/verdicts";
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

/** The evidence behind a verdict, in the order the reviewer gave it. */
export function CitationList({ citations }: { citations: Citation[] }) {
  if (citations.length === 0) return <p className="muted small">No sources were listed for this verdict.</p>;
  return (
    <ol className={styles.citations}>
      {citations.map((c) => {
        const url = httpUrlOrNull(c.url);
        const archive = httpUrlOrNull(c.archiveUrl);
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
            {meta.length || archive ? (
              <p className={styles.citationMeta}>
                {meta.join(" · ")}
                {archive ? (
                  <>
                    {meta.length ? " · " : null}
                    <a href={archive} rel="nofollow noopener">
                      Archived copy
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
          </li>
        );
      })}
    </ol>
  );
}
