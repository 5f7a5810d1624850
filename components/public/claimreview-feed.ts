import type { PublicFactCheck } from "@/db/queries/public-fact-checks";
import type { ClaimReview } from "@/lib/claimreview";
import { claimReviewFor } from "./claim-reviews";

/** One fact-check page of the feed: its claims' ClaimReviews, as the page itself carries them. */
type DataFeedItem = { "@type": "DataFeedItem"; url: string; dateCreated: string; dateModified: string; item: ClaimReview[] };

export type ClaimReviewDataFeed = {
  "@context": "https://schema.org";
  "@type": "DataFeed";
  name: string;
  url: string;
  inLanguage: string;
  /** Absent while nothing is published. */
  dateModified?: string;
  dataFeedElement: DataFeedItem[];
};

/**
 * Every published ClaimReview as a schema.org DataFeed, one DataFeedItem per fact-check page, the shape the
 * Data Commons fact-check feed uses. Each ClaimReview is the one the claim's page carries (claim-reviews.ts),
 * so the feed can never say more, or other, than the pages readers see. `dateModified` is the newest change of
 * the fact-checks listed (a correction moves it).
 */
export function claimReviewFeed(input: { base: string; url: string; organisationName: string; language: string; factChecks: PublicFactCheck[] }): ClaimReviewDataFeed {
  const { base, factChecks } = input;
  const items = factChecks
    .filter((f) => f.claims.length > 0)
    .map(
      (f): DataFeedItem => ({
        "@type": "DataFeedItem",
        url: `${base}/fact-checks/${f.publication.slug}`,
        dateCreated: f.publication.publishedAt.toISOString(),
        dateModified: f.publication.updatedAt.toISOString(),
        item: f.claims.map((c) => claimReviewFor(f, c)),
      }),
    );
  const newest = factChecks.reduce<Date | null>((latest, f) => (!latest || f.publication.updatedAt > latest ? f.publication.updatedAt : latest), null);
  return {
    "@context": "https://schema.org",
    "@type": "DataFeed",
    name: `${input.organisationName}: claim reviews`,
    url: input.url,
    inLanguage: input.language,
    ...(newest ? { dateModified: newest.toISOString() } : {}),
    dataFeedElement: items,
  };
}
