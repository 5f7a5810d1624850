import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { ClaimCard } from "@/components/public/claim-card";
import { claimReviewFor } from "@/components/public/claim-reviews";
import { Corrections } from "@/components/public/corrections";
import { JsonLd } from "@/components/public/json-ld";
import { RatingLegend } from "@/components/public/rating-legend";
import { SourceDetails } from "@/components/public/source-details";
import { claimPermalink } from "@/lib/claimreview";
import { siteUrl } from "@/server/env";
import { publicClaim } from "@/server/public-cache";
import extra from "@/components/public/fact-check.module.css";

type Props = { params: Promise<{ slug: string; claimId: string }> };

const load = cache(async (slug: string, claimId: string) => {
  await connection();
  return publicClaim(slug, claimId);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, claimId } = await params;
  const found = await load(slug, claimId);
  if (!found) return { title: "Claim not found", robots: { index: false } };
  const { claim, factCheck } = found;
  const title = `${claim.verdict.rating.label}: ${claim.statement}`;
  return {
    title,
    description: `Fact-check of a claim in “${factCheck.article.title}”.`,
    alternates: { canonical: claimPermalink(siteUrl(), slug, claimId) },
    openGraph: { type: "article", title },
  };
}

/** One claim's own page: the permalink every ClaimReview `url` points at, carrying exactly that one ClaimReview. */
export default async function ClaimPermalinkPage({ params }: Props) {
  const { slug, claimId } = await params;
  const found = await load(slug, claimId);
  if (!found) notFound();
  const { claim, factCheck, number } = found;
  const { article, publication } = factCheck;
  const corrections = factCheck.corrections.filter((c) => c.claimId === claim.id);
  return (
    <main id="main" className={extra.permalinkPage}>
      <Link href={`/fact-checks/${publication.slug}`} className={extra.backLink}>
        ← The full fact-check: {article.title}
      </Link>
      <h1 className="visually-hidden">
        Claim {number}: {claim.statement}
      </h1>
      <ClaimCard claim={claim} number={number} total={factCheck.claims.length} />
      <SourceDetails article={article} headingId="source-heading" />
      {corrections.length ? <Corrections corrections={corrections} headingId="corrections-heading" /> : null}
      <RatingLegend ratings={factCheck.ratings} headingId="legend-heading" />
      <p className={extra.policyLinks}>
        <Link href="/methodology">How we fact-check</Link> · <Link href="/corrections-policy">Corrections policy</Link> · <Link href="/about">About us</Link>
      </p>
      <JsonLd data={claimReviewFor(factCheck, claim)} />
    </main>
  );
}
