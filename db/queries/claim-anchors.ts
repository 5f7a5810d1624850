import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { describeAnchor } from "@/lib/anchoring/anchor";
import { sameWords } from "@/lib/anchoring/quote-words";
import { AppError, staleVersion } from "@/lib/errors";
import { canonicalText, codePointLength } from "@/lib/anchoring/text";
import { getDatabase, type Db } from "../client";
import { recordAudit } from "./audit";
import { getPublicationOfArticle, reopenForChangedQuote } from "./claim-revisions";
import type { Claim } from "./claims";
import { isPublicClaim, publishedRevisionId } from "./public-visibility";

type Tables = typeof import("../schema/pg");
export type ClaimAnchor = Tables["claimAnchors"]["$inferSelect"];

/** The anchors claims had on snapshots they have left, newest first per claim. */
export async function listPreviousAnchors({ claimIds }: { claimIds: string[] }): Promise<ClaimAnchor[]> {
  if (claimIds.length === 0) return [];
  const { db, t } = await getDatabase();
  return db.select().from(t.claimAnchors).where(inArray(t.claimAnchors.claimId, claimIds)).orderBy(desc(t.claimAnchors.createdAt));
}

/**
 * Claims as they stand on snapshot `versionId`: those on it as they are,
 * those that moved on with the anchor they had there. Public pages use it
 * to keep showing the published snapshot after a re-import. Claims that
 * never were on that snapshot are left out.
 */
export async function pinClaimsToVersion<C extends Claim>(claims: C[], versionId: string, tx?: Db): Promise<C[]> {
  const elsewhere = claims.filter((c) => c.versionId !== versionId).map((c) => c.id);
  const { db: main, t } = await getDatabase();
  const db = tx ?? main;
  const rows = elsewhere.length
    ? await db
        .select()
        .from(t.claimAnchors)
        .where(and(inArray(t.claimAnchors.claimId, elsewhere), eq(t.claimAnchors.versionId, versionId)))
        .orderBy(desc(t.claimAnchors.createdAt))
    : [];
  const byClaim = new Map<string, ClaimAnchor>();
  for (const r of rows) if (!byClaim.has(r.claimId)) byClaim.set(r.claimId, r);
  return claims.flatMap((c) => {
    if (c.versionId === versionId) return [c];
    const a = byClaim.get(c.id);
    if (!a || a.anchorStatus === "orphaned") return [];
    return [{ ...c, versionId, exact: a.exact, prefix: a.prefix, suffix: a.suffix, start: a.start, end: a.end, anchorStatus: a.anchorStatus, anchorScore: a.anchorScore }];
  });
}

export type AnchorDecision =
  | { kind: "confirm" }
  | { kind: "reattach"; start: number; end: number; exact: string }
  | { kind: "keep_old" };

/**
 * A reviewer's decision on a re-anchored claim: confirm the proposed
 * position, attach the claim to a new selection in the current snapshot, or
 * keep it on the snapshot it came from (it then stays out of the current
 * text). Guarded by the claim's `version`; audited. A decision that would
 * change where readers of a live fact-check see the claim is refused.
 */
