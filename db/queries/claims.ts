import "server-only";
import { and, asc, count, eq, max } from "drizzle-orm";
import { describeAnchor } from "@/lib/anchoring/anchor";
import { AppError, staleVersion } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { MAX_CLAIMS_PER_ARTICLE } from "@/lib/limits";
import { canonicalText, codePointLength } from "@/lib/anchoring/text";
import { placeAt } from "@/lib/block-place";
import { claimantFromArticle, pickClaimant, sameClaimant, type Claimant } from "@/lib/claimant";
import type { ClaimStatus } from "@/lib/workflow";
import { getDatabase, type Db } from "../client";
import { refreshArticleStatus } from "./articles";
import { recordAudit } from "./audit";
import { withIdempotency } from "./idempotency";
import { getPublicationOfArticle, insertRevision, revisionContent } from "./claim-revisions";
import { publishedRevisionId, showsClaim } from "./public-visibility";
import { selectClaimForUpdate, selectForUpdate } from "./row-locks";

type Tables = typeof import("../schema/pg");
export type Claim = Tables["claims"]["$inferSelect"];

/**
 * Creates a claim from a selection. The anchor is rebuilt on the server from
 * the stored snapshot, so a client cannot store a quote the article does not contain.
 * With an `idempotencyKey`, a retry of the same save returns the first claim.
 */
