import "server-only";
import { inArray } from "drizzle-orm";
import { getDatabase } from "../client";
import type { Article, ArticleVersion } from "./articles";
import { getArticleByIdOrThrow, getArticleVersion } from "./articles";
import { listClaimsForArticle, type Claim } from "./claims";
import type { Rating } from "./ratings";
import { listReviewsForVerdicts, type Review } from "./reviews";
import { getPublicationForArticle, type Publication } from "./publications";
import { getSuggestionThreshold } from "./settings";
import { listDismissedSuggestions, type DismissedSuggestion } from "./suggestions";
import { getVerdictsWithCitations, type VerdictWithCitations } from "./verdicts";
import { AppError } from "@/lib/errors";

export type ReviewWithEditor = Review & { editorName: string };

export type ClaimDetail = Claim & {
  verdict: (VerdictWithCitations & { rating: Rating; authorName: string }) | null;
  reviews: ReviewWithEditor[];
};

/** Loads verdicts, ratings, citations, reviews and people for a set of claims in a fixed number of queries. */
export async function loadClaimDetails(
  claims: Claim[],
  /** Which verdict to load per claim: the current one (desk) or the last approved one (public pages). */
  verdictIdOf: (claim: Claim) => string | null = (c) => c.currentVerdictId,
): Promise<ClaimDetail[]> {
  const { db, t } = await getDatabase();
  const verdictIds = claims.map(verdictIdOf).filter((id): id is string => Boolean(id));
  const verdicts = await getVerdictsWithCitations({ ids: verdictIds });
  const reviews = await listReviewsForVerdicts({ verdictIds });
  const ratings = await db.select().from(t.ratings);
  const userIds = [...new Set([...[...verdicts.values()].map((v) => v.authorId), ...reviews.map((r) => r.editorId)])];
  const people = userIds.length ? await db.select({ id: t.users.id, name: t.users.name }).from(t.users).where(inArray(t.users.id, userIds)) : [];
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const ratingOf = new Map(ratings.map((r) => [r.id, r]));
  return claims.map((claim) => {
    const chosen = verdictIdOf(claim);
    const v = chosen ? verdicts.get(chosen) : undefined;
    return {
      ...claim,
      verdict: v ? { ...v, rating: ratingOf.get(v.ratingId)!, authorName: nameOf.get(v.authorId) ?? "Unknown" } : null,
      reviews: reviews.filter((r) => r.verdictId === v?.id).map((r) => ({ ...r, editorName: nameOf.get(r.editorId) ?? "Unknown" })),
    };
  });
}

export type Workspace = {
  article: Article;
  snapshot: ArticleVersion;
  claims: ClaimDetail[];
  publication: Publication | null;
  /** Check-worthy suggestions reviewers dismissed on this snapshot. */
  dismissedSuggestions: DismissedSuggestion[];
  /** The score from which sentences are suggested (the organisation's setting). */
  suggestionThreshold: number;
};

/** Everything the reviewer's workspace shows for one article. */
export async function getWorkspace({ articleId }: { articleId: string }): Promise<Workspace> {
  const article = await getArticleByIdOrThrow({ id: articleId });
  const snapshot = await getArticleVersion({ id: article.currentVersionId! });
  if (!snapshot) throw new AppError("not_found:article", "That article has no text.");
  const claims = await loadClaimDetails(await listClaimsForArticle({ articleId }));
  const publication = await getPublicationForArticle({ articleId });
  const dismissedSuggestions = await listDismissedSuggestions({ versionId: snapshot.id });
  return { article, snapshot, claims, publication, dismissedSuggestions, suggestionThreshold: await getSuggestionThreshold() };
}