export async function decideClaimAnchor(input: { claimId: string; version: number; decision: AnchorDecision; userId: string }): Promise<Claim> {
  const database = await getDatabase();
  const { t } = database;
  return database.transaction(async (tx) => {
    const [before] = await tx.select().from(t.claims).where(eq(t.claims.id, input.claimId));
    if (!before) throw new AppError("not_found:claim", "That claim does not exist.");
    if (before.version !== input.version) throw staleVersion("claim");
    const [article] = await tx.select().from(t.articles).where(eq(t.articles.id, before.articleId));
    if (!article) throw new AppError("not_found:article", "That article does not exist.");
    let changes: Partial<Claim>;
    const { decision } = input;
    if (decision.kind === "confirm") {
      if (before.anchorStatus === "orphaned") throw new AppError("invalid:anchor", "This claim's quote was not found, so there is no position to confirm. Select the text it belongs to and re-attach it, or keep it on the old snapshot.");
      if (before.versionId !== article.currentVersionId) throw new AppError("invalid:anchor", "This claim is kept on an older snapshot; re-attach it to place it in the current text.");
      changes = { anchorStatus: "anchored", anchorScore: 1 };
    } else if (decision.kind === "reattach") {
      const [snapshot] = await tx.select().from(t.articleVersions).where(eq(t.articleVersions.id, article.currentVersionId!));
      const text = canonicalText(snapshot!.blocks);
      if (!(decision.start >= 0 && decision.end <= codePointLength(text) && decision.start < decision.end)) {
        throw new AppError("invalid:anchor", "The selection is outside the article text. Select the text again.");
      }
      const anchor = describeAnchor(text, decision.start, decision.end);
      if (anchor.exact !== decision.exact) throw new AppError("invalid:anchor", "The selected text does not match the current snapshot. Reload and select it again.");
      changes = { versionId: snapshot!.id, ...anchor, anchorStatus: "anchored", anchorScore: 1 };
    } else {
      const [old] = await tx
        .select()
        .from(t.claimAnchors)
        .where(eq(t.claimAnchors.claimId, before.id))
        .orderBy(desc(t.claimAnchors.createdAt))
        .limit(1);
      if (!old || old.versionId === before.versionId) throw new AppError("invalid:anchor", "This claim has no earlier snapshot to stay on.");
      changes = { versionId: old.versionId, exact: old.exact, prefix: old.prefix, suffix: old.suffix, start: old.start, end: old.end, anchorStatus: "anchored", anchorScore: 1 };
    }
    await refuseIfReadersWouldSeeIt(tx, before, { ...before, ...changes });
    const [after] = await tx
      .update(t.claims)
      .set({ ...changes, updatedAt: new Date(), version: before.version + 1 })
      .where(and(eq(t.claims.id, before.id), eq(t.claims.version, input.version)))
      .returning();
    if (!after) throw staleVersion("claim");
    if (decision.kind === "reattach" && !sameWords(before.exact, after.exact)) await reopenForChangedQuote(tx, before.id, input.userId);
    const pick = (c: Claim) => ({ versionId: c.versionId, exact: c.exact, start: c.start, end: c.end, anchorStatus: c.anchorStatus });
    await recordAudit(tx, { actorId: input.userId, action: `claim.anchor_${decision.kind}`, entityType: "claim", entityId: before.id, before: pick(before), after: pick(after) });
    const [current] = await tx.select().from(t.claims).where(eq(t.claims.id, before.id));
    return current!;
  });
}

/**
 * Readers of a live fact-check see a claim under the quote an editor approved
 * it with (on the published snapshot, pinned there after a re-import). A
 * decision that would move it on that snapshot, put it there or take it off
 * is refused: a new version of the article, or taking the fact-check offline
 * first, is the way to re-place it (and a changed quote is reviewed again).
 */
async function refuseIfReadersWouldSeeIt(tx: Db, before: Claim, after: Claim): Promise<void> {
  const publication = await getPublicationOfArticle(tx, before.articleId);
  const revisionId = publishedRevisionId(before);
  if (!publication?.live || !revisionId) return;
  const { t } = await getDatabase();
  const [revision] = await tx.select().from(t.verdicts).where(eq(t.verdicts.id, revisionId));
  const seen = async (claim: Claim) => {
    const [pinned] = await pinClaimsToVersion([claim], publication.versionId, tx);
    return pinned && isPublicClaim(pinned, revision, publication) ? `${pinned.start}:${pinned.end}:${pinned.exact}` : null;
  };
  if ((await seen(before)) !== (await seen(after))) {
    throw new AppError("conflict:anchor", "This would change what readers of the published fact-check see of this claim. To place it elsewhere, import a new version of the article, or unpublish the fact-check first.");
  }
}