export async function createClaim(input: {
  articleId: string;
  versionId: string;
  start: number;
  end: number;
  exact: string;
  statement: string;
  userId: string;
  idempotencyKey?: string | null;
}): Promise<Claim> {
  const database = await getDatabase();
  const { t } = database;
  const create = async (tx: Db) => {
    // Locked so that two saves at the limit cannot both pass the count below.
    const article = await selectForUpdate(tx, t.articles, input.articleId);
    if (!article) throw new AppError("not_found:article", "That article does not exist.");
    const [{ n, last } = { n: 0, last: 0 }] = await tx.select({ n: count(), last: max(t.claims.number) }).from(t.claims).where(eq(t.claims.articleId, input.articleId));
    if (Number(n) >= MAX_CLAIMS_PER_ARTICLE) {
      throw new AppError("invalid:claim", `This article already has ${MAX_CLAIMS_PER_ARTICLE} claims, the most one fact-check can hold. Exclude or reuse existing claims, or split the article.`);
    }
    if (article.currentVersionId !== input.versionId) {
      throw new AppError("conflict:article", "A newer version of this article was imported. Reload it and select the text again.");
    }
    const [snapshot] = await tx.select().from(t.articleVersions).where(eq(t.articleVersions.id, input.versionId));
    if (!snapshot) throw new AppError("not_found:article", "That article version does not exist.");
    const text = canonicalText(snapshot.blocks);
    const length = codePointLength(text);
    if (!(Number.isInteger(input.start) && Number.isInteger(input.end) && input.start >= 0 && input.end <= length && input.start < input.end)) {
      throw new AppError("invalid:claim", "The selection is outside the article text. Select the text again.");
    }
    const anchor = describeAnchor(text, input.start, input.end);
    if (anchor.exact !== input.exact) {
      throw new AppError("invalid:claim", "The selected text does not match the article. Reload the article and select the text again.");
    }
    const now = new Date();
    const [claim] = await tx
      .insert(t.claims)
      .values({
        id: newId(),
        articleId: input.articleId,
        versionId: input.versionId,
        ...anchor,
        anchorStatus: "anchored",
        anchorScore: 1,
        statement: input.statement.trim(),
        // The next number in creation order; the article row is locked above, so two saves cannot take the same one.
        number: Number(last ?? 0) + 1,
        ...claimantFromArticle(article, placeAt(snapshot.blocks, input.start)),
        status: "open",
        createdBy: input.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(tx, { actorId: input.userId, action: "claim.create", entityType: "claim", entityId: claim!.id, after: claim });
    await refreshArticleStatus(tx, input.articleId, input.userId);
    return claim!;
  };
  return database.transaction((tx) =>
    withIdempotency(tx, { key: input.idempotencyKey, userId: input.userId, kind: "claim" }, {
      create: () => create(tx),
      idOf: (claim) => claim.id,
      replay: async (id) => (await tx.select().from(t.claims).where(eq(t.claims.id, id)))[0]!,
    }),
  );
}

export async function getClaimByIdOrThrow({ id }: { id: string }): Promise<Claim> {
  const { db, t } = await getDatabase();
  const [claim] = await db.select().from(t.claims).where(eq(t.claims.id, id));
  if (!claim) throw new AppError("not_found:claim", "That claim does not exist.");
  return claim;
}

export async function listClaimsForArticle({ articleId }: { articleId: string }): Promise<Claim[]> {
  const { db, t } = await getDatabase();
  return db.select().from(t.claims).where(eq(t.claims.articleId, articleId)).orderBy(asc(t.claims.start), asc(t.claims.end));
}

/**
 * Edits what a claim says or who said it, or excludes/re-includes it. While
 * no verdict exists the working row changes directly (nothing is public). Once
 * a verdict exists, a change readers would see becomes a new revision that
 * needs an editor other than its author; after publication it also needs a
 * correction note, and readers keep the approved revision until then.
 */
export async function updateClaim(input: {
  id: string;
  version: number;
  statement?: string;
  claimant?: Claimant;
  excluded?: { reason: string } | null;
  correctionNote?: string | null;
  userId: string;
}): Promise<Claim> {
  const database = await getDatabase();
  const { t } = database;
  return database.transaction(async (tx) => {
    const before = await selectClaimForUpdate(tx, input.id);
    if (!before) throw new AppError("not_found:claim", "That claim does not exist.");
    if (before.version !== input.version) throw staleVersion("claim");
    const statement = input.statement?.trim() ?? before.statement;
    const claimant = input.claimant ? pickClaimant(input.claimant) : pickClaimant(before);
    const wording = { statement, ...claimant };
    const revise = async (withdrawnReason: string | null, action: string) => {
      const content = { ...(await revisionContent(tx, before.currentVerdictId!)), statement, claimant, withdrawnReason };
      await insertRevision(tx, { claim: before, content, correctionNote: input.correctionNote, authorId: input.userId, action, errorKind: "claim" });
    };
    const direct = async (changes: Partial<Claim>, action: string) => {
      const [after] = await tx
        .update(t.claims)
        .set({ ...changes, updatedAt: new Date(), version: input.version + 1 })
        .where(and(eq(t.claims.id, input.id), eq(t.claims.version, input.version)))
        .returning();
      if (!after) throw staleVersion("claim");
      await recordAudit(tx, { actorId: input.userId, action, entityType: "claim", entityId: input.id, before, after });
    };
    const publication = await getPublicationOfArticle(tx, before.articleId);
    if (input.excluded) {
      if (before.status === "excluded") throw new AppError("conflict:claim", "This claim is already excluded.");
      const reason = input.excluded.reason.trim();
      // A claim readers can see leaves the page only through a reviewed revision; any other goes at once.
      if (await isOnPublicPage(tx, before)) await revise(reason, "claim.withdraw");
      else await direct({ status: "excluded", exclusionReason: reason }, "claim.exclude");
    } else if (input.excluded === null) {
      // Also answers a removal still awaiting approval: the new revision keeps the claim on the page.
      const removalPending = before.status !== "excluded" && (await pendingWithdrawal(tx, before)) !== null;
      if (before.status !== "excluded" && !removalPending) throw new AppError("conflict:claim", "This claim is not excluded.");
      if (removalPending || (publication && before.currentVerdictId)) await revise(null, "claim.reinclude");
      else await direct({ status: await statusOnReinclude(tx, before), exclusionReason: null }, "claim.include");
    } else if (statement !== before.statement || !sameClaimant(claimant, before)) {
      if (before.currentVerdictId && before.status !== "excluded") await revise(await pendingWithdrawal(tx, before), "claim.revise");
      else await direct(wording, "claim.update");
    }
    await refreshArticleStatus(tx, before.articleId, input.userId);
    const [after] = await tx.select().from(t.claims).where(eq(t.claims.id, input.id));
    return after!;
  });
}

/** Whether the claim's published revision shows it (./public-visibility.ts), live or taken down: leaving the page then needs a reviewed revision. */
async function isOnPublicPage(tx: Db, claim: Claim): Promise<boolean> {
  const revisionId = publishedRevisionId(claim);
  return revisionId !== null && showsClaim(await revisionContent(tx, revisionId));
}

/** A removal awaiting approval stays requested when the wording changes meanwhile. */
async function pendingWithdrawal(tx: Db, claim: Claim): Promise<string | null> {
  return claim.currentVerdictId ? (await revisionContent(tx, claim.currentVerdictId)).withdrawnReason : null;
}

/**
 * Including a claim again (before publication) puts it back where its current
 * revision stood: a change request stays open (only a new revision answers
 * it), an approval stays approved, anything else awaits approval.
 */
async function statusOnReinclude(tx: Db, claim: Claim): Promise<ClaimStatus> {
  if (!claim.currentVerdictId) return "open";
  const { t } = await getDatabase();
  const reviews = await tx.select({ decision: t.reviews.decision }).from(t.reviews).where(eq(t.reviews.verdictId, claim.currentVerdictId));
  if (reviews.some((r) => r.decision === "changes_requested")) return "changes_requested";
  return claim.approvedVerdictId === claim.currentVerdictId ? "approved" : "verdict_proposed";
}
