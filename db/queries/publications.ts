import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { AppError, staleVersion } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { anchorReviewBlocker, publishBlocker, slugify } from "@/lib/workflow";
import { getDatabase, type Db } from "../client";
import { refreshArticleStatus } from "./articles";
import { recordAudit } from "./audit";
import { withIdempotency } from "./idempotency";
import { livePublication } from "./public-visibility";
import { selectForUpdate } from "./row-locks";

type Tables = typeof import("../schema/pg");
export type Publication = Tables["publications"]["$inferSelect"];

/**
 * Publishes an article whose every non-excluded claim is approved; the current snapshot is what the public sees.
 * Publishing a published article is refused, except for a retry with the same `idempotencyKey`: it gets the publication.
 */
export async function publishArticle(input: { articleId: string; summary: string; editorId: string; headlineRatingId?: string | null; idempotencyKey?: string | null }): Promise<Publication> {
  const database = await getDatabase();
  const { t } = database;
  const publish = async (tx: Db) => {
    // Locked: a second publish of the same article at the same moment waits, then finds it published.
    const article = await selectForUpdate(tx, t.articles, input.articleId);
    if (!article) throw new AppError("not_found:article", "That article does not exist.");
    const claimRows = await tx.select({ status: t.claims.status, anchorStatus: t.claims.anchorStatus }).from(t.claims).where(eq(t.claims.articleId, article.id));
    const blocker = publishBlocker(claimRows.map((c) => c.status)) ?? anchorReviewBlocker(claimRows);
    if (blocker) throw new AppError("invalid:publish", blocker);
    const headlineRatingId = input.headlineRatingId || null;
    if (headlineRatingId) {
      const [rating] = await tx.select({ id: t.ratings.id, hidden: t.ratings.hidden }).from(t.ratings).where(eq(t.ratings.id, headlineRatingId));
      if (!rating || rating.hidden) throw new AppError("invalid:publish", "Choose the headline verdict from the rating scale.", { fieldErrors: { headlineRatingId: ["Choose a rating."] } });
    }
    const [existing] = await tx.select().from(t.publications).where(eq(t.publications.articleId, article.id));
    if (existing?.live) throw new AppError("conflict:publish", "This fact-check is already published.");
    const now = new Date();
    let publication: Publication;
    if (existing) {
      // Republishing after an unpublish keeps the slug so old links work again.
      [publication] = (await tx
        .update(t.publications)
        .set({ live: true, summary: input.summary.trim(), headlineRatingId, versionId: article.currentVersionId!, updatedAt: now, version: existing.version + 1 })
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
          headlineRatingId,
        })
        .returning()) as [Publication];
    }
    // From now on readers see exactly the approved revisions, and only an approval changes that.
    const approved = await tx.select({ id: t.claims.id, approvedVerdictId: t.claims.approvedVerdictId }).from(t.claims).where(and(eq(t.claims.articleId, article.id), eq(t.claims.status, "approved")));
    for (const claim of approved) {
      await tx.update(t.claims).set({ publishedVerdictId: claim.approvedVerdictId }).where(eq(t.claims.id, claim.id));
    }
    await recordAudit(tx, { actorId: input.editorId, action: "article.publish", entityType: "article", entityId: article.id, before: existing ?? null, after: publication });
    await refreshArticleStatus(tx, article.id, input.editorId);
    return publication;
  };
  return database.transaction((tx) =>
    withIdempotency(tx, { key: input.idempotencyKey, userId: input.editorId, kind: "publication" }, {
      create: () => publish(tx),
      idOf: (publication) => publication.id,
      replay: async (id) => (await tx.select().from(t.publications).where(eq(t.publications.id, id)))[0]!,
    }),
  );
}

/**
 * Takes a fact-check off the public site. The row and its slug stay, so
 * republishing brings the same address back; `version` guards against
 * acting on a page someone else just changed.
 */
export async function unpublishArticle(input: { articleId: string; version: number; editorId: string }): Promise<Publication> {
  const database = await getDatabase();
  const { t } = database;
  return database.transaction(async (tx) => {
    const [existing] = await tx.select().from(t.publications).where(eq(t.publications.articleId, input.articleId));
    if (!existing?.live) throw new AppError("conflict:publish", "This fact-check is not published.");
    const [publication] = (await tx
      .update(t.publications)
      .set({ live: false, version: existing.version + 1 })
      .where(and(eq(t.publications.id, existing.id), eq(t.publications.version, input.version)))
      .returning()) as Publication[];
    if (!publication) throw staleVersion("publication");
    await recordAudit(tx, { actorId: input.editorId, action: "article.unpublish", entityType: "article", entityId: input.articleId, before: existing, after: publication });
    await refreshArticleStatus(tx, input.articleId, input.editorId);
    return publication;
  });
}

async function uniqueSlug(tx: Db, base: string): Promise<string> {
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

export async function getLivePublicationBySlug({ slug }: { slug: string }): Promise<Publication | null> {
  const { db, t } = await getDatabase();
  const [row] = await db
    .select()
    .from(t.publications)
    .where(and(eq(t.publications.slug, slug), livePublication(t)));
  return row ?? null;
}
