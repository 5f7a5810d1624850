import type { ArchivedCopy as Copy } from "@/db/queries/sources";
import { formatDateTime } from "@/components/ui/format";
import { httpUrlOrNull } from "@/lib/claimreview";
import styles from "./sources.module.css";

/**
 * A copy Factdesk kept of a cited source, framed as an archive: when it was
 * fetched, from where, and its fingerprint, then the readable text as plain
 * headings and paragraphs. Only text nodes: nothing of the fetched page
 * becomes markup here.
 */
export function ArchivedCopy({ copy, note }: { copy: Copy; note?: string }) {
  const { fetch, snapshot } = copy;
  const original = httpUrlOrNull(fetch.url);
  const landed = fetch.finalUrl && fetch.finalUrl !== fetch.url ? httpUrlOrNull(fetch.finalUrl) : null;
  return (
    <main id="main" className={styles.page}>
      <section className={styles.frame} aria-labelledby="archive-heading">
        <p className={styles.kicker}>Archived copy</p>
        <h1 id="archive-heading" className={styles.title}>
          {snapshot.title || fetch.url}
        </h1>
        <dl className={styles.facts}>
          <dt>Fetched</dt>
          <dd>
            <time dateTime={fetch.fetchedAt.toISOString()}>{formatDateTime(fetch.fetchedAt)}</time>
          </dd>
          <dt>Original address</dt>
          <dd>{original ? <a href={original} rel="nofollow noopener noreferrer">{fetch.url}</a> : fetch.url}</dd>
          {landed && (
            <>
              <dt>Redirected to</dt>
              <dd>
                <a href={landed} rel="nofollow noopener noreferrer">
                  {fetch.finalUrl}
                </a>
              </dd>
            </>
          )}
          <dt>SHA-256 of the bytes</dt>
          <dd className={styles.hash}>{snapshot.sha256}</dd>
        </dl>
        <p className={styles.notice}>
          {note ?? "This is the text of the source as Factdesk fetched it when it was cited; the page may have changed since. Links, images and layout are left out."}
        </p>
      </section>
      <article className={styles.text}>
        {snapshot.blocks.map((b, i) =>
          b.kind === "heading" ? (
            <h2 key={i}>{b.text}</h2>
          ) : b.kind === "list_item" ? (
            <p key={i} className={styles.item}>
              • {b.text}
            </p>
          ) : b.kind === "quote" ? (
            <blockquote key={i}>{b.text}</blockquote>
          ) : (
            <p key={i}>{b.text}</p>
          ),
        )}
      </article>
    </main>
  );
}
