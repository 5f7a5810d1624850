import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { headers } from "next/headers";
import { connection } from "next/server";
import Link from "next/link";
import { cache } from "react";
import { ArticleText } from "@/components/article/article-text";
import { ClaimCard, claimAnchorId } from "@/components/public/claim-card";
import { ClaimNavigation } from "@/components/public/claim-navigation";
import { Corrections } from "@/components/public/corrections";
import { JsonLd } from "@/components/public/json-ld";
import { RatingLegend } from "@/components/public/rating-legend";
import { SourceDetails } from "@/components/public/source-details";
import { VerdictBadge } from "@/components/public/verdict-badge";
import { formatDate } from "@/components/ui/format";
import { claimReviewFor, wasUpdated } from "@/components/public/claim-reviews";
import { siteUrl } from "@/server/env";
import { publicFactCheckBySlug } from "@/server/public-cache";
import styles from "@/components/public/public.module.css";
import extra from "@/components/public/fact-check.module.css";

type Props = { params: Promise<{ slug: string }> };

/**
 * Rendered per request but read from the public data cache (no database
 * query on a hit): the cache is invalidated on publish, unpublish and every
 * approved correction. One read per request, shared by generateMetadata and the page.
 */
const loadFactCheck = cache(async (slug: string) => {
  await connection();
  return publicFactCheckBySlug(slug);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const factCheck = await loadFactCheck(slug);
  if (!factCheck) return { title: "Fact-check not found", robots: { index: false } };
  const { publication, article } = factCheck;
  const url = `${siteUrl()}/fact-checks/${publication.slug}`;
  const title = `Fact-check: ${article.title}`;
  return {
    title,
    description: publication.summary,
    openGraph: {
      type: "article",
      title,
      description: publication.summary,
      url,
      publishedTime: publication.publishedAt.toISOString(),
      modifiedTime: publication.updatedAt.toISOString(),
    },
    alternates: { canonical: url, types: { "application/atom+xml": `${siteUrl()}/fact-checks/feed.xml` } },
  };
}

export default async function FactCheckPage({ params }: Props) {
  const { slug } = await params;
  const factCheck = await loadFactCheck(slug);
  if (!factCheck) notFound();
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

        <ClaimNavigation className={styles.columns} nonce={(await headers()).get("x-nonce") ?? undefined}>
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
