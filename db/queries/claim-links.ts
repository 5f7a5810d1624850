import "server-only";
import { and, eq, inArray, isNull, or, type SQL } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { getDatabase, type Schema } from "../client";
import { recordAudit } from "./audit";
import { getVerdictsWithCitations, proposeVerdictInTransaction } from "./verdicts";

type Tables = typeof import("../schema/pg");
export type ClaimLink = Tables["claimLinks"]["$inferSelect"];

/** The active (not undone) links between `claimId` and any of `otherIds`, whichever side recorded them. */
export function activeLinksBetween(links: Schema["claimLinks"], claimId: string, otherIds: string[]): SQL {
  return and(
    isNull(links.removedAt),
    or(and(eq(links.claimId, claimId), inArray(links.matchedClaimId, otherIds)), and(eq(links.matchedClaimId, claimId), inArray(links.claimId, otherIds))),
  )!;
}

/**
 * Records that `claimId` says the same as `matchedClaimId` (a claim in
 * another article). With `reuse`, the matched claim's current verdict —
 * rating, rationale and citations — becomes a new verdict revision of this
 * claim in the same transaction: a starting point that still goes through
 * approval like any other proposal. `claimVersion` guards the claim against
 * a colleague's concurrent change.
 */
export async function linkClaims(input: { claimId: string; claimVersion: number; matchedClaimId: string; reuse: boolean; userId: string }): Promise<ClaimLink> {
  if (input.claimId === input.matchedClaimId) throw new AppError("invalid:claim_link", "A claim cannot be linked to itself.");
  const database = await getDatabase();
  const { t } = database;
  return database.transaction(async (tx) => {
    const [claim] = await tx.select().from(t.claims).where(eq(t.claims.id, input.claimId));
    const [matched] = await tx.select().from(t.claims).where(eq(t.claims.id, input.matchedClaimId));
    if (!claim || !matched) throw new AppError("not_found:claim", "That claim does not exist any more.");
    if (claim.articleId === matched.articleId) throw new AppError("invalid:claim_link", "Matches come from other articles; this claim is in the same one.");
    const [existing] = await tx.select().from(t.claimLinks).where(activeLinksBetween(t.claimLinks, claim.id, [matched.id]));
    if (existing && !input.reuse) throw new AppError("conflict:claim_link", "These claims are already linked.");

    let reusedVerdictId: string | null = null;
    if (input.reuse) {
      if (!matched.currentVerdictId) throw new AppError("invalid:claim_link", "The matched claim has no verdict to reuse yet.");
      const source = (await getVerdictsWithCitations({ ids: [matched.currentVerdictId] })).get(matched.currentVerdictId);
      if (!source) throw new AppError("not_found:verdict", "The matched claim's verdict could not be found.");
      const verdict = await proposeVerdictInTransaction(tx, {
        claimId: claim.id,
        claimVersion: input.claimVersion,
        ratingId: source.ratingId,
        rationale: source.rationale,
        citations: source.citations.map(({ id: _id, verdictId: _v, position: _p, archive: _a, ...citation }) => citation),
        userId: input.userId,
      });
      reusedVerdictId = verdict.id;
    }
    if (existing) {
      // Already linked: reusing only adds the verdict; the link stays the one recorded.
      const [updated] = await tx.update(t.claimLinks).set({ reusedVerdictId }).where(eq(t.claimLinks.id, existing.id)).returning();
      await recordAudit(tx, { actorId: input.userId, action: "claim.reuse_verdict", entityType: "claim", entityId: claim.id, before: existing, after: updated });
      return updated!;
    }
    const [link] = await tx
      .insert(t.claimLinks)
      .values({ id: newId(), claimId: claim.id, matchedClaimId: matched.id, reusedVerdictId, createdBy: input.userId, createdAt: new Date() })
      .returning();
    await recordAudit(tx, { actorId: input.userId, action: input.reuse ? "claim.link_reuse" : "claim.link", entityType: "claim", entityId: claim.id, after: link });
    return link!;
  });
}

/**
 * Undoes a link. A verdict revision proposed from it stays (revisions are
 * history and may already be under review); the reviewer revises it if needed.
 */
export async function unlinkClaims(input: { linkId: string; userId: string }): Promise<ClaimLink> {
  const database = await getDatabase();
  const { t } = database;
  return database.transaction(async (tx) => {
    const [before] = await tx.select().from(t.claimLinks).where(eq(t.claimLinks.id, input.linkId));
    if (!before) throw new AppError("not_found:claim_link", "That link does not exist.");
    const [after] = await tx
      .update(t.claimLinks)
      .set({ removedAt: new Date(), removedBy: input.userId })
      .where(and(eq(t.claimLinks.id, input.linkId), isNull(t.claimLinks.removedAt)))
      .returning();
    if (!after) throw new AppError("conflict:claim_link", "This link was already undone.");
    await recordAudit(tx, { actorId: input.userId, action: "claim.unlink", entityType: "claim", entityId: before.claimId, before, after });
    return after;
  });
}
