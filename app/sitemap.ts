import type { MetadataRoute } from "next";
import { connection } from "next/server";
import { siteUrl } from "@/server/env";
import { ORGANISATION_PAGE_SLUGS } from "@/lib/organisation-pages";
import { allPublicFactChecks, cachedFactCheck } from "@/server/public-cache";

/** Every public page: the index, the organisation pages, each live fact-check and each of its claim permalinks. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection();
  const base = siteUrl();
  const items = await allPublicFactChecks();
  const entries: MetadataRoute.Sitemap = [
    { url: `${base}/fact-checks`, changeFrequency: "daily" },
    ...ORGANISATION_PAGE_SLUGS.map((slug) => ({ url: `${base}/${slug}`, changeFrequency: "monthly" as const })),
  ];
  for (const item of items) {
    entries.push({ url: `${base}/fact-checks/${item.slug}`, lastModified: item.updatedAt });
    const factCheck = await cachedFactCheck(item.slug);
    for (const claim of factCheck?.claims ?? []) {
      entries.push({ url: `${base}/fact-checks/${item.slug}/claims/${claim.id}`, lastModified: item.updatedAt });
    }
  }
  return entries;
}
