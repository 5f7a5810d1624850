/**
 * The sitemap's layout and XML (https://www.sitemaps.org/protocol.html), as
 * plain functions of counts and rows so they can be tested without a server
 * or 50,000 rows: the file size is a parameter.
 *
 * `/sitemap.xml` is a sitemap index. It points at two numbered series of
 * files under `/sitemaps/`, each file holding at most `perFile` URLs:
 *
 *   pages-1.xml, pages-2.xml …   the index and organisation pages, then every
 *                                live fact-check (in slug order)
 *   claims-1.xml, claims-2.xml … every public claim permalink (in claim id order)
 *
 * Both orders are indexed columns, so the rows of file n are one query with
 * an offset, and the index knows every file from one query per series.
 */

import { claimPermalink } from "./claimreview";
import { ORGANISATION_PAGE_SLUGS } from "./organisation-pages";

/** The protocol's limit of URLs per sitemap file (and of files per index). */
export const SITEMAP_MAX_URLS = 50_000;

export type SitemapSeries = "pages" | "claims";

/** One file of a series, numbered from 1. */
export type SitemapFile = { series: SitemapSeries; number: number };

export type ChangeFrequency = "always" | "hourly" | "daily" | "weekly" | "monthly" | "yearly" | "never";

export type SitemapUrl = { loc: string; lastmod?: Date | null; changefreq?: ChangeFrequency };

/** The pages series' fixed entries: the index of fact-checks, then the organisation pages. */
export function fixedPageUrls(base: string): SitemapUrl[] {
  return [{ loc: `${base}/fact-checks`, changefreq: "daily" }, ...ORGANISATION_PAGE_SLUGS.map((slug): SitemapUrl => ({ loc: `${base}/${slug}`, changefreq: "monthly" }))];
}

/** A live fact-check's entry: its page, last changed when it was last published or corrected. */
export function factCheckUrl(base: string, row: { slug: string; updatedAt: Date }): SitemapUrl {
  return { loc: `${base}/fact-checks/${row.slug}`, lastmod: row.updatedAt };
}

/** A claim permalink's entry, with its fact-check's last change. */
export function claimUrl(base: string, row: { slug: string; claimId: string; updatedAt: Date }): SitemapUrl {
  return { loc: claimPermalink(base, row.slug, row.claimId), lastmod: row.updatedAt };
}

/** The file's name under /sitemaps/. */
export function sitemapFileName(file: SitemapFile): string {
  return `${file.series}-${file.number}.xml`;
}

/** The file a name under /sitemaps/ stands for, or null (unknown series, no number, a leading zero). */
export function parseSitemapFileName(name: string): SitemapFile | null {
  const match = /^(pages|claims)-([1-9]\d{0,8})\.xml$/.exec(name);
  return match ? { series: match[1] as SitemapSeries, number: Number(match[2]) } : null;
}

/** How many files `urls` URLs take at `perFile` a file (none for none). */
export function fileCount(urls: number, perFile: number): number {
  return Math.ceil(Math.max(0, urls) / perFile);
}

/**
 * Which URLs file `number` of a series holds, as positions in the series:
 * `leading` fixed entries come first (the pages series' index and
 * organisation pages), then the rows of the database. `fixed` is the slice
 * of the fixed entries, `rows` the offset and limit of the query.
 */
export function fileSlice(number: number, perFile: number, leading = 0): { fixed: { start: number; end: number }; rows: { offset: number; limit: number } } {
  const start = (number - 1) * perFile;
  const end = start + perFile;
  const fixed = { start: Math.min(start, leading), end: Math.min(end, leading) };
  const offset = Math.max(0, start - leading);
  return { fixed, rows: { offset, limit: Math.max(0, end - leading) - offset } };
}

/** A per-file summary of a series from the database: 0-based file, URLs in it, newest change among them. */
export type FileSummary = { file: number; urls: number; lastmod: Date | null };

/**
 * The index entries of one series: one per file, with the newest `lastmod`
 * of its rows (a file of fixed entries only has none). `leading` fixed
 * entries precede the rows, as in fileSlice.
 */
export function seriesFiles(series: SitemapSeries, summaries: FileSummary[], perFile: number, leading = 0): { file: SitemapFile; lastmod: Date | null }[] {
  const rows = summaries.reduce((sum, s) => sum + s.urls, 0);
  const byFile = new Map(summaries.map((s) => [s.file, s.lastmod]));
  return Array.from({ length: fileCount(leading + rows, perFile) }, (_, i) => ({ file: { series, number: i + 1 }, lastmod: byFile.get(i) ?? null }));
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text for an XML element: the five characters the protocol requires escaped as entities. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

/** W3C Datetime, as the protocol asks: the full ISO 8601 instant in UTC. */
const datetime = (date: Date) => date.toISOString();

/** A sitemap file (`<urlset>`). */
export function urlsetXml(urls: SitemapUrl[]): string {
  const lines = [XML_DECLARATION, `<urlset xmlns="${NAMESPACE}">`];
  for (const url of urls) {
    const parts = [`<loc>${escapeXml(url.loc)}</loc>`];
    if (url.lastmod) parts.push(`<lastmod>${datetime(url.lastmod)}</lastmod>`);
    if (url.changefreq) parts.push(`<changefreq>${url.changefreq}</changefreq>`);
    lines.push(`<url>${parts.join("")}</url>`);
  }
  lines.push("</urlset>", "");
  return lines.join("\n");
}

/** The sitemap index (`<sitemapindex>`): one `<sitemap>` per file. */
export function sitemapIndexXml(files: { loc: string; lastmod: Date | null }[]): string {
  const lines = [XML_DECLARATION, `<sitemapindex xmlns="${NAMESPACE}">`];
  for (const file of files) {
    const lastmod = file.lastmod ? `<lastmod>${datetime(file.lastmod)}</lastmod>` : "";
    lines.push(`<sitemap><loc>${escapeXml(file.loc)}</loc>${lastmod}</sitemap>`);
  }
  lines.push("</sitemapindex>", "");
  return lines.join("\n");
}
