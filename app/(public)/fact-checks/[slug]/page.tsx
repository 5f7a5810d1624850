import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { headers } from "next/headers";
import { connection } from "next/server";
import { cache } from "react";
import { FactCheckView } from "@/components/public/fact-check-view";
import { siteUrl } from "@/server/env";
import { publicFactCheckBySlug } from "@/server/public-cache";

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
  return <FactCheckView factCheck={factCheck} nonce={(await headers()).get("x-nonce") ?? undefined} />;
}
