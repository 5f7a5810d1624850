import type { PublicClaim, PublicFactCheck } from "@/db/queries/public-fact-checks";
import { buildClaimReview, type ClaimReview } from "@/lib/claimreview";
import { siteUrl } from "@/server/env";

/** The ClaimReview for one published claim, with the organisation as author and the source as the claim's appearance. */
export function claimReviewFor(factCheck: PublicFactCheck, claim: PublicClaim): ClaimReview {
  const { publication, article, organisationName, language } = factCheck;
  const base = siteUrl();
  return buildClaimReview({
    siteUrl: base,
    slug: publication.slug,
    organisation: { name: organisationName, url: base },
    inLanguage: language,
    claim: { id: claim.id, statement: claim.statement },
    claimant: claim,
    place: claim.place,
    rating: { value: claim.verdict.rating.value, label: claim.verdict.rating.label },
    datePublished: publication.publishedAt,
    // Only a claim that itself changed is modified; a correction elsewhere on the page leaves it alone.
    dateModified: claim.modifiedAt,
    source: { title: article.title, url: article.sourceUrl, author: article.author, publisher: article.publisher, publishedOn: article.sourcePublishedOn, language: article.language },
  });
}

/** A publication counts as updated once a correction (or a republish) moved its date by more than a minute. */
export function wasUpdated(factCheck: PublicFactCheck): boolean {
  return factCheck.corrections.length > 0 || factCheck.publication.updatedAt.getTime() - factCheck.publication.publishedAt.getTime() > 60_000;
}
