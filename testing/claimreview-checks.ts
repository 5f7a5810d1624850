/**
 * Our own checks on a ClaimReview, stricter than search engines' presets
 * (issue 5): problems are errors, `warnings` are allowed but reported.
 */
export type ClaimReviewCheck = { errors: string[]; warnings: string[] };

/** `claimReviewed` longer than this is cut off in search results. */
export const CLAIM_REVIEWED_SOFT_LIMIT = 75;

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : null);

export function checkClaimReview(value: unknown, siteUrl: string): ClaimReviewCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  const review = obj(value);
  if (!review || review["@type"] !== "ClaimReview") return { errors: ["not a ClaimReview object"], warnings };
  if ("@graph" in review) errors.push("uses @graph");
  const rating = obj(review.reviewRating);
  if (!rating || typeof rating.alternateName !== "string" || !rating.alternateName.trim()) errors.push("reviewRating.alternateName is missing");
  const url = typeof review.url === "string" ? review.url : "";
  const base = siteUrl.replace(/\/+$/, "");
  if (!url.startsWith(`${base}/`)) errors.push(`url ${JSON.stringify(url)} is not on ${base}`);
  const item = obj(review.itemReviewed);
  if (!item || item["@type"] !== "Claim") errors.push("itemReviewed is not a Claim");
  else {
    if (!obj(item.author)?.name) errors.push("itemReviewed has no author");
    if (!obj(item.appearance)) errors.push("itemReviewed has no appearance");
  }
  const claimReviewed = typeof review.claimReviewed === "string" ? review.claimReviewed : "";
  if (!claimReviewed.trim()) errors.push("claimReviewed is empty");
  else if ([...claimReviewed].length >= CLAIM_REVIEWED_SOFT_LIMIT) warnings.push(`claimReviewed has ${[...claimReviewed].length} characters (aim for under ${CLAIM_REVIEWED_SOFT_LIMIT})`);
  return { errors, warnings };
}
