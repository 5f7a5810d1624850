import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { publishBlocker, slugify, type ClaimStatus } from "@/lib/workflow";
import { getDatabase } from "../client";
import { refreshArticleStatus } from "./articles";
import { recordAudit } from "./audit";

type Tables = typeof import("../schema/pg");
export type Publication = Tables["publications"]["$inferSelect"];

/** Publishes an article whose every non-excluded claim is approved; the current snapshot is what the public sees. */
export async function publishArticle(input: { articleId: string; summary: string; editorId: string }): Promise<Publication> {
  const database = await getDatabase();
  const { t } = database;
  return database.transaction(async (tx) => {
    const [article] = await tx.select().from(t.articles).where(eq(t.articles.id, input.articleId));
    if (!article) throw new AppError("not_found:article", "That article does not exist.");
    const claimRows = await tx.select({ status: t.claims.status }).from(t.claims).where(eq(t.claims.articleId, article.id));
    const blocker = publishBlocker(claimRows.map((c) => c.status as ClaimStatus));
    if (blocker) throw new AppError("invalid:publish", blocker);
    const [existing] = await tx.select().from(t.publications).where(eq(t.publications.articleId, article.id));
    if (existing?.live) throw new AppError("conflict:publish", "This fact-check is already published.");
    const now = new Date();
    let publication: Publication;
    if (existing) {
      // Republishing after an unpublish keeps the slug so old links work again.
      [publication] = (await tx
        .update(t.publications)
        .set({ live: true, summary: input.summary.trim(), versionId: article.currentVersionId!, updatedAt: now, version: existing.version + 1 })
        .where(eq(t.publications.id, existing.id))
        .returning()) as [Publication];
    } else {
      const slug = await uniqueSlug(tx, slugify(article.title));
      [publication] = (await tx
        .insert(t.publications)
        .values({
          id: newId(),
          articleId: article.id,
          slug,
          summary: input.summary.trim(),
          versionId: article.currentVersionId!,
          publishedBy: input.editorId,
          publishedAt: now,
          updatedAt: now,
          live: true,
        })
        .returning()) as [Publication];
    }
    await recordAudit(tx, { actorId: input.editorId, action: "article.publish", entityType: "article", entityId: article.id, before: existing ?? null, after: publication });
    await refreshArticleStatus(tx, article.id, input.editorId);
    return publication;
  });
}

async function uniqueSlug(tx: import("../client").Db, base: string): Promise<string> {
  const { t } = await getDatabase();
  const candidates = [base, ...Array.from({ length: 20 }, (_, i) => `${base}-${i + 2}`)];
  const taken = await tx.select({ slug: t.publications.slug }).from(t.publications).where(inArray(t.publications.slug, candidates));
  const used = new Set(taken.map((r) => r.slug));
  return candidates.find((c) => !used.has(c)) ?? `${base}-${newId().slice(-6).toLowerCase()}`;
}

export async function getPublicationForArticle({ articleId }: { articleId: string }): Promise<Publication | null> {
  const { db, t } = await getDatabase();
  const [row] = await db.select().from(t.publications).where(eq(t.publications.articleId, articleId));
  return row ?? null;
}

export type PublishedListItem = {
  slug: string;
  title: string;
  summary: string;
  publisher: string | null;
  publishedAt: Date;
  updatedAt: Date;
};

/** Live publications only: the single gate between drafts and the public. */
export async function listPublishedFactChecks({ limit = 50 }: { limit?: number } = {}): Promise<PublishedListItem[]> {
  const { db, t } = await getDatabase();
  return db
    .select({
      slug: t.publications.slug,
      title: t.articles.title,
      summary: t.publications.summary,
      publisher: t.articles.publisher,
      publishedAt: t.publications.publishedAt,
      updatedAt: t.publications.updatedAt,
    })
    .from(t.publications)
    .innerJoin(t.articles, eq(t.articles.id, t.publications.articleId))
    .where(eq(t.publications.live, true))
    .orderBy(desc(t.publications.publishedAt))
    .limit(limit);
}

export async function getLivePublicationBySlug({ slug }: { slug: string }): Promise<Publication | null> {
  const { db, t } = await getDatabase();
  const [row] = await db
    .select()
    .from(t.publications)
    .where(and(eq(t.publications.slug, slug), eq(t.publications.live, true)));
  return row ?? null;
}
