import "server-only";
import { and, asc, eq, max } from "drizzle-orm";
import { pickClaimant, type Claimant } from "@/lib/claimant";
import { AppError, staleVersion } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { carryOrQueueArchives } from "./citation-archives";
import { getDatabase, type Db } from "../client";
import { refreshArticleStatus } from "./articles";
import { recordAudit } from "./audit";
import { recordPublishedRevision } from "./corrections";

type Tables = typeof import("../schema/pg");
type Claim = Tables["claims"]["$inferSelect"];
type Verdict = Tables["verdicts"]["$inferSelect"];
type Citation = Tables["citations"]["$inferSelect"];
type Publication = Tables["publications"]["$inferSelect"];
export type CitationInput = Omit<Citation, "id" | "verdictId" | "position">;

/**
 * A revision is everything a reader will see of a claim once an editor other
 * than its author approves it: the rating, rationale and citations, and also
 * the statement, the claimant and whether the claim is on the public page at
 * all. Revisions are never edited; each change is a new one.
 */
export type RevisionContent = {
  ratingId: string;
  rationale: string;
  citations: CitationInput[];
  statement: string;
  claimant: Claimant;
  /** Set: this revision takes the claim off the public fact-check, for this reason. */
  withdrawnReason: string | null;
};

export async function getPublicationOfArticle(tx: Db, articleId: string): Promise<Publication | undefined> {
  const { t } = await getDatabase();
  const [publication] = await tx.select().from(t.publications).where(eq(t.publications.articleId, articleId));
  return publication;
}

/** Once a fact-check has been published, every revision becomes a public correction when approved: it needs a note for readers. */
export function requireCorrectionNote(publication: Publication | undefined, note: string | null | undefined, errorKind: "verdict" | "claim"): string | null {
  const trimmed = note?.trim() || null;
  if (publication && !trimmed) {
    throw new AppError(`invalid:${errorKind}`, "This fact-check has been published: describe the change in a correction note. Readers will see it once an editor approves it.", {
      fieldErrors: { correctionNote: ["Write a correction note for readers."] },
    });
  }
  return trimmed;
}

/**
 * Inserts `content` as the claim's newest revision and submits it for
 * approval. The caller holds the claim's row lock and has checked its
 * version; until an editor approves, readers keep the approved revision.
 */
export async function insertRevision(
  tx: Db,
  input: { claim: Claim; content: RevisionContent; correctionNote: string | null | undefined; authorId: string; action: string; errorKind: "verdict" | "claim" },
): Promise<Verdict> {
  const { t } = await getDatabase();
  const { claim, content } = input;
  const correctionNote = requireCorrectionNote(await getPublicationOfArticle(tx, claim.articleId), input.correctionNote, input.errorKind);
  const [last] = await tx.select({ n: max(t.verdicts.revision) }).from(t.verdicts).where(eq(t.verdicts.claimId, claim.id));
  const now = new Date();
  const claimant = pickClaimant(content.claimant);
  const [verdict] = await tx
    .insert(t.verdicts)
    .values({
      id: newId(),
      claimId: claim.id,
      revision: Number(last?.n ?? 0) + 1,
      ratingId: content.ratingId,
      rationale: content.rationale.trim(),
      authorId: input.authorId,
      createdAt: now,
      correctionNote,
      statement: content.statement.trim(),
      ...claimant,
      withdrawnReason: content.withdrawnReason?.trim() || null,
    })
    .returning();
  if (content.citations.length) {
    const citations = content.citations.map((c, position) => ({ ...c, id: newId(), verdictId: verdict!.id, position }));
    await tx.insert(t.citations).values(citations);
    await carryOrQueueArchives(tx, claim.currentVerdictId, citations.map((c) => ({ id: c.id, url: c.url, quote: c.quote ?? null })));
  }
  const [updated] = await tx
    .update(t.claims)
    .set({ currentVerdictId: verdict!.id, status: "verdict_proposed", statement: verdict!.statement, ...claimant, updatedAt: now, version: claim.version + 1 })
    .where(and(eq(t.claims.id, claim.id), eq(t.claims.version, claim.version)))
    .returning({ id: t.claims.id });
  if (!updated) throw staleVersion("claim");
  await recordAudit(tx, {
    actorId: input.authorId,
    action: input.action,
    entityType: "claim",
    entityId: claim.id,
    before: { status: claim.status, verdictId: claim.currentVerdictId, statement: claim.statement, claimant: pickClaimant(claim) },
    after: { status: "verdict_proposed", verdictId: verdict!.id, revision: verdict!.revision, statement: verdict!.statement, claimant, withdrawnReason: verdict!.withdrawnReason, citations: content.citations.length, correctionNote },
  });
  return verdict!;
}

