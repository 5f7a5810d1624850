import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { z } from "zod";
import { getPublicFactCheck } from "@/db/queries/claim-details";
import { listPublicCorrections } from "@/db/queries/public-fact-checks";
import { listRatings } from "@/db/queries/ratings";
import { getSetting } from "@/db/queries/settings";
import { ArticleText } from "@/components/article/article-text";
import { ClaimCard, claimAnchorId } from "@/components/public/claim-card";
import { ClaimNavigation } from "@/components/public/claim-navigation";
import { Corrections } from "@/components/public/corrections";
import { JsonLd } from "@/components/public/json-ld";
import { RatingLegend } from "@/components/public/rating-legend";
import { SourceDetails } from "@/components/public/source-details";
import { VerdictBadge } from "@/components/public/verdict-badge";
import { formatDate } from "@/components/ui/format";
import { buildClaimReview } from "@/lib/claimreview";
import { siteUrl } from "@/lib/env";
import styles from "@/components/public/public.module.css";

type Props = { params: Promise<{ slug: string }> };

// Slugs come from slugify(): cheap to reject anything else before touching the database.
const slugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(100);

/** One read per request, shared by generateMetadata and the page. */
const loadFactCheck = cache(async (slug: string) => {
  await connection();
  const parsed = slugSchema.safeParse(slug);
  return parsed.success ? getPublicFactCheck({ slug: parsed.data }) : null;
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
    alternates: { canonical: url },
    openGraph: {
      type: "article",
      title,
      description: publication.summary,
      url,
      publishedTime: publication.publishedAt.toISOString(),
      modifiedTime: publication.updatedAt.toISOString(),
    },
  };
}

export default async function FactCheckPage({ params }: Props) {
  const { slug } = await params;
  const factCheck = await loadFactCheck(slug);
  if (!factCheck) notFound();
  const { publication, article, snapshot, claims } = factCheck;
  const [corrections, ratings, organisationName] = await Promise.all([
    listPublicCorrections({ publicationId: publication.id }),
    listRatings(),
    getSetting("organisationName"),
  ]);

  const claimById = new Map(claims.map((c, i) => [c.id, { number: i + 1, rating: c.verdict.rating }]));
  const colourOf = (id: string) => claimById.get(id)?.rating.colour;
  const labelOf = (id: string) => {
    const claim = claimById.get(id);
    return claim ? `Claim ${claim.number}: ${claim.rating.label}` : undefined;
  };
  const reviewers = unique(claims.map((c) => c.verdict.authorName));
  const editors = unique(claims.flatMap((c) => c.reviews.filter((r) => r.decision === "approved").map((r) => r.editorName)));
  const wasUpdated = publication.updatedAt.getTime() - publication.publishedAt.getTime() > 60_000;
  const attribution = [article.author, article.publisher].filter(Boolean).join(", ") || null;
  const base = siteUrl();
  const claimReviews = claims.map((c) =>
    buildClaimReview({
      siteUrl: base,
      slug: publication.slug,
      organisation: { name: organisationName, url: base },
      claim: { id: c.id, statement: c.statement },
      rating: { value: c.verdict.rating.value, label: c.verdict.rating.label },
      datePublished: publication.publishedAt,
      dateModified: publication.updatedAt,
      source: { title: article.title, url: article.sourceUrl, author: article.author, publisher: article.publisher, publishedOn: article.sourcePublishedOn },
    }),
  );

  return (
    <main id="main" className={styles.factCheckPage}>
      <article aria-labelledby="fact-check-title">
        <header className={styles.factCheckHeader}>
          <p className={styles.kicker}>Fact-check</p>
          <h1 id="fact-check-title" className={styles.headline}>
            {article.title}
          </h1>
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
              {wasUpdated ? (
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

        <ClaimNavigation className={styles.columns}>
          <section aria-labelledby="claims-heading" className={styles.claimsColumn}>
            <h2 id="claims-heading">
              {claims.length === 1 ? "The claim and our verdict" : `The ${claims.length} claims and our verdicts`}
            </h2>
            {claims.map((c, i) => (
              <ClaimCard key={c.id} claim={c} number={i + 1} total={claims.length} attribution={attribution} />
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

        <Corrections corrections={corrections} headingId="corrections-heading" />
        <RatingLegend ratings={ratings} headingId="legend-heading" />
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
