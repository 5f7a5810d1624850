import type { ClaimReview } from "@/lib/claimreview";
import styles from "./publishing.module.css";

/** What search engines will read from the page's ClaimReview markup, one row per claim, in words. */
export function ClaimReviewSummary({ reviews }: { reviews: ClaimReview[] }) {
  return (
    <details data-testid="claim-review-summary">
      <summary>ClaimReview for search engines: {reviews.length} claim review{reviews.length === 1 ? "" : "s"}</summary>
      <table className={styles.reviews}>
        <caption className="visually-hidden">ClaimReview markup that publishing adds to the page</caption>
        <thead>
          <tr>
            <th scope="col">Claim reviewed</th>
            <th scope="col">Rating</th>
            <th scope="col">Claimed by</th>
            <th scope="col">Reviewed by</th>
          </tr>
        </thead>
        <tbody>
          {reviews.map((r) => (
            <tr key={r.url}>
              <td>{r.claimReviewed}</td>
              <td>
                {r.reviewRating.alternateName} ({r.reviewRating.ratingValue} of {r.reviewRating.bestRating})
              </td>
              <td>{r.itemReviewed.author?.name ?? "—"}</td>
              <td>{r.author.name}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