/** The content of an existing revision, to copy into the next one with a few changes. */
export async function revisionContent(tx: Db, verdictId: string): Promise<RevisionContent> {
  const { t } = await getDatabase();
  const [verdict] = await tx.select().from(t.verdicts).where(eq(t.verdicts.id, verdictId));
  if (!verdict) throw new AppError("not_found:verdict", "That verdict does not exist.");
  const citations = await tx.select().from(t.citations).where(eq(t.citations.verdictId, verdictId)).orderBy(asc(t.citations.position));
  return {
    ratingId: verdict.ratingId,
    rationale: verdict.rationale,
    citations: citations.map(({ id: _id, verdictId: _v, position: _p, ...rest }) => rest),
    statement: verdict.statement,
    claimant: pickClaimant(verdict),
    withdrawnReason: verdict.withdrawnReason,
  };
}

/**
 * The rule for when approving a revision corrects a published fact-check
 * (a dated public correction; on a live page, the summary is confirmed too):
 * once the fact-check exists, approving anything but the revision readers
 * see, for a claim readers can see on the published snapshot. A claim made
 * on a newer snapshot waits for a republish.
 */
export function approvalCorrects(input: { hasPublication: boolean; publishedVerdictId: string | null; verdictId: string; onPublishedSnapshot: boolean }): boolean {
  return input.hasPublication && input.publishedVerdictId !== input.verdictId && input.onPublishedSnapshot;
}

/** What an editor confirms when an approval corrects a live fact-check: the summary and headline verdict still fit (or are edited). */
export type PublicationCheck = { summary: string; headlineRatingId: string | null; version: number };

/**
 * Makes `verdict` the claim's approved revision: the one step shared by an
 * editor's approval and a lowered quorum. After publication it is also what
 * readers see, with a dated correction. The caller holds the claim's lock.
 * Returns whether public data changed (so the caller refreshes caches).
 */
export async function approveRevision(
  tx: Db,
  input: { claim: Claim; verdict: Verdict; editorId: string; now: Date; publicationCheck?: PublicationCheck | null },
): Promise<{ status: "approved" | "excluded"; publicChanged: boolean }> {
  const { t } = await getDatabase();
  const { claim, verdict, now } = input;
  const publication = await getPublicationOfArticle(tx, claim.articleId);
  const corrects = approvalCorrects({
    hasPublication: Boolean(publication),
    publishedVerdictId: claim.publishedVerdictId,
    verdictId: verdict.id,
    onPublishedSnapshot: Boolean(publication) && (await onSnapshot(tx, claim, publication!.versionId)),
  });
  if (corrects && publication!.live) await confirmPublication(tx, publication!, input.publicationCheck, input.editorId, now);
  const status = verdict.withdrawnReason ? "excluded" : "approved";
  const [updated] = await tx
    .update(t.claims)
    .set({
      status,
      exclusionReason: verdict.withdrawnReason,
      approvedVerdictId: verdict.id,
      // Readers follow approvals only once the fact-check exists; before that, publishing decides.
      publishedVerdictId: publication ? verdict.id : claim.publishedVerdictId,
      updatedAt: now,
      version: claim.version + 1,
    })
    // Guarded by version as well as the lock: a decision never overwrites a claim it did not read.
    .where(and(eq(t.claims.id, claim.id), eq(t.claims.version, claim.version)))
    .returning({ id: t.claims.id });
  if (!updated) throw staleVersion("claim");
  if (corrects) await recordPublishedRevision(tx, { claim, verdict, publication: publication!, editorId: input.editorId, now });
  return { status, publicChanged: corrects };
}

