import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { AppError, staleVersion } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { reviewBlocker, type ClaimStatus, type ReviewDecision } from "@/lib/workflow";
import { getDatabase } from "../client";
import { refreshArticleStatus } from "./articles";
import { recordAudit } from "./audit";
import { notify } from "./notifications";
import { selectClaimForUpdate } from "./row-locks";
import { approveRevision, type PublicationCheck } from "./claim-revisions";
import { getApprovalQuorum } from "./settings";

type Tables = typeof import("../schema/pg");
export type Review = Tables["reviews"]["$inferSelect"];

/**
 * Records an editor's decision on one verdict revision. The two-person rule,
 * staleness and the approval quorum are all checked here, in the transaction,
 * whatever the UI showed.
 */
export async function reviewVerdict(input: {
  verdictId: string;
  decision: ReviewDecision;
  comment: string;
  editorId: string;
  /** Required when this approval would correct a live fact-check (see approveRevision). */
  publicationCheck?: PublicationCheck | null;
}): Promise<{ review: Review; claimStatus: ClaimStatus; publicChanged: boolean }> {
  const database = await getDatabase();
  const { t } = database;
  return database.transaction(async (tx) => {
    const [verdict] = await tx.select().from(t.verdicts).where(eq(t.verdicts.id, input.verdictId));
    if (!verdict) throw new AppError("not_found:verdict", "That verdict does not exist.");
    // Locked: a second editor deciding at the same moment waits, then sees this decision (see row-locks.ts).
    const claim = await selectClaimForUpdate(tx, verdict.claimId);
    if (!claim) throw new AppError("not_found:claim", "That claim does not exist.");
    const earlier = await tx
      .select()
      .from(t.reviews)
      .where(and(eq(t.reviews.verdictId, verdict.id), eq(t.reviews.decision, "approved")));
    const blocker = reviewBlocker({
      claimStatus: claim.status,
      isCurrentRevision: claim.currentVerdictId === verdict.id,
      authorId: verdict.authorId,
      editorId: input.editorId,
      alreadyReviewedByEditor: earlier.some((r) => r.editorId === input.editorId),
    });
    if (blocker) {
      const code = verdict.authorId === input.editorId ? "forbidden:review" : "conflict:review";
      throw new AppError(code, blocker);
    }
    if (input.decision === "changes_requested" && !input.comment.trim()) {
      throw new AppError("invalid:review", "Say what needs to change: a comment is required when requesting changes.", { fieldErrors: { comment: ["Required when requesting changes."] } });
    }
    const now = new Date();
    const [review] = await tx
      .insert(t.reviews)
      .values({ id: newId(), verdictId: verdict.id, editorId: input.editorId, decision: input.decision, comment: input.comment.trim(), createdAt: now })
      .returning();
    const quorum = await getApprovalQuorum(tx);
    const approvals = earlier.length + (input.decision === "approved" ? 1 : 0);
    let claimStatus: ClaimStatus;
    let publicChanged = false;
    if (input.decision === "approved" && approvals >= quorum) {
      const approved = await approveRevision(tx, { claim, verdict, editorId: input.editorId, now, publicationCheck: input.publicationCheck });
      claimStatus = approved.status;
      publicChanged = approved.publicChanged;
    } else {
      claimStatus = input.decision === "changes_requested" ? "changes_requested" : "verdict_proposed";
      const [updated] = await tx
        .update(t.claims)
        .set({ status: claimStatus, updatedAt: now, version: claim.version + 1 })
        .where(and(eq(t.claims.id, claim.id), eq(t.claims.version, claim.version)))
        .returning({ id: t.claims.id });
      if (!updated) throw staleVersion("claim");
    }
    await recordAudit(tx, {
      actorId: input.editorId,
      action: `verdict.${input.decision === "approved" ? "approve" : "request_changes"}`,
      entityType: "claim",
      entityId: claim.id,
      before: { status: claim.status },
      after: { status: claimStatus, verdictId: verdict.id, revision: verdict.revision, comment: review!.comment, approvals, quorum },
    });
    const [editor] = await tx.select({ name: t.users.name }).from(t.users).where(eq(t.users.id, input.editorId));
    const met = claimStatus === "approved" || claimStatus === "excluded";
    const decided = input.decision === "approved" ? (met ? "approved" : `approved (${approvals} of ${quorum} needed)`) : "requested changes to";
    await notify(tx, { userIds: [verdict.authorId], kind: "review", actorId: input.editorId, articleId: claim.articleId, claimId: claim.id, message: `${editor?.name ?? "An editor"} ${decided} your verdict on “${claim.statement}”${review!.comment ? `: ${review!.comment.slice(0, 200)}` : "."}` });
    await refreshArticleStatus(tx, claim.articleId, input.editorId);
    return { review: review!, claimStatus, publicChanged };
  });
}

export async function listReviewsForVerdicts({ verdictIds }: { verdictIds: string[] }): Promise<Review[]> {
  if (verdictIds.length === 0) return [];
  const { db, t } = await getDatabase();
  return db.select().from(t.reviews).where(inArray(t.reviews.verdictId, verdictIds)).orderBy(asc(t.reviews.createdAt));
}
