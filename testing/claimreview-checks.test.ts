import { describe, expect, it } from "vitest";
import { buildClaimReview } from "../lib/claimreview";
import { checkClaimReview } from "./claimreview-checks";

const SITE = "https://factdesk.example";
const review = () =>
  buildClaimReview({
    siteUrl: SITE,
    slug: "s",
    organisation: { name: "Desk" },
    claim: { id: "c1", statement: "Zinc cures flu in a day" },
    rating: { value: 1, label: "Inaccurate" },
    datePublished: new Date("2025-01-01T00:00:00Z"),
    source: { title: "Post", author: "A. Writer", url: "https://blog.example/p" },
  });

describe("checkClaimReview", () => {
  it("passes what buildClaimReview makes", () => {
    expect(checkClaimReview(review(), SITE)).toEqual({ errors: [], warnings: [] });
  });

  it("reports each missing requirement", () => {
    const bad = { ...review(), url: "https://elsewhere.example/x", reviewRating: { "@type": "Rating", ratingValue: 1 }, itemReviewed: { "@type": "Claim" } };
    expect(checkClaimReview(bad, SITE).errors).toEqual([
      "reviewRating.alternateName is missing",
      'url "https://elsewhere.example/x" is not on https://factdesk.example',
      "itemReviewed has no author",
      "itemReviewed has no appearance",
    ]);
    expect(checkClaimReview({ "@graph": [] }, SITE).errors).toEqual(["not a ClaimReview object"]);
  });

  it("warns, without failing, when claimReviewed is 75 characters or more", () => {
    const long = { ...review(), claimReviewed: "x".repeat(80) };
    const result = checkClaimReview(long, SITE);
    expect(result.errors).toEqual([]);
    expect(result.warnings[0]).toMatch(/80 characters/);
  });
});
