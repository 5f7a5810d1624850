import Link from "next/link";
import type { ReactNode } from "react";
import { ArticleText } from "@/components/article/article-text";
import type { PublicFactCheck } from "@/db/queries/public-fact-checks";
import { formatDate } from "@/components/ui/format";
import { ClaimCard, claimAnchorId } from "./claim-card";
import { ClaimNavigation } from "./claim-navigation";
import { claimReviewFor, wasUpdated } from "./claim-reviews";
import { Corrections } from "./corrections";
import { JsonLd } from "./json-ld";
import { RatingLegend } from "./rating-legend";
import { SourceDetails } from "./source-details";
import { VerdictBadge } from "./verdict-badge";
import styles from "./public.module.css";
import extra from "./fact-check.module.css";

/**
 * The public fact-check page's content, shared by /fact-checks/<slug> and the editor's publish preview
 * (app/(desk)/articles/[id]/publish), so the preview is exactly what readers will get.
 *
 * Claims are numbered by their place on this page ("Claim 2 of 5"), not by the desk's stable numbers: readers
 * only ever see the published claims in text order, where desk numbers would show gaps (excluded or unapproved
 * claims) and mean nothing; a claim's permalink (by id) is what stays stable for them.
 */
export function FactCheckView({ factCheck, nonce, before }: { factCheck: PublicFactCheck; nonce?: string; before?: ReactNode }) {
  const { publication, article, snapshot, claims, corrections, ratings, headlineRating } = factCheck;

  const claimById = new Map(claims.map((c, i) => [c.id, { number: i + 1, rating: c.verdict.rating }]));
  const colourOf = (id: string) => claimById.get(id)?.rating.colour;
  const labelOf = (id: string) => {
    const claim = claimById.get(id);
    return claim ? `Claim ${claim.number}: ${claim.rating.label}` : undefined;
  };
  const reviewers = unique(claims.map((c) => c.verdict.authorName));
  const editors = unique(claims.flatMap((c) => c.reviews.filter((r) => r.decision === "approved").map((r) => r.editorName)));
  const updated = wasUpdated(factCheck);
  const claimReviews = claims.map((c) => claimReviewFor(factCheck, c));
  const claimPath = (id: string) => `/fact-checks/${publication.slug}/claims/${id}`;

  return (
    <main id="main" className={styles.factCheckPage}>
      {before}
      <article aria-labelledby="fact-check-title">
        <header className={styles.factCheckHeader}>
          <p className={styles.kicker}>
            Fact-check{updated ? <span className={extra.updatedBadge}>Updated</span> : null}
          </p>
          <h1 id="fact-check-title" className={styles.headline}>
            {article.title}
          </h1>
          {headlineRating ? (
            <div className={extra.headlineVerdict} data-testid="headline-verdict">
              <p>Our verdict on the article:</p>
              <VerdictBadge label={headlineRating.label} colour={headlineRating.colour} value={headlineRating.value} size="large" />
            </div>
          ) : null}
          <p className={styles.lead}>{publication.summary}</p>
          <div className={styles.byline}>
            {reviewers.length || editors.length ? (
              <p>
                {reviewers.length ? (
                  <span>
                    Reviewed by <strong>{listNames(reviewers)}</strong>
                  </span>
                ) : null}
                {editors.length ? (
                  <span>
                    Approved by <strong>{listNames(editors)}</strong>
                  </span>
                ) : null}
              </p>
            ) : null}
            <p>
              <span>
                Published <time dateTime={publication.publishedAt.toISOString()}>{formatDate(publication.publishedAt)}</time>
              </span>
              {updated ? (
                <span>
                  Updated <time dateTime={publication.updatedAt.toISOString()}>{formatDate(publication.updatedAt)}</time>
                  {corrections.length ? (
                    <>
                      {" "}
                      (<a href="#corrections">{corrections.length === 1 ? "see correction" : `see ${corrections.length} corrections`}</a>)
                    </>
                  ) : null}
                </span>
              ) : null}
            </p>
          </div>
        </header>

        <div className={styles.overview}>
          <section aria-labelledby="at-a-glance" className={styles.glance}>
            <h2 id="at-a-glance" className={styles.sectionLabel}>
              What we found
            </h2>
            {claims.length === 0 ? (
              <p className="muted">This fact-check has no rated claims.</p>
            ) : (
              <ol className={styles.glanceList}>
                {claims.map((c) => (
                  <li key={c.id}>
                    <VerdictBadge label={c.verdict.rating.label} colour={c.verdict.rating.colour} />
                    <a href={`#${claimAnchorId(c.id)}`}>{c.statement}</a>
                  </li>
                ))}
              </ol>
            )}
          </section>
          <SourceDetails article={article} headingId="source-heading" />
        </div>

        <ClaimNavigation className={styles.columns} nonce={nonce}>
          <section aria-labelledby="claims-heading" className={styles.claimsColumn}>
            <h2 id="claims-heading">
              {claims.length === 1 ? "The claim and our verdict" : `The ${claims.length} claims and our verdicts`}
            </h2>
            {claims.map((c, i) => (
              <ClaimCard key={c.id} claim={c} number={i + 1} total={claims.length} permalink={claimPath(c.id)} />
            ))}
          </section>
          <div className={styles.textColumn}>
            {/* Focusable because it scrolls on its own on wide screens (keyboard users must be able to scroll it). */}
            <section aria-labelledby="text-heading" className={styles.textPane} data-text-pane tabIndex={0}>
              <h2 id="text-heading">The article, with the claims we checked</h2>
              <p className={styles.textNote}>
                Each checked claim is highlighted in the colour of its rating; hover over a highlight to see the rating, or select it to jump to the
                verdict. This is the text as it was when we checked it.
              </p>
              <ArticleText blocks={snapshot.blocks} ranges={claims.map((c) => ({ id: c.id, start: c.start, end: c.end }))} colourOf={colourOf} labelOf={labelOf} />
            </section>
          </div>
        </ClaimNavigation>

        <Corrections corrections={corrections} headingId="corrections-heading" claimHref={(id) => `#claim-${id}`} />
        <RatingLegend ratings={ratings} headingId="legend-heading" />
        <p className={extra.policyLinks}>
          <Link href="/methodology">How we fact-check</Link> · <Link href="/corrections-policy">Corrections policy</Link> ·{" "}
          <Link href="/about">About us, funding and contact</Link>
        </p>
      </article>
      {claimReviews.map((review, i) => (
        <JsonLd key={claims[i]!.id} data={review} />
      ))}
    </main>
  );
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}

function listNames(names: string[]): string {
  return new Intl.ListFormat("en-GB", { style: "long", type: "conjunction" }).format(names);
}
