/**
 * Article metadata from a page: JSON-LD (schema.org Article and its
 * subtypes, also inside @graph) first, because publishers fill it for
 * search engines; then Open Graph / article:* / Dublin Core / plain meta
 * tags; then <title>, <link rel=canonical> and <html lang>.
 */
import type { DraftMetadata } from "../../lib/import-draft";

const ARTICLE_TYPES = /^(Article|NewsArticle|BlogPosting|Report|ScholarlyArticle|AnalysisNewsArticle|OpinionNewsArticle|ReportageNewsArticle|MedicalScholarlyArticle|WebPage|LiveBlogPosting|TechArticle|SocialMediaPosting)$/;

type Json = Record<string, unknown>;

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

/** Every object in the JSON-LD scripts, flattening arrays and @graph. */
function jsonLdObjects(doc: Document): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown) => {
    for (const item of asArray(v)) {
      if (item && typeof item === "object") {
        out.push(item as Json);
        if ("@graph" in item) visit((item as Json)["@graph"]);
      }
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ""));
    } catch {
      // Broken JSON-LD is common; the meta tags still count.
    }
  }
  return out;
}

/** A name from a string, a {name} object, or a list of them ("A and B"). */
function nameOf(v: unknown): string | null {
  const names = asArray(v)
    .map((x) => (typeof x === "string" ? x : x && typeof x === "object" && typeof (x as Json).name === "string" ? ((x as Json).name as string) : null))
    .filter((x): x is string => Boolean(x?.trim()));
  return names.length ? names.map((n) => n.trim()).join(", ") : null;
}

/** yyyy-mm-dd from an ISO timestamp or a date the Date parser understands; null when unparseable. */
export function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const direct = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  if (direct) return direct[1]!;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString().slice(0, 10);
}

function absolute(href: string | null | undefined, base: string | null): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base ?? undefined);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
}

const clip = (s: string | null | undefined, max: number) => {
  const t = s?.replace(/\s+/g, " ").trim();
  return t ? t.slice(0, max) : null;
};

/** Metadata of `doc`, fetched from `pageUrl` (null for files and pastes). */
export function readMetadata(doc: Document, pageUrl: string | null): DraftMetadata {
  const meta = (...names: string[]) => {
    for (const name of names) {
      const el = doc.querySelector(`meta[property="${name}" i], meta[name="${name}" i], meta[itemprop="${name}" i]`);
      // A few sites write `value` where `content` belongs (whitehouse.gov's og:site_name); browsers' readers accept both.
      const content = el?.getAttribute("content") ?? el?.getAttribute("value");
      if (content?.trim()) return content.trim();
    }
    return null;
  };
  const ld = jsonLdObjects(doc).find((o) => asArray(o["@type"]).some((t) => typeof t === "string" && ARTICLE_TYPES.test(t)) && o["@type"] !== "WebPage")
    ?? jsonLdObjects(doc).find((o) => asArray(o["@type"]).includes("WebPage"));
  const ldString = (key: string) => (ld && typeof ld[key] === "string" ? (ld[key] as string) : null);
  const publisher = nameOf(ld?.publisher) ?? meta("og:site_name", "application-name", "publisher", "dc.publisher");
  // Not twitter:creator: it is an account handle, often the outlet's own ("@BBCWorld"), and crediting a person with
  // the outlet's account (or the other way round) is a wrong attribution. The byline on the page does better.
  const author = nameOf(ld?.author) ?? meta("author", "article:author", "dc.creator", "parsely-author", "sailthru.author");
  const canonical =
    absolute(doc.querySelector('link[rel="canonical" i]')?.getAttribute("href"), pageUrl) ??
    absolute(meta("og:url"), pageUrl) ??
    absolute(ldString("url") ?? (ld?.mainEntityOfPage && typeof ld.mainEntityOfPage === "object" ? ((ld.mainEntityOfPage as Json)["@id"] as string) : null), pageUrl);
  const title = ldString("headline") ?? meta("og:title", "twitter:title", "dc.title") ?? doc.querySelector("title")?.textContent ?? "";
  return {
    title: clip(withoutSiteSuffix(title, publisher), 300) ?? "",
    author: clip(author, 200),
    publisher: clip(publisher, 200),
    publishedOn: isoDate(ldString("datePublished") ?? meta("article:published_time", "datePublished", "date", "dc.date", "dc.date.issued", "pubdate", "publish-date", "sailthru.date")),
    sourceUrl: pageUrl,
    canonicalUrl: canonical,
    language: clip(ldString("inLanguage") ?? doc.documentElement?.getAttribute("lang") ?? meta("og:locale")?.replace("_", "-"), 35),
  };
}

/**
 * "Weekly address: Merry Christmas | whitehouse.gov" → "Weekly address: Merry Christmas": the page title's last
 * part is dropped when it names the site (the publisher, or a domain name). A title whose last part is anything
 * else keeps it ("Kratom – a guide" stays whole).
 */
export function withoutSiteSuffix(title: string, publisher: string | null): string {
  const parts = title.split(/\s+[|–—·:-]{1,2}\s+/);
  if (parts.length < 2) return title;
  const last = parts.at(-1)!.trim().toLowerCase();
  const names = last === publisher?.trim().toLowerCase() || /^(www\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(last);
  const rest = title.slice(0, title.lastIndexOf(parts.at(-1)!)).replace(/\s+[|–—·:-]{1,2}\s*$/, "").trim();
  return names && rest.length >= 10 ? rest : title;
}
