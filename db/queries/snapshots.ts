import "server-only";
import { and, desc, eq, inArray, or } from "drizzle-orm";
import type { AnchorStatus } from "@/lib/workflow";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { carryReview, reanchorAll } from "@/lib/anchoring/reanchor";
import { canonicalText, normalizeBlocks, type Block } from "@/lib/anchoring/text";
import { getDatabase } from "../client";
import { hashText, type Article, type ArticleVersion, type SnapshotSource } from "./articles";
import { recordAudit } from "./audit";
import { selectForUpdate } from "./row-locks";
import { reopenForChangedQuote } from "./claim-revisions";

export type ReanchorSummary = Record<AnchorStatus, number>;

/**
 * An existing article that is the same piece: the same canonical or source
 * URL, or a snapshot with exactly the same text. Import offers it instead of
 * creating a second article.
 */
export async function findDuplicateArticle({ urls, textHash }: { urls: string[]; textHash: string | null }): Promise<Article | null> {
  const { db, t } = await getDatabase();
  const wanted = [...new Set(urls.filter(Boolean))];
  if (wanted.length) {
    const [byUrl] = await db
      .select()
      .from(t.articles)
      .where(or(inArray(t.articles.canonicalUrl, wanted), inArray(t.articles.sourceUrl, wanted)))
      .orderBy(desc(t.articles.createdAt))
      .limit(1);
    if (byUrl) return byUrl;
  }
  if (!textHash) return null;
  const [byText] = await db
    .select({ article: t.articles })
    .from(t.articleVersions)
    .innerJoin(t.articles, eq(t.articles.id, t.articleVersions.articleId))
    .where(eq(t.articleVersions.textHash, textHash))
    .limit(1);
  return byText?.article ?? null;
}

/**
 * Adds a snapshot to an article and re-anchors every claim that sat on the
 * previous one (lib/anchoring/reanchor.ts), all in one transaction: the old anchor of
 * each claim is kept in claim_anchors, each change is audited.
 * `basedOnVersionId` is the snapshot the reviewer compared against; if
 * someone imported another version meanwhile the call is refused.
 */
export async function saveVersionAndReanchorClaims(
  input: SnapshotSource & { articleId: string; basedOnVersionId: string; blocks: Block[]; userId: string },
): Promise<{ snapshot: ArticleVersion; summary: ReanchorSummary }> {
  const blocks = normalizeBlocks(input.blocks);
  if (blocks.length === 0) throw new AppError("invalid:import", "The new version has no text. Keep at least one block.");
  const database = await getDatabase();
  const { t } = database;
  return database.transaction(async (tx) => {
    // Locked: a second import of the same article waits, then finds the version it was based on replaced.
    const article = await selectForUpdate(tx, t.articles, input.articleId);
    if (!article) throw new AppError("not_found:article", "That article does not exist.");
    if (article.currentVersionId !== input.basedOnVersionId) {
      throw new AppError("conflict:article", "Someone imported another version of this article while you were preparing yours. Open the article again and start over.");
    }
    const [previous] = await tx.select().from(t.articleVersions).where(eq(t.articleVersions.id, article.currentVersionId!));
    if (!previous) throw new AppError("not_found:article", "The article's current text is missing.");
    const newText = canonicalText(blocks);
    const textHash = hashText(newText);
    if (textHash === previous.textHash) {
      throw new AppError("invalid:import", `The text is the same as snapshot ${previous.number}: nothing to update.`);
    }
    const now = new Date();
    const [snapshot] = await tx
      .insert(t.articleVersions)
      .values({
        id: newId(),
        articleId: article.id,
        number: previous.number + 1,
        blocks,
        textHash,
        createdBy: input.userId,
        createdAt: now,
        sourceHtml: input.sourceHtml ?? null,
        origin: input.origin ?? null,
        originalFileId: input.originalFileId ?? null,
      })
      .returning();

    const claims = await tx.select().from(t.claims).where(and(eq(t.claims.articleId, article.id), eq(t.claims.versionId, previous.id)));
    const outcomes = reanchorAll(canonicalText(previous.blocks), newText, claims);
    const summary: ReanchorSummary = { anchored: 0, moved: 0, needs_review: 0, orphaned: 0 };
    for (const [k, claim] of claims.entries()) {
      const outcome = outcomes[k]!;
      const status = carryReview(claim.anchorStatus, outcome.status);
      summary[status]++;
      const { exact, prefix, suffix, start, end } = outcome.anchor;
      await tx.insert(t.claimAnchors).values({
        id: newId(),
        claimId: claim.id,
        versionId: previous.id,
        exact: claim.exact,
        prefix: claim.prefix,
        suffix: claim.suffix,
        start: claim.start,
        end: claim.end,
        anchorStatus: claim.anchorStatus,
        anchorScore: claim.anchorScore,
        createdBy: input.userId,
        createdAt: now,
      });
      const after = { versionId: snapshot!.id, exact, prefix, suffix, start, end, anchorStatus: status, anchorScore: outcome.score };
      await tx
        .update(t.claims)
        .set({ ...after, updatedAt: now, version: claim.version + 1 })
        .where(eq(t.claims.id, claim.id));
      if (outcome.wordsChanged) await reopenForChangedQuote(tx, claim.id, input.userId);
      await recordAudit(tx, {
        actorId: input.userId,
        action: "claim.reanchor",
        entityType: "claim",
        entityId: claim.id,
        before: { versionId: claim.versionId, exact: claim.exact, start: claim.start, end: claim.end, anchorStatus: claim.anchorStatus, anchorScore: claim.anchorScore },
        after: { versionId: after.versionId, exact, start, end, anchorStatus: status, anchorScore: outcome.score },
      });
    }
    await tx
      .update(t.articles)
      .set({ currentVersionId: snapshot!.id, updatedAt: now, version: article.version + 1 })
      .where(eq(t.articles.id, article.id));
    await recordAudit(tx, {
      actorId: input.userId,
      action: "article.snapshot",
      entityType: "article",
      entityId: article.id,
      before: { currentVersionId: previous.id, number: previous.number },
      after: { currentVersionId: snapshot!.id, number: snapshot!.number, origin: input.origin ?? null, summary },
    });
    return { snapshot: snapshot!, summary };
  });
}

/** One snapshot of an article by its number, or null. */
export async function getSnapshotByNumber({ articleId, number }: { articleId: string; number: number }): Promise<ArticleVersion | null> {
  const { db, t } = await getDatabase();
  const [row] = await db
    .select()
    .from(t.articleVersions)
    .where(and(eq(t.articleVersions.articleId, articleId), eq(t.articleVersions.number, number)));
  return row ?? null;
}
