import "server-only";
import { and, asc, count, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import { alias, type PgSelect } from "drizzle-orm/pg-core";
import { pickClaimant } from "@/lib/claimant";
import type { ComparableRevision } from "@/lib/revision-diff";
import type { ReviewDecision } from "@/lib/workflow";
import { getDatabase, type Schema } from "../client";
import { approvalCorrects } from "./claim-revisions";
import { citationsWithArchives, type CitationArchiveView } from "./sources";
import type { Serialized } from "@/components/annotation/types";

/** One revision as the approvals page shows it: its reader-visible content plus who wrote it and the note readers will see. */
export type ApprovalRevision = ComparableRevision & {
  correctionNote: string | null;
  authorId: string;
  authorName: string;
  /** ISO 8601 (UTC). */
  createdAt: string;
  /** Each citation's archived copy and quote check, in citation order (null: never archived). */
  archives: (Serialized<CitationArchiveView> | null)[];
};

/** An editor's decision on one of the claim's revisions. */
export type ApprovalReview = {
  id: string;
  verdictId: string;
  revision: number;
  editorName: string;
  decision: ReviewDecision;
  comment: string;
  /** ISO 8601 (UTC). */
  createdAt: string;
};

/** The public fact-check of the claim's article, as far as approving a correction needs it. */
export type ApprovalPublication = {
  slug: string;
  live: boolean;
  summary: string;
  headlineRatingId: string | null;
  version: number;
};

/** Everything one approval card shows; plain data (no Date objects), so it can cross to client components. */
export type ApprovalCard = {
  claimId: string;
  /** The claim's stable number in its article (creation order), as the workspace shows it. */
  claimNumber: number;
  exact: string;
  articleId: string;
  articleTitle: string;
  proposed: ApprovalRevision;
  /** The revision readers see now (null before publication, or for a claim added since). */
  published: ApprovalRevision | null;
  /** The revision just before the proposed one, whatever became of it. */
  previous: ApprovalRevision | null;
  publication: ApprovalPublication | null;
  /** Readers can open this claim on a live public fact-check right now. */
  liveOnPublicPage: boolean;
  /** Approving changes what a published fact-check shows: it becomes a dated correction. */
  correctsPublication: boolean;
  /** The publication is live, so the approving editor must confirm (or edit) its summary and headline verdict. */
  needsPublicationCheck: boolean;
  /** Every decision on this claim's revisions, oldest first. */
  reviews: ApprovalReview[];
  /** The change request on the previous revision that this revision answers, if any. */
  answers: ApprovalReview | null;
};

/**
 * The approval queue, as the FROM and WHERE of a select on claims: every claim
 * whose current revision awaits approval, joined to that revision
 * (`t.verdicts`) and its article. The approvals page (listApprovalCards) and
 * the desk's count (countApprovalQueue) both read the queue through this, so
 * the count is always the number of cards. `narrower` adds a condition;
 * further joins may follow.
 */
function fromApprovalQueue<Q extends PgSelect>(query: Q, t: Schema, narrower?: SQL) {
  return query
    .innerJoin(t.verdicts, eq(t.verdicts.id, t.claims.currentVerdictId))
    .innerJoin(t.articles, eq(t.articles.id, t.claims.articleId))
    .where(and(eq(t.claims.status, "verdict_proposed"), narrower));
}

/**
 * How many claims await approval (the cards listApprovalCards returns), in one
 * COUNT query; `excludingAuthorId` leaves out the revisions that person wrote
 * (an editor cannot approve their own, so they are not awaiting them).
 */
export async function countApprovalQueue({ excludingAuthorId }: { excludingAuthorId?: string } = {}): Promise<number> {
  const { db, t } = await getDatabase();
  const [row] = await fromApprovalQueue(db.select({ n: count() }).from(t.claims).$dynamic(), t, excludingAuthorId ? ne(t.verdicts.authorId, excludingAuthorId) : undefined);
  return Number(row?.n ?? 0);
}

/**
 * Every claim whose current revision awaits approval, oldest first, with the
 * revisions to compare it with and the claim's earlier reviews. Four queries
 * whatever the length of the queue: the queue, the revisions shown, their
 * citations, and the claims' reviews.
 */
export async function listApprovalCards(): Promise<ApprovalCard[]> {
  const { db, t } = await getDatabase();
  const previous = alias(t.verdicts, "previous_verdicts");
  const selection = db
    .select({
      claimId: t.claims.id,
      claimNumber: t.claims.number,
      exact: t.claims.exact,
      articleId: t.articles.id,
      articleTitle: t.articles.title,
      proposedId: t.verdicts.id,
      publishedId: t.claims.publishedVerdictId,
      previousId: previous.id,
      publicationSlug: t.publications.slug,
      publicationLive: t.publications.live,
      publicationSummary: t.publications.summary,
      publicationHeadline: t.publications.headlineRatingId,
      publicationVersion: t.publications.version,
      onPublishedSnapshot: sql<boolean | number>`(${t.claims.versionId} = ${t.publications.versionId} or exists (select 1 from claim_anchors a where a.claim_id = ${t.claims.id} and a.version_id = ${t.publications.versionId}))`,
    })
    .from(t.claims)
    .$dynamic();
  const queue = await fromApprovalQueue(selection, t)
    .leftJoin(previous, and(eq(previous.claimId, t.claims.id), eq(previous.revision, sql`${t.verdicts.revision} - 1`)))
    .leftJoin(t.publications, eq(t.publications.articleId, t.claims.articleId))
    .orderBy(asc(t.verdicts.createdAt), asc(t.claims.id));
  if (queue.length === 0) return [];

  const claimIds = queue.map((q) => q.claimId);
  const shownIds = [...new Set(queue.flatMap((q) => [q.proposedId, q.publishedId, q.previousId]).filter((id): id is string => Boolean(id)))];
  const [revisions, reviews] = await Promise.all([loadRevisions(shownIds), loadReviews(claimIds)]);

  return queue.map((q): ApprovalCard => {
    const proposed = revisions.get(q.proposedId)!;
    const published = q.publishedId && q.publishedId !== q.proposedId ? (revisions.get(q.publishedId) ?? null) : null;
    const before = q.previousId ? (revisions.get(q.previousId) ?? null) : null;
    const publication: ApprovalPublication | null =
      q.publicationSlug !== null
        ? { slug: q.publicationSlug, live: Boolean(q.publicationLive), summary: q.publicationSummary ?? "", headlineRatingId: q.publicationHeadline, version: Number(q.publicationVersion) }
        : null;
    const correctsPublication = approvalCorrects({ hasPublication: publication !== null, publishedVerdictId: q.publishedId, verdictId: q.proposedId, onPublishedSnapshot: Boolean(q.onPublishedSnapshot) });
    const claimReviews = reviews.get(q.claimId) ?? [];
    const answers = before ? (claimReviews.filter((r) => r.verdictId === before.id && r.decision === "changes_requested").at(-1) ?? null) : null;
    return {
      claimId: q.claimId,
      claimNumber: q.claimNumber,
      exact: q.exact,
      articleId: q.articleId,
      articleTitle: q.articleTitle,
      proposed,
      published,
      previous: before,
      publication,
      liveOnPublicPage: Boolean(publication?.live && published && !published.withdrawnReason),
      correctsPublication,
      needsPublicationCheck: correctsPublication && Boolean(publication?.live),
      reviews: claimReviews,
      answers,
    };
  });
}

/** The revisions by id with rating, author and citations in order: two queries. */
async function loadRevisions(ids: string[]): Promise<Map<string, ApprovalRevision>> {
  const { db, t } = await getDatabase();
  const [rows, citations] = await Promise.all([
    db
      .select({ verdict: t.verdicts, ratingLabel: t.ratings.label, ratingColour: t.ratings.colour, authorName: t.users.name })
      .from(t.verdicts)
      .innerJoin(t.ratings, eq(t.ratings.id, t.verdicts.ratingId))
      .innerJoin(t.users, eq(t.users.id, t.verdicts.authorId))
      .where(inArray(t.verdicts.id, ids)),
    citationsWithArchives(ids),
  ]);
  const result = new Map<string, ApprovalRevision>();
  for (const { verdict: v, ratingLabel, ratingColour, authorName } of rows) {
    result.set(v.id, {
      id: v.id,
      revision: v.revision,
      rating: { id: v.ratingId, label: ratingLabel, colour: ratingColour },
      rationale: v.rationale,
      citations: [],
      statement: v.statement,
      claimant: pickClaimant(v),
      withdrawnReason: v.withdrawnReason,
      correctionNote: v.correctionNote,
      authorId: v.authorId,
      authorName,
      createdAt: v.createdAt.toISOString(),
      archives: [],
    });
  }
  for (const c of citations) {
    result.get(c.verdictId)?.citations.push({
      url: c.url,
      title: c.title,
      quote: c.quote,
      stance: c.stance,
      publisher: c.publisher,
      publishedOn: c.publishedOn,
      kind: c.kind,
      archiveUrl: c.archiveUrl,
      locator: c.locator,
    });
    result.get(c.verdictId)?.archives.push(c.archive ? { ...c.archive, fetchedAt: c.archive.fetchedAt?.toISOString() ?? null, checkedAt: c.archive.checkedAt?.toISOString() ?? null } : null);
  }
  return result;
}

/** Every review on any revision of these claims, oldest first, grouped by claim: one query. */
async function loadReviews(claimIds: string[]): Promise<Map<string, ApprovalReview[]>> {
  const { db, t } = await getDatabase();
  const rows = await db
    .select({
      id: t.reviews.id,
      claimId: t.verdicts.claimId,
      verdictId: t.reviews.verdictId,
      revision: t.verdicts.revision,
      editorName: t.users.name,
      decision: t.reviews.decision,
      comment: t.reviews.comment,
      createdAt: t.reviews.createdAt,
    })
    .from(t.reviews)
    .innerJoin(t.verdicts, eq(t.verdicts.id, t.reviews.verdictId))
    .innerJoin(t.users, eq(t.users.id, t.reviews.editorId))
    .where(inArray(t.verdicts.claimId, claimIds))
    .orderBy(asc(t.reviews.createdAt), asc(t.verdicts.revision));
  const result = new Map<string, ApprovalReview[]>();
  for (const { claimId, createdAt, ...review } of rows) {
    const list = result.get(claimId) ?? [];
    list.push({ ...review, createdAt: createdAt.toISOString() });
    result.set(claimId, list);
  }
  return result;
}
