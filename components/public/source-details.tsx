import type { Article } from "@/db/queries/articles";
import { httpUrlOrNull } from "@/lib/claimreview";
import { formatDate } from "@/components/ui/format";
import styles from "./public.module.css";

/** The source piece we checked: where it appeared, who wrote it, when, and a link to it. */
export function SourceDetails({ article, headingId }: { article: Article; headingId: string }) {
  const url = httpUrlOrNull(article.sourceUrl);
  const host = url ? new URL(url).hostname.replace(/^www\./, "") : null;
  return (
    <section aria-labelledby={headingId} className={styles.source}>
      <h2 id={headingId} className={styles.sectionLabel}>
        The article we checked
      </h2>
      <p className={styles.sourceTitle}>
        {url ? (
          <a href={url} rel="nofollow noopener">
            {article.title}
            <span className="visually-hidden"> (on {host})</span>
          </a>
        ) : (
          article.title
        )}
      </p>
      <dl className={styles.sourceMeta}>
        <div>
          <dt>Published by</dt>
          <dd>{article.publisher || "Not known"}</dd>
        </div>
        <div>
          <dt>Author</dt>
          <dd>{article.author || "Not named"}</dd>
        </div>
        <div>
          <dt>Date</dt>
          <dd>{article.sourcePublishedOn ? <time dateTime={article.sourcePublishedOn}>{formatDate(article.sourcePublishedOn)}</time> : "Not known"}</dd>
        </div>
        {host ? (
          <div>
            <dt>Website</dt>
            <dd>{host}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
