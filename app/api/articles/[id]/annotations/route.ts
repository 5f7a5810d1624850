import { inArray } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { getWorkspace } from "@/db/queries/claim-details";
import { siteUrl } from "@/lib/env";
import { articleIdParam, route } from "@/lib/server/route";
import { ANNOTATION_MEDIA_TYPE, buildAnnotationCollection } from "@/lib/web-annotation";

export const dynamic = "force-dynamic";

/**
 * GET /api/articles/:id/annotations — the article's claims on its current
 * snapshot as a W3C Web Annotation AnnotationCollection (lib/web-annotation.ts).
 * Desk data: signed-in reviewers, editors and admins only.
 */
export const GET = route(articleIdParam, { permission: "read:desk" }, async ({ id }) => {
  const workspace = await getWorkspace({ articleId: id });
  const claims = workspace.claims.filter((c) => c.versionId === workspace.snapshot.id && c.anchorStatus !== "orphaned");
  const { db, t } = await getDatabase();
  const creators = claims.length
    ? await db.select({ id: t.users.id, name: t.users.name }).from(t.users).where(inArray(t.users.id, [...new Set(claims.map((c) => c.createdBy))]))
    : [];
  const nameOf = new Map(creators.map((u) => [u.id, u.name]));
  const collection = buildAnnotationCollection({
    siteUrl: siteUrl(),
    articleId: id,
    articleTitle: workspace.article.title,
    claims: claims.map((c) => ({
      ...c,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
      creatorName: nameOf.get(c.createdBy) ?? "Unknown",
      verdict: c.verdict ? { label: c.verdict.rating.label, value: c.verdict.rating.value, rationale: c.verdict.rationale, revision: c.verdict.revision } : null,
    })),
  });
  return new Response(JSON.stringify(collection, null, 2), {
    headers: { "content-type": ANNOTATION_MEDIA_TYPE, "cache-control": "private, no-store", vary: "Accept" },
  });
});
