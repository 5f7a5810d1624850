import "server-only";
import { createHash } from "node:crypto";
import { count, desc, eq, inArray } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { canonicalText, normalizeBlocks, type Block } from "@/lib/anchoring/text";
import { deriveArticleStatus, type ArticleStatus } from "@/lib/workflow";
import { getDatabase, type Db } from "../client";
import { recordAudit } from "./audit";
import { withIdempotency } from "./idempotency";

type Tables = typeof import("../schema/pg");
export type Article = Tables["articles"]["$inferSelect"];
export type ArticleVersion = Tables["articleVersions"]["$inferSelect"];

export type ArticleMetadata = {
  title: string;
  sourceUrl?: string | null;
  publisher?: string | null;
  author?: string | null;
  sourcePublishedOn?: string | null;
  canonicalUrl?: string | null;
  language?: string | null;
};

/** Where a snapshot came from (the "as imported" copy and a label such as "url: https://…"). */
export type SnapshotSource = { sourceHtml?: string | null; origin?: string | null; originalFileId?: string | null };

export function hashText(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * Creates an article with its first immutable snapshot. With an
 * `idempotencyKey`, a retry of the same import returns the first article.
 */
export async function createArticle(input: ArticleMetadata & SnapshotSource & { blocks: Block[]; userId: string; idempotencyKey?: string | null }): Promise<Article> {
  const blocks = normalizeBlocks(input.blocks);
  if (blocks.length === 0) throw new AppError("invalid:import", "The article has no text. Paste the text or choose a file that contains it.");
  const database = await getDatabase();
  const { t } = database;
  const create = async (tx: Db) => {
    const now = new Date();
    const articleId = newId();
    const versionId = newId();
    const [article] = await tx
      .insert(t.articles)
      .values({
        id: articleId,
        title: input.title.trim(),
        sourceUrl: input.sourceUrl || null,
        publisher: input.publisher || null,
        author: input.author || null,
        sourcePublishedOn: input.sourcePublishedOn || null,
        canonicalUrl: input.canonicalUrl || null,
        language: input.language || null,
        status: "draft",
        currentVersionId: versionId,
        createdBy: input.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await tx.insert(t.articleVersions).values({
      id: versionId,
      articleId,
      number: 1,
      blocks,
      textHash: hashText(canonicalText(blocks)),
      createdBy: input.userId,
      createdAt: now,
      sourceHtml: input.sourceHtml ?? null,
      origin: input.origin ?? null,
      originalFileId: input.originalFileId ?? null,
    });
    await recordAudit(tx, { actorId: input.userId, action: "article.create", entityType: "article", entityId: articleId, after: { ...article, blocks: blocks.length } });
    return article!;
  };
  return database.transaction((tx) =>
    withIdempotency(tx, { key: input.idempotencyKey, userId: input.userId, kind: "article" }, {
      create: () => create(tx),
      idOf: (article) => article.id,
      replay: async (id) => (await tx.select().from(t.articles).where(eq(t.articles.id, id)))[0]!,
    }),
  );
}

export async function getArticleById({ id }: { id: string }): Promise<Article | null> {
  const { db, t } = await getDatabase();
  const [article] = await db.select().from(t.articles).where(eq(t.articles.id, id));
  return article ?? null;
}

export async function getArticleByIdOrThrow({ id }: { id: string }): Promise<Article> {
  const article = await getArticleById({ id });
  if (!article) throw new AppError("not_found:article", "That article does not exist.");
  return article;
}

export async function getArticleVersion({ id }: { id: string }): Promise<ArticleVersion | null> {
  const { db, t } = await getDatabase();
  const [version] = await db.select().from(t.articleVersions).where(eq(t.articleVersions.id, id));
  return version ?? null;
}

export type ArticleListItem = Article & { claimCount: number };

export async function listArticles({ status, limit = 200 }: { status?: ArticleStatus; limit?: number } = {}): Promise<ArticleListItem[]> {
  const { db, t } = await getDatabase();
  const rows = await db
    .select()
    .from(t.articles)
    .where(status ? eq(t.articles.status, status) : undefined)
    .orderBy(desc(t.articles.updatedAt))
    .limit(limit);
  if (rows.length === 0) return [];
  const counts = await db
    .select({ articleId: t.claims.articleId, n: count() })
    .from(t.claims)
    .where(inArray(t.claims.articleId, rows.map((r) => r.id)))
    .groupBy(t.claims.articleId);
  const byId = new Map(counts.map((c) => [c.articleId, Number(c.n)]));
  return rows.map((r) => ({ ...r, claimCount: byId.get(r.id) ?? 0 }));
}

/**
 * Recomputes an article's status from its claims inside the caller's
 * transaction, and audits the change when there is one.
 */
export async function refreshArticleStatus(tx: Db, articleId: string, actorId: string): Promise<ArticleStatus> {
  const { t } = await getDatabase();
  const [article] = await tx.select().from(t.articles).where(eq(t.articles.id, articleId));
  if (!article) throw new AppError("not_found:article", "That article does not exist.");
  const claimRows = await tx.select({ status: t.claims.status }).from(t.claims).where(eq(t.claims.articleId, articleId));
  const [publication] = await tx
    .select({ live: t.publications.live })
    .from(t.publications)
    .where(eq(t.publications.articleId, articleId));
  const status = deriveArticleStatus(claimRows.map((c) => c.status), publication?.live === true);
  await tx
    .update(t.articles)
    .set({ status, updatedAt: new Date(), version: article.version + 1 })
    .where(eq(t.articles.id, articleId));
  if (status !== article.status) {
    await recordAudit(tx, { actorId, action: "article.status", entityType: "article", entityId: articleId, before: { status: article.status }, after: { status } });
  }
  return status;
}
