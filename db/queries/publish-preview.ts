import "server-only";
import { pickClaimant } from "@/lib/claimant";
import { anchorReviewBlocker, publishBlocker, slugify } from "@/lib/workflow";
import { getArticleByIdOrThrow, getArticleVersion } from "./articles";
import { loadClaimDetails } from "./claim-details";
import { listClaimsForArticle, type Claim } from "./claims";
import { listPublicCorrections, loadHistories, type PublicClaim, type PublicFactCheck } from "./public-fact-checks";
import { getPublicationForArticle, type Publication } from "./publications";
import { isPublicClaim } from "./public-visibility";
import { listRatings } from "./ratings";
import { getSetting } from "./settings";

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
  const [corrections, ratings, organisationName] = await Promise.all([
    existing ? listPublicCorrections({ publicationId: existing.id }) : Promise.resolve([]),
    listRatings(),
    getSetting("organisationName"),
  ]);
  const history = await loadHistories(corrections, publication.publishedAt, ratings);
  const claims = details.flatMap((c): PublicClaim[] => {
    if (!c.verdict || !isPublicClaim(c, c.verdict, publication)) return [];
    const { id, exact, prefix, suffix, start, end, reviews, verdict } = c;
    const entries = history.get(id) ?? [];
    return [{ id, exact, prefix, suffix, start, end, reviews, verdict, statement: verdict.statement, ...pickClaimant(verdict), history: entries, modifiedAt: entries.at(-1)?.at ?? null }];
  });
  const headlineRating = ratings.find((r) => r.id === input.headlineRatingId) ?? null;
  return { factCheck: { publication, article, snapshot, claims, corrections, headlineRating, ratings, organisationName }, blocker: null, exactSlug: Boolean(existing) };
}
