import type { PublicClaim as PublicClaimData } from "@/db/queries/public-fact-checks";
import { formatDate } from "@/components/ui/format";
import { describePlace } from "@/lib/block-place";
import { describeClaimant } from "@/lib/claimant";
import { httpUrlOrNull } from "@/lib/claimreview";
import { CitationList } from "./citation-list";
import { Markdown } from "@/components/ui/markdown";
import { ShowInArticleButton } from "./claim-navigation";
import { VerdictBadge } from "./verdict-badge";
import styles from "./public.module.css";
import extra from "./fact-check.module.css";

export type PublicClaim = PublicClaimData;

export type ClaimCardProps = {
  claim: PublicClaim;
  /** 1-based position on the page ("Claim 2 of 4"). */
  number: number;
  total: number;
  /** The claim's own page (`/fact-checks/<slug>/claims/<id>`); omitted on that page itself. */
  permalink?: string;
};

/** DOM id of a claim's card: the permalink target `#claim-<id>` (also used in ClaimReview `url`). */
export const claimAnchorId = (claimId: string) => `claim-${claimId}`;

/** One checked claim: verdict, what was said, why, the evidence, and who reviewed and approved it. */
export function ClaimCard({ claim, number, total, permalink }: ClaimCardProps) {
  const claimant = describeClaimant(claim);
  const place = describePlace(claim.place);
  const placeWithClaimant = describePlace(claim.place, { speaker: false });
  const appearance = httpUrlOrNull(claim.appearanceUrl);
  const { verdict } = claim;
  const anchor = claimAnchorId(claim.id);
  const approvals = claim.reviews.filter((r) => r.decision === "approved");
  return (
    <article id={anchor} className={styles.claimCard} aria-labelledby={`${anchor}-title`} tabIndex={-1}>
      <header className={styles.claimHeader}>
        <p className={styles.claimKicker}>
          Claim {number} of {total}
          {claim.history.length > 0 ? (
            <>
              {" "}
              <span className={extra.updatedBadge}>Updated</span>
            </>
          ) : null}
        </p>
        <p className={styles.claimVerdict}>
          <span className="visually-hidden">Our rating: </span>
          <VerdictBadge label={verdict.rating.label} colour={verdict.rating.colour} value={verdict.rating.value} size="large" />
        </p>
        <h3 id={`${anchor}-title`} className={styles.claimStatement}>
          {claim.statement}
        </h3>
      </header>

      <figure className={styles.claimQuote}>
        <blockquote>
          <p>“{claim.exact}”</p>
        </blockquote>
        <figcaption>
          {claimant ? (
            <>
              Claimed by <span data-testid="claimant">{claimant}</span>
              {claim.appearanceDate ? `, ${formatDate(claim.appearanceDate)}` : ""}
              {placeWithClaimant ? `, ${placeWithClaimant}` : ""}
              {appearance ? (
                <>
                  {" "}
                  (
                  <a href={appearance} rel="nofollow noopener noreferrer">
                    where it appeared
                  </a>
                  )
                </>
              ) : null}
            </>
          ) : place ? (
            `In the document we checked, ${place}`
          ) : (
            "In the article we checked"
          )}
          {permalink ? (
            <>
              {" · "}
              <ShowInArticleButton claimId={claim.id} />
            </>
          ) : null}
        </figcaption>
      </figure>

      {/* Plain divs, not labelled sections: "Evidence (1)" would repeat as a landmark name on every card. */}
      <div>
        <h4 className={styles.claimSubheading}>
          Why we rated it {verdict.rating.label.toLowerCase()}
        </h4>
        <Markdown source={verdict.rationale} headingLevel={5} className={styles.rationale} />
      </div>

      <div>
        <h4 className={styles.claimSubheading}>
          Evidence{verdict.citations.length ? ` (${verdict.citations.length})` : ""}
        </h4>
        <CitationList citations={verdict.citations} />
      </div>

      {claim.history.length > 0 ? <VerdictHistory history={claim.history} /> : null}

      <footer className={styles.claimFooter}>
        <p>
          Reviewed by <strong>{verdict.authorName}</strong>
          {verdict.createdAt ? <>, {formatDate(verdict.createdAt)}</> : null}
          {approvals.map((r) => (
            <span key={r.id}>
              {" · "}Approved by <strong>{r.editorName}</strong>, {formatDate(r.createdAt)}
            </span>
          ))}
        </p>
        {permalink ? (
          <p>
            <a href={permalink} className={styles.permalink}>
              Link to this claim<span className="visually-hidden">: {claim.statement}</span>
            </a>
          </p>
        ) : null}
      </footer>
    </article>
  );
}

/** How the claim's rating changed after publication, oldest first, with each correction's note. */
function VerdictHistory({ history }: { history: PublicClaim["history"] }) {
  return (
    <div className={extra.history}>
      <h4 className={styles.claimSubheading}>Verdict history</h4>
      <ol className={extra.historyList}>
        {history.map((h, i) => (
          <li key={`${h.at.toISOString()}-${i}`}>
            <time dateTime={h.at.toISOString()}>{formatDate(h.at)}</time>: {i === 0 && !h.note ? "first published as " : h.ratingChanged ? "changed to " : "revised, still rated "}
            <VerdictBadge label={h.label} colour={h.colour} />
            {h.note ? <span className={extra.historyNote}> — {h.note}</span> : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
