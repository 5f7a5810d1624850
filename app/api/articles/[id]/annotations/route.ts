import { inArray } from "drizzle-orm";
import { z } from "zod";
import { getDatabase } from "@/db/client";
import { getWorkspace } from "@/db/queries/claim-details";
import { siteUrl } from "@/server/env";
import { AppError } from "@/lib/errors";
import { articleIdParam, route } from "@/server/route";
import { ANNOTATION_MEDIA_TYPE, buildAnnotationCollection, buildAnnotationPage } from "@/lib/web-annotation";

export const dynamic = "force-dynamic";

/**
 * GET /api/articles/:id/annotations — the article's claims on its current
 * snapshot as a W3C Web Annotation AnnotationCollection (lib/web-annotation.ts).
 * Desk data: signed-in reviewers, editors and admins only.
 */
const pageParam = z.coerce.number().int().min(0).max(10_000);

export const GET = route(articleIdParam, { permission: "read:desk" }, async ({ id }, _user, request) => {
  const rawPage = new URL(request.url).searchParams.get("page");
  const page = rawPage === null ? null : pageParam.safeParse(rawPage);
  if (page && !page.success) throw new AppError("invalid:request", "The page must be a whole number from 0.");
  const workspace = await getWorkspace({ articleId: id });
  const claims = workspace.claims.filter((c) => c.versionId === workspace.snapshot.id && c.anchorStatus !== "orphaned");
  const { db, t } = await getDatabase();
  const creators = claims.length
    ? await db.select({ id: t.users.id, name: t.users.name }).from(t.users).where(inArray(t.users.id, [...new Set(claims.map((c) => c.createdBy))]))
    : [];
  const nameOf = new Map(creators.map((u) => [u.id, u.name]));
  const options = {
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
  };
  // Without ?page: the collection with its first page embedded; with it, that page (paged as the Web Annotation Protocol describes).
  const collection = page ? buildAnnotationPage(options, page.data) : buildAnnotationCollection(options);
  if (!collection) throw new AppError("not_found:page", "This export has no such page.");
  return new Response(JSON.stringify(collection, null, 2), {
    headers: { "content-type": ANNOTATION_MEDIA_TYPE, "cache-control": "private, no-store", vary: "Accept" },
  });
});
