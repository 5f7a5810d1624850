import Link from "next/link";
import type { WorkspaceData } from "@/components/annotation/types";
import { StatusBadge } from "@/components/ui/badges";
import { formatDate } from "@/components/ui/format";
import { SnapshotLinks } from "@/components/snapshots/snapshot-links";
import { originalFileUrl } from "@/lib/original-files";
import styles from "./workspace.module.css";

const isWebUrl = (url: string | null): url is string => Boolean(url && /^https?:\/\//i.test(url));

/** Title, workflow status and where the piece came from; counts follow the live claim list. */
export function WorkspaceHeader({ data }: { data: WorkspaceData }) {
  const { article, snapshot, claims } = data;
  const excluded = claims.filter((c) => c.status === "excluded").length;
  const approved = claims.filter((c) => c.status === "approved").length;
  const source = [
    article.publisher && <span key="publisher">{article.publisher}</span>,
    article.author && <span key="author">By {article.author}</span>,
    article.sourcePublishedOn && (
      <time key="date" dateTime={article.sourcePublishedOn}>
        {formatDate(article.sourcePublishedOn)}
      </time>
    ),
    isWebUrl(article.sourceUrl) && (
      <a key="link" href={article.sourceUrl} target="_blank" rel="noopener noreferrer nofollow">
        Original source<span className="visually-hidden"> (opens in a new tab)</span> ↗
      </a>
    ),
    snapshot.originalFileId && (
      <a key="original" href={originalFileUrl(snapshot.originalFileId)} target="_blank" rel="noopener noreferrer">
        PDF as imported<span className="visually-hidden"> (opens in a new tab)</span>
      </a>
    ),
  ].filter(Boolean);

  return (
    <header className={styles.header}>
      <nav aria-label="Breadcrumb" className={styles.breadcrumb}>
        <Link href="/articles">Articles</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">Workspace</span>
      </nav>
      <h1 className={styles.title}>{article.title}</h1>
      {source.length > 0 && (
        <p className={styles.source}>
          {source.map((part, i) => (
            <span key={i} className={styles.sourcePart}>
              {part}
            </span>
          ))}
        </p>
      )}
      <p className={styles.counts}>
        <span data-testid="article-status" className={styles.status}>
          <StatusBadge status={article.status} />
        </span>
        <span data-testid="claim-count">
          {claims.length} {claims.length === 1 ? "claim" : "claims"}
        </span>
        {approved > 0 && <span> · {approved} approved</span>}
        {excluded > 0 && <span> · {excluded} excluded</span>}
        <span>
          {" "}
          · Text snapshot {snapshot.number}, imported {formatDate(snapshot.createdAt)}
        </span>
      </p>
      <SnapshotLinks articleId={article.id} snapshotNumber={snapshot.number} claims={claims} />
    </header>
  );
}
