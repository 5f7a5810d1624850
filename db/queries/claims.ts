import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { describeAnchor } from "@/lib/anchor";
import { AppError, staleVersion } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { canonicalText, codePointLength } from "@/lib/text";
import { getDatabase } from "../client";
import { refreshArticleStatus } from "./articles";
import { recordAudit } from "./audit";

type Tables = typeof import("../schema/pg");
export type Claim = Tables["claims"]["$inferSelect"];

/**
 * Creates a claim from a selection. The anchor is rebuilt on the server from
 * the stored snapshot, so a client cannot store a quote the article does not contain.
 */
export async function createClaim(input: {
  articleId: string;
  versionId: string;
  start: number;
  end: number;
  exact: string;
  statement: string;
  userId: string;
}): Promise<Claim> {
  const database = await getDatabase();
  const { t } = database;
  return database.transaction(async (tx) => {
    const [article] = await tx.select().from(t.articles).where(eq(t.articles.id, input.articleId));
    if (!article) throw new AppError("not_found:article", "That article does not exist.");
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
        status: "open",
        createdBy: input.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(tx, { actorId: input.userId, action: "claim.create", entityType: "claim", entityId: claim!.id, after: claim });
    await refreshArticleStatus(tx, input.articleId, input.userId);
    return claim!;
  });
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

/** Edits the plain restatement, or excludes/re-includes the claim. */
export async function updateClaim(input: {
  id: string;
  version: number;
  statement?: string;
  excluded?: { reason: string } | null;
  userId: string;
}): Promise<Claim> {
  const database = await getDatabase();
  const { t } = database;
  return database.transaction(async (tx) => {
    const [before] = await tx.select().from(t.claims).where(eq(t.claims.id, input.id));
    if (!before) throw new AppError("not_found:claim", "That claim does not exist.");
    const changes: Partial<Claim> = { updatedAt: new Date(), version: input.version + 1 };
    if (input.statement !== undefined) changes.statement = input.statement.trim();
    if (input.excluded) {
      changes.status = "excluded";
      changes.exclusionReason = input.excluded.reason.trim();
    } else if (input.excluded === null && before.status === "excluded") {
      // Re-including goes back to where the verdict work stood.
      changes.status = before.currentVerdictId ? "verdict_proposed" : "open";
      changes.exclusionReason = null;
    }
    const [after] = await tx
      .update(t.claims)
      .set(changes)
      .where(and(eq(t.claims.id, input.id), eq(t.claims.version, input.version)))
      .returning();
    if (!after) throw staleVersion("claim");
    await recordAudit(tx, { actorId: input.userId, action: input.excluded !== undefined ? "claim.exclude" : "claim.update", entityType: "claim", entityId: input.id, before, after });
    await refreshArticleStatus(tx, before.articleId, input.userId);
    return after;
  });
}
