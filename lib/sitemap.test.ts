import { describe, expect, it } from "vitest";
import { escapeXml, fileCount, fileSlice, parseSitemapFileName, seriesFiles, sitemapFileName, sitemapIndexXml, SITEMAP_MAX_URLS, urlsetXml } from "./sitemap";

describe("sitemap file names", () => {
  it("round-trip, and refuse anything else", () => {
    for (const file of [{ series: "pages", number: 1 }, { series: "claims", number: 12 }] as const) expect(parseSitemapFileName(sitemapFileName(file))).toEqual(file);
    for (const name of ["pages-0.xml", "pages-01.xml", "pages-1", "claims-.xml", "drafts-1.xml", "pages-1.xml.gz", "../pages-1.xml", "pages-1234567890.xml"]) expect(parseSitemapFileName(name), name).toBeNull();
  });
});

describe("splitting a series into files", () => {
  it("follows the protocol's limit by default", () => {
    expect(SITEMAP_MAX_URLS).toBe(50_000);
    expect(fileCount(0, SITEMAP_MAX_URLS)).toBe(0);
    expect(fileCount(50_000, SITEMAP_MAX_URLS)).toBe(1);
    expect(fileCount(50_001, SITEMAP_MAX_URLS)).toBe(2);
  });

  it("puts every position in exactly one file, fixed entries first, none over the size", () => {
    for (const perFile of [1, 2, 3, 4, 5, 10]) {
      for (const leading of [0, 1, 4]) {
        for (const rows of [0, 1, 7, 20]) {
          const seen: string[] = [];
          const files = fileCount(leading + rows, perFile);
          for (let n = 1; n <= files; n++) {
            const { fixed, rows: window } = fileSlice(n, perFile, leading);
            const size = fixed.end - fixed.start + Math.min(window.limit, Math.max(0, rows - window.offset));
            expect(size, `file ${n} of ${perFile} after ${leading}, ${rows} rows`).toBeGreaterThan(0);
            expect(size).toBeLessThanOrEqual(perFile);
            for (let i = fixed.start; i < fixed.end; i++) seen.push(`fixed ${i}`);
            for (let i = window.offset; i < Math.min(rows, window.offset + window.limit); i++) seen.push(`row ${i}`);
          }
          expect(seen).toEqual([...Array.from({ length: leading }, (_, i) => `fixed ${i}`), ...Array.from({ length: rows }, (_, i) => `row ${i}`)]);
          // Past the last file: nothing.
          const after = fileSlice(files + 1, perFile, leading);
          expect(after.fixed.end - after.fixed.start).toBe(0);
          expect(after.rows.offset).toBeGreaterThanOrEqual(rows);
        }
      }
    }
  });

  it("lists one index entry per file, with the newest change in it where it has rows", () => {
    const t1 = new Date("2026-01-01T00:00:00.000Z");
    const t2 = new Date("2026-02-01T00:00:00.000Z");
    // 4 fixed entries and 5 rows at 3 a file: [f f f] [f r r] [r r r].
    const files = seriesFiles("pages", [{ file: 1, urls: 2, lastmod: t1 }, { file: 2, urls: 3, lastmod: t2 }], 3, 4);
    expect(files).toEqual([
      { file: { series: "pages", number: 1 }, lastmod: null },
      { file: { series: "pages", number: 2 }, lastmod: t1 },
      { file: { series: "pages", number: 3 }, lastmod: t2 },
    ]);
    expect(seriesFiles("claims", [], 3)).toEqual([]);
  });
});

describe("sitemap XML", () => {
  it("escapes the five XML characters", () => {
    expect(escapeXml(`a&b<c>d"e'f`)).toBe("a&amp;b&lt;c&gt;d&quot;e&apos;f");
  });

  it("writes a urlset with escaped locations, lastmod and changefreq where known", () => {
    const xml = urlsetXml([
      { loc: "https://example.org/fact-checks", changefreq: "daily" },
      { loc: "https://example.org/fact-checks/a-b?x=1&y=<2>", lastmod: new Date("2026-03-04T05:06:07.089Z") },
    ]);
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        "<url><loc>https://example.org/fact-checks</loc><changefreq>daily</changefreq></url>",
        "<url><loc>https://example.org/fact-checks/a-b?x=1&amp;y=&lt;2&gt;</loc><lastmod>2026-03-04T05:06:07.089Z</lastmod></url>",
        "</urlset>",
        "",
      ].join("\n"),
    );
  });

  it("writes a sitemap index of the files", () => {
    const xml = sitemapIndexXml([
      { loc: "https://example.org/sitemaps/pages-1.xml", lastmod: new Date("2026-03-04T05:06:07.089Z") },
      { loc: "https://example.org/sitemaps/claims-1.xml?a=1&b=2", lastmod: null },
    ]);
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        "<sitemap><loc>https://example.org/sitemaps/pages-1.xml</loc><lastmod>2026-03-04T05:06:07.089Z</lastmod></sitemap>",
        "<sitemap><loc>https://example.org/sitemaps/claims-1.xml?a=1&amp;b=2</loc></sitemap>",
        "</sitemapindex>",
        "",
      ].join("\n"),
    );
  });
});
