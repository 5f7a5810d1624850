import "server-only";
import { and, eq, gte, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Database, Schema } from "../client";

/**
 * What the public may see: the one rule, in each form a public query needs.
 * Nothing else in the code base decides it.
 *
 * A fact-check is public while its publication is live. A claim of it is
 * public when all three hold:
 *
 *  1. it is on the published snapshot (`onPublishedSnapshot`). The page also
 *     keeps showing a claim that a re-import moved to a newer snapshot, with
 *     the anchor it had on the published one (pinClaimsToVersion); the SQL
 *     forms below count only claims still on the published snapshot, so
 *     after a re-import the index and search know fewer claims than the page,
 *     except `onPublishedPage`, which counts them as the page does;
 *  2. it has a published revision, claims.published_verdict_id: set to the
 *     approved revisions when the fact-check is published, and afterwards
 *     only by an editor's approval (approveRevision in ./claim-revisions.ts);
 *  3. that revision does not withdraw the claim.
 *
 * Everything readers see of a claim (statement, claimant, rating, rationale,
 * citations) comes from that revision, never from the claim's editable row;
 * only its anchor (the quoted words) comes from the row or its pinned copy.
 */

type Tables = typeof import("../schema/pg");
type Claim = Tables["claims"]["$inferSelect"];
type Verdict = Tables["verdicts"]["$inferSelect"];
type Publication = Tables["publications"]["$inferSelect"];

/** SQL: the publication is live. Drafts, and fact-checks taken down, are not public. */
export function livePublication(t: Schema): SQL {
  return eq(t.publications.live, true);
}

/** SQL, relating `claims` to `publications`: the claim is on the published snapshot of its article (rule 1). */
export function onPublishedSnapshot(t: Schema): SQL {
  return and(eq(t.claims.articleId, t.publications.articleId), eq(t.claims.versionId, t.publications.versionId))!;
}

/**
 * SQL, relating `claims` to `publications`: the claim is on the page of the
 * published snapshot, as the page places it (pinClaimsToVersion): on that
 * snapshot (rule 1), or moved to a newer one by a re-import and kept where it
 * was by the anchor it had there (the newest `claim_anchors` row for that
 * snapshot, unless the quote was not found in it). The one SQL form that
 * counts claims as the page does, for lists of the pages readers can open
 * (the sitemap's claim permalinks).
 */
export function onPublishedPage(t: Schema): SQL {
  const pinned = sql`(select ${t.claimAnchors.anchorStatus} from ${t.claimAnchors} where ${t.claimAnchors.claimId} = ${t.claims.id} and ${t.claimAnchors.versionId} = ${t.publications.versionId} order by ${t.claimAnchors.createdAt} desc limit 1)`;
  return and(eq(t.claims.articleId, t.publications.articleId), or(eq(t.claims.versionId, t.publications.versionId), sql`${pinned} <> 'orphaned'`))!;
}

/** SQL join condition for `verdicts`: the claim's published revision, unless it withdraws the claim (rules 2 and 3). */
export function publicRevisionJoin(t: Schema): SQL {
  return and(eq(t.verdicts.id, t.claims.publishedVerdictId), isNull(t.verdicts.withdrawnReason))!;
}

/**
 * SQL: the publication's snapshot holds a public claim whose own row meets
 * `condition`, as one uncorrelated subquery (for the full-text indexes, which
 * cover the claim's editable statement). Such a claim counts only while that
 * statement is the one readers see, so a revision awaiting approval can
 * neither be found by its new words nor reveal them.
 */
export function publishedSnapshotHasClaim({ db, t }: Pick<Database, "db" | "t">, condition: SQL): SQL {
  const snapshots = db
    .select({ articleId: t.claims.articleId, versionId: t.claims.versionId })
    .from(t.claims)
    .innerJoin(t.verdicts, and(publicRevisionJoin(t), eq(t.verdicts.statement, t.claims.statement)))
    .where(condition);
  return sql`(${t.publications.articleId}, ${t.publications.versionId}) in ${snapshots}`;
}

/** The revision to show readers of a claim (rule 2); `showsClaim` says whether it shows the claim at all. */
export function publishedRevisionId(claim: Pick<Claim, "publishedVerdictId">): string | null {
  return claim.publishedVerdictId;
}

/** Whether a revision, once published, shows its claim (rule 3): a withdrawal takes it off the page. */
export function showsClaim(revision: Pick<Verdict, "withdrawnReason">): boolean {
  return revision.withdrawnReason === null;
}

/**
 * The whole rule for rows already loaded: readers see `claim` (placed as on
 * the published snapshot, see pinClaimsToVersion) through `revision`.
 */
export function isPublicClaim(
  claim: Pick<Claim, "versionId" | "publishedVerdictId">,
  revision: Pick<Verdict, "id" | "withdrawnReason"> | null | undefined,
  publication: Pick<Publication, "live" | "versionId">,
): boolean {
  return publication.live && claim.versionId === publication.versionId && Boolean(revision) && revision!.id === publishedRevisionId(claim) && showsClaim(revision!);
}

/*
 * A citation's archived copy and quote check (the source archive) are public
 * only when they were there for an approving editor to see: stored before an
 * approval of the revision that cites them. One finished later waits for the
 * next approved revision. Both forms below say this; nothing else does.
 */

/** SQL join condition for `reviews`: an approval of the citation's revision given after its archive was checked. */
export function approvalAfterArchiveCheck(t: Schema): SQL {
  return and(eq(t.reviews.verdictId, t.citations.verdictId), eq(t.reviews.decision, "approved"), gte(t.reviews.createdAt, t.citationArchives.checkedAt))!;
}

/** The same rule for rows already loaded: the archive, or null when no approval came after its check. */
export function archiveAnEditorSaw<A extends { checkedAt: Date | null } | null>(archive: A, reviews: { decision: string; createdAt: Date }[]): A | null {
  if (!archive?.checkedAt) return null;
  return reviews.some((r) => r.decision === "approved" && r.createdAt >= archive.checkedAt!) ? archive : null;
}
