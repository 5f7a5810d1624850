import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getArticleById } from "@/db/queries/articles";
import { listAuditEvents } from "@/db/queries/audit";
import { listPreviousAnchors } from "@/db/queries/claim-anchors";
import { listClaimsForArticle } from "@/db/queries/claims";
import { getSnapshotByNumber, type ReanchorSummary } from "@/db/queries/snapshots";
import { Forbidden } from "@/components/desk/forbidden";
import { AnchorReview, type ReviewClaim } from "@/components/snapshots/anchor-review";
import { SnapshotDiff } from "@/components/snapshots/snapshot-diff";
import styles from "@/components/snapshots/snapshots.module.css";
import { formatDate } from "@/components/ui/format";
import { can } from "@/lib/permissions";
import { diffSnapshots } from "@/lib/snapshot-diff";
import { requirePageUser } from "@/server/session";

export const metadata: Metadata = { title: "Snapshot review" };

type Params = { params: Promise<{ id: string; number: string }> };

const SUMMARY: [keyof ReanchorSummary, string][] = [
  ["anchored", "anchored in place"],
  ["moved", "moved with confidence"],
  ["needs_review", "need review"],
  ["orphaned", "orphaned (quote not found)"],
];

/** What a re-import did: the re-anchoring summary, each claim's outcome with the reviewer's options, and both texts side by side. */
export default async function SnapshotReviewPage({ params }: Params) {
  const { id, number: raw } = await params;
  const { user, allowed } = await requirePageUser("read:desk", `/articles/${id}/versions/${raw}`);
  if (!allowed) return <Forbidden what="The desk is for reviewers, editors and admins." />;
  const number = Number(raw);
  if (!Number.isInteger(number) || number < 2) notFound();
  const article = await getArticleById({ id });
  const snapshot = article && (await getSnapshotByNumber({ articleId: id, number }));
  const previous = article && (await getSnapshotByNumber({ articleId: id, number: number - 1 }));
  if (!article || !snapshot || !previous) notFound();

  const claims = await listClaimsForArticle({ articleId: id });
  const history = await listPreviousAnchors({ claimIds: claims.map((c) => c.id) });
  const event = (await listAuditEvents({ entityType: "article", entityId: id, limit: 500 })).find(
    (e) => e.action === "article.snapshot" && (e.after as { number?: number } | null)?.number === number,
  );
  const summary = (event?.after as { summary?: ReanchorSummary } | null)?.summary;
  // Claims that were on the previous snapshot: those re-anchored here, and those a reviewer kept there.
  const reviewed: ReviewClaim[] = claims
    .filter((c) => c.versionId === snapshot.id || (c.versionId === previous.id && history.some((h) => h.claimId === c.id && h.versionId === previous.id)))
    .map((c) => ({
      id: c.id,
      version: c.version,
      statement: c.statement,
      exact: c.exact,
      previousExact: history.find((h) => h.claimId === c.id && h.versionId === previous.id)?.exact ?? null,
      anchorStatus: c.anchorStatus,
      start: c.start,
      end: c.end,
      onThisSnapshot: c.versionId === snapshot.id,
    }));
  const waiting = reviewed.filter((c) => c.onThisSnapshot && (c.anchorStatus === "needs_review" || c.anchorStatus === "orphaned")).length;
  const isCurrent = article.currentVersionId === snapshot.id;

  return (
    <main id="main" className="page">
      <nav aria-label="Breadcrumb" className="small">
        <Link href="/articles">Articles</Link> / <Link href={`/articles/${id}`}>{article.title}</Link> / <span aria-current="page">Snapshot {number}</span>
      </nav>
      <h1>Snapshot {number} of “{article.title}”</h1>
      <p className="muted">
        Imported {formatDate(snapshot.createdAt)}
        {snapshot.origin ? ` from ${snapshot.origin.replace(/^(url|file|paste): /, "")}` : ""}. Claims were looked up again in the new text;
        doubtful cases wait for you instead of moving silently.
        {!isCurrent && " A newer snapshot exists: decisions are made on the current one."}
      </p>
      {summary && (
        <ul className={styles.summary} aria-label="Re-anchoring summary" data-testid="reanchor-summary">
          {SUMMARY.map(([key, label]) => (
            <li key={key} data-status={key}>
              <span className={styles.summaryCount}>{summary[key]}</span>
              <span className={styles.summaryLabel}>{label}</span>
            </li>
          ))}
        </ul>
      )}
      <p role="status" data-testid="review-status">
        {waiting === 0 ? "Nothing is waiting for review." : `${waiting} claim${waiting === 1 ? "" : "s"} still need${waiting === 1 ? "s" : ""} your decision.`}{" "}
        <Link href={`/articles/${id}`}>Back to the workspace</Link>
      </p>
      <h2>Claims</h2>
      <AnchorReview blocks={snapshot.blocks} claims={reviewed} previousNumber={previous.number} canWrite={isCurrent && can(user.role, "write:desk")} />
      <h2>What changed</h2>
      <SnapshotDiff rows={diffSnapshots(previous.blocks, snapshot.blocks)} oldNumber={previous.number} newNumber={number} />
    </main>
  );
}
