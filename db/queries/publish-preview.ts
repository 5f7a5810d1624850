import "server-only";
import { anchorReviewBlocker, publishBlocker, slugify } from "@/lib/workflow";
import { getArticleByIdOrThrow, getArticleVersion } from "./articles";
import { loadClaimDetails } from "./claim-details";
import { listClaimsForArticle, type Claim } from "./claims";
import { readersView, type PublicFactCheck } from "./public-fact-checks";
import { getPublicationForArticle, type Publication } from "./publications";

export type PublishPreview = { factCheck: PublicFactCheck; blocker: null; exactSlug: boolean } | { factCheck: null; blocker: string; exactSlug: false };

/**
 * The fact-check as readers would see it if an editor published it now with this summary and headline verdict:
 * the same shape getPublicFactCheck gives the public page, built the way publishArticle will build it (the
 * current snapshot, and for each claim its last approved revision, which publishing makes the published one).
 * Desk only: it reads unpublished revisions and must never be cached or shown to anyone outside the desk.
 */
export async function getPublishPreview(input: { articleId: string; summary: string; headlineRatingId: string | null }): Promise<PublishPreview> {
  const article = await getArticleByIdOrThrow({ id: input.articleId });
  const all = await listClaimsForArticle({ articleId: article.id });
  const blocker = publishBlocker(all.map((c) => c.status)) ?? anchorReviewBlocker(all);
  if (blocker) return { factCheck: null, blocker, exactSlug: false };
  const snapshot = article.currentVersionId ? await getArticleVersion({ id: article.currentVersionId }) : null;
  if (!snapshot) return { factCheck: null, blocker: "This article has no text to publish yet.", exactSlug: false };
  const existing = await getPublicationForArticle({ articleId: article.id });
  if (existing?.live) return { factCheck: null, blocker: "This fact-check is already published.", exactSlug: false };
  const now = new Date();
  const publication: Publication = {
    id: existing?.id ?? "preview",
    articleId: article.id,
    // A first publication may get a numbered slug if this one is taken by then; a republish keeps its own.
    slug: existing?.slug ?? slugify(article.title),
    summary: input.summary.trim(),
    versionId: snapshot.id,
    publishedBy: existing?.publishedBy ?? "",
    publishedAt: existing?.publishedAt ?? now,
    updatedAt: now,
    live: true,
    version: (existing?.version ?? 0) + 1,
    headlineRatingId: input.headlineRatingId,
  };
  // Publishing makes every approved claim's last approved revision the one readers see.
  const asPublished = all.filter((c) => c.status === "approved").map((c): Claim => ({ ...c, publishedVerdictId: c.approvedVerdictId }));
  const details = await loadClaimDetails(asPublished, (c) => c.publishedVerdictId);
  const factCheck = await readersView({ publication, article, snapshot, details, correctionsOf: existing?.id ?? null });
  return { factCheck, blocker: null, exactSlug: Boolean(existing) };
}
