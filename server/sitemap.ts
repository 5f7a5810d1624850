import "server-only";
import { listSitemapClaims, listSitemapFactChecks, summarizeSitemapClaims, summarizeSitemapFactChecks } from "@/db/queries/public-sitemap";
import { claimUrl, factCheckUrl, fileSlice, fixedPageUrls, parseSitemapFileName, seriesFiles, sitemapFileName, sitemapIndexXml, urlsetXml } from "@/lib/sitemap";
import { env, siteUrl } from "@/server/env";

/**
 * The sitemap as served (layout in lib/sitemap.ts): read from the database
 * on each request, two queries for the index and one per file, so the
 * lists are never staler than the Cache-Control the routes send. Files are
 * too big for the data cache (up to 50,000 rows), and crawlers read them a
 * few times a day; shared caches keep them for an hour (server/http-cache.ts).
 */

/** The sitemap index: every file of both series, with the newest change in each. */
export async function sitemapIndex(): Promise<string> {
  const base = siteUrl();
  const perFile = env().SITEMAP_URLS_PER_FILE;
  const leading = fixedPageUrls(base).length;
  const [pages, claims] = await Promise.all([summarizeSitemapFactChecks({ perFile, leading }), summarizeSitemapClaims({ perFile })]);
  const files = [...seriesFiles("pages", pages, perFile, leading), ...seriesFiles("claims", claims, perFile)];
  return sitemapIndexXml(files.map(({ file, lastmod }) => ({ loc: `${base}/sitemaps/${sitemapFileName(file)}`, lastmod })));
}

/** The sitemap file with this name under /sitemaps/, or null when there is no such file (an unknown name, or past the last one). */
export async function sitemapFile(name: string): Promise<string | null> {
  const file = parseSitemapFileName(name);
  if (!file) return null;
  const base = siteUrl();
  const perFile = env().SITEMAP_URLS_PER_FILE;
  if (file.series === "pages") {
    const fixed = fixedPageUrls(base);
    const slice = fileSlice(file.number, perFile, fixed.length);
    const urls = [...fixed.slice(slice.fixed.start, slice.fixed.end), ...(await listSitemapFactChecks(slice.rows)).map((row) => factCheckUrl(base, row))];
    return urls.length ? urlsetXml(urls) : null;
  }
  const rows = await listSitemapClaims(fileSlice(file.number, perFile).rows);
  return rows.length ? urlsetXml(rows.map((row) => claimUrl(base, row))) : null;
}