/**
 * A correction may leave the summary or the headline verdict wrong. The
 * approving editor must confirm both (or edit them) in the same decision.
 */
async function confirmPublication(tx: Db, publication: Publication, check: PublicationCheck | null | undefined, editorId: string, now: Date): Promise<void> {
  const { t } = await getDatabase();
  if (!check) {
    throw new AppError("invalid:review", "This approval corrects the published fact-check. Check that its summary and headline verdict still fit, then confirm them or edit them.", {
      fieldErrors: { publicationCheck: ["Confirm the summary and headline verdict."] },
    });
  }
  if (check.version !== publication.version) throw staleVersion("publication");
  const summary = check.summary.trim();
  if (!summary) throw new AppError("invalid:review", "The summary cannot be empty.", { fieldErrors: { summary: ["Write a summary."] } });
  const headlineRatingId = check.headlineRatingId || null;
  if (summary === publication.summary && headlineRatingId === publication.headlineRatingId) return;
  if (headlineRatingId) {
    const [rating] = await tx.select({ hidden: t.ratings.hidden }).from(t.ratings).where(eq(t.ratings.id, headlineRatingId));
    if (!rating || (rating.hidden && headlineRatingId !== publication.headlineRatingId)) {
      throw new AppError("invalid:review", "Choose the headline verdict from the rating scale.", { fieldErrors: { headlineRatingId: ["Choose a rating."] } });
    }
  }
  const before = { summary: publication.summary, headlineRatingId: publication.headlineRatingId };
  await tx.update(t.publications).set({ summary, headlineRatingId, updatedAt: now, version: publication.version + 1 }).where(eq(t.publications.id, publication.id));
  // The correction recorded next in this transaction reads the publication again: keep it current.
  Object.assign(publication, { summary, headlineRatingId, version: publication.version + 1 });
  await recordAudit(tx, { actorId: editorId, action: "publication.summary", entityType: "publication", entityId: publication.id, before, after: { summary, headlineRatingId } });
}

/** The correction readers get if the editor approves a claim re-opened by a change in the article's own words. */
const QUOTE_CHANGED_NOTE = "The article changed the words we quote for this claim; we checked the claim against the new wording.";

/**
 * The words a claim quotes changed (a new version of the article, or the
 * claim re-attached to other words): an approval given to the old words no
 * longer holds. The approved claim gets a new revision, identical in content,
 * that needs an editor's approval again; others are untouched (they await
 * approval anyway). Called inside the transaction that changed the quote.
 */
export async function reopenForChangedQuote(tx: Db, claimId: string, userId: string): Promise<void> {
  const { t } = await getDatabase();
  const [claim] = await tx.select().from(t.claims).where(eq(t.claims.id, claimId));
  if (!claim?.currentVerdictId || claim.status !== "approved") return;
  const content = await revisionContent(tx, claim.currentVerdictId);
  await insertRevision(tx, { claim, content, correctionNote: QUOTE_CHANGED_NOTE, authorId: userId, action: "verdict.reopen", errorKind: "claim" });
  await refreshArticleStatus(tx, claim.articleId, userId);
}

/** Whether the claim has a place on that snapshot: it sits there now, or sat there before a re-import moved it. */
async function onSnapshot(tx: Db, claim: Claim, versionId: string): Promise<boolean> {
  if (claim.versionId === versionId) return true;
  const { t } = await getDatabase();
  const [earlier] = await tx
    .select({ id: t.claimAnchors.id })
    .from(t.claimAnchors)
    .where(and(eq(t.claimAnchors.claimId, claim.id), eq(t.claimAnchors.versionId, versionId)))
    .limit(1);
  return Boolean(earlier);
}
