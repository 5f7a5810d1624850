/**
 * ClaimReview in: reads other fact-checkers' ClaimReview markup into prior fact-checks that claim matching can
 * search. Takes what is found in the wild: JSON-LD objects, arrays and `@graph`s, a Data Commons-style DataFeed
 * (`dataFeedElement[].item[]`), `itemReviewed` as a Claim or a CreativeWork, and microdata
 * (`itemtype="…/ClaimReview"`). Every review found becomes either a prior fact-check or a reason it could not
 * be read; nothing here throws on bad input.
 */
import { parseHTML } from "linkedom";
import { httpUrlOrNull, isoDate } from "@/lib/claimreview";
import { BEST_RATING, WORST_RATING } from "@/lib/rating-scale";

export type PriorFactCheck = {
  claim: string;
  claimant: string | null;
  ratingLabel: string | null;
  /** The rating on this desk's 1–5 scale, from the review's own bounds; null when the review gives no number. */
  ratingValue: number | null;
  url: string;
  /** yyyy-mm-dd */
  datePublished: string | null;
  publisher: string | null;
  language: string | null;
};

export type ReadResult = { found: PriorFactCheck[]; skipped: { where: string; reason: string }[] };

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const typesOf = (o: Json) => asArray(o["@type"]).filter((t): t is string => typeof t === "string").map((t) => t.replace(/^https?:\/\/schema\.org\//, ""));

/** A property's text: a string, a number, or the name/@value of an object, the first of an array. */
function text(value: unknown): string | null {
  for (const v of asArray(value)) {
    if (typeof v === "string" && v.trim()) return v.replace(/\s+/g, " ").trim();
    if (typeof v === "number" && Number.isFinite(v)) return String(v);
    if (isObject(v)) {
      const inner = text(v["name"]) ?? text(v["@value"]);
      if (inner) return inner;
    }
  }
  return null;
}

const number = (value: unknown): number | null => {
  const t = text(value);
  if (t === null || !/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
};

/** Every ClaimReview object inside a JSON-LD value: top level, arrays, `@graph`, DataFeed items. */
function collectReviews(value: unknown, out: Json[], depth = 0): void {
  if (depth > 8) return;
  for (const v of asArray(value)) {
    if (!isObject(v)) continue;
    if (typesOf(v).includes("ClaimReview")) out.push(v);
    for (const key of ["@graph", "dataFeedElement", "item", "mainEntity", "review"]) if (key in v) collectReviews(v[key], out, depth + 1);
  }
}

/** Onto this desk's scale (1 false … 5 true), from the review's own worst and best (defaults 1 and 5, as schema.org says). */
function normalise(rating: Json | null): number | null {
  if (!rating) return null;
  const value = number(rating["ratingValue"]);
  if (value === null) return null;
  const best = number(rating["bestRating"]) ?? 5;
  const worst = number(rating["worstRating"]) ?? 1;
  if (best === worst || value < Math.min(best, worst) || value > Math.max(best, worst)) return null;
  const share = (value - worst) / (best - worst);
  return Math.round((WORST_RATING + share * (BEST_RATING - WORST_RATING)) * 10) / 10;
}

/** One ClaimReview as a prior fact-check, or the reason it cannot be one. `pageUrl` stands in for a missing url. */
export function priorFromReview(review: Json, pageUrl: string | null): PriorFactCheck | { reason: string } {
  const item = asArray(review["itemReviewed"]).find(isObject) ?? null;
  const claim = text(review["claimReviewed"]) ?? (item ? (text(item["name"]) ?? text(item["headline"]) ?? text(item["text"])) : null);
  if (!claim) return { reason: "It names no claim (claimReviewed is missing or empty)." };
  const url = httpUrlOrNull(text(review["url"])) ?? httpUrlOrNull(pageUrl);
  if (!url) return { reason: "It has no web address (url) to link to." };
  const rating = asArray(review["reviewRating"]).find(isObject) ?? null;
  const ratingLabel = rating ? (text(rating["alternateName"]) ?? text(rating["name"])) : null;
  const ratingValue = normalise(rating);
  if (!ratingLabel && ratingValue === null) return { reason: "It gives no rating (reviewRating has neither a label nor a value)." };
  const appearance = item ? (asArray(item["appearance"]).find(isObject) ?? asArray(item["firstAppearance"]).find(isObject) ?? null) : null;
  const claimant = item ? (text(item["author"]) ?? (appearance ? text(appearance["author"]) : null)) : null;
  return {
    claim: claim.slice(0, 2000),
    claimant: claimant?.slice(0, 200) ?? null,
    ratingLabel: ratingLabel?.slice(0, 100) ?? null,
    ratingValue,
    url,
    datePublished: isoDate(text(review["datePublished"])),
    publisher: (text(review["author"]) ?? text(review["publisher"]))?.slice(0, 200) ?? null,
    language: text(review["inLanguage"])?.slice(0, 35) ?? null,
  };
}

function read(reviews: Json[], pageUrl: string | null, where: (i: number) => string): ReadResult {
  const result: ReadResult = { found: [], skipped: [] };
  reviews.forEach((review, i) => {
    const prior = priorFromReview(review, pageUrl);
    if ("reason" in prior) result.skipped.push({ where: where(i), reason: prior.reason });
    else result.found.push(prior);
  });
  return result;
}

/** ClaimReviews in a JSON document: an uploaded JSON-LD file or a DataFeed. */
export function readClaimReviewJson(source: string, name = "the file"): ReadResult {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    return { found: [], skipped: [{ where: name, reason: "It is not valid JSON." }] };
  }
  const reviews: Json[] = [];
  collectReviews(value, reviews);
  if (reviews.length === 0) return { found: [], skipped: [{ where: name, reason: "It holds no ClaimReview." }] };
  return read(reviews, null, (i) => `review ${i + 1} of ${name}`);
}

/** ClaimReviews in a fact-check page: its JSON-LD scripts and its microdata. */
export function readClaimReviewHtml(html: string, pageUrl: string): ReadResult {
  const { document } = parseHTML(html);
  const reviews: Json[] = [];
  const skipped: ReadResult["skipped"] = [];
  document.querySelectorAll('script[type="application/ld+json" i]').forEach((script: Element, i: number) => {
    try {
      collectReviews(JSON.parse(script.textContent ?? ""), reviews);
    } catch {
      skipped.push({ where: `JSON-LD block ${i + 1}`, reason: "It is not valid JSON." });
    }
  });
  document.querySelectorAll('[itemtype$="schema.org/ClaimReview" i]').forEach((el: Element) => reviews.push(microdata(el)));
  const result = read(reviews, pageUrl, (i) => `review ${i + 1} on the page`);
  if (reviews.length === 0 && skipped.length === 0) skipped.push({ where: pageUrl, reason: "The page carries no ClaimReview markup." });
  return { found: result.found, skipped: [...skipped, ...result.skipped] };
}

/** A microdata item as a JSON-LD-like object: `itemprop`s of the item itself (nested items become objects). */
function microdata(item: Element): Json {
  const out: Json = { "@type": (item.getAttribute("itemtype") ?? "").split("/").pop() };
  const walk = (el: Element) => {
    for (const child of Array.from(el.children) as Element[]) {
      const prop = child.getAttribute("itemprop");
      const nested = child.hasAttribute("itemscope");
      if (prop) {
        const value = nested ? microdata(child) : (child.getAttribute("content") ?? child.getAttribute("href") ?? child.getAttribute("datetime") ?? child.textContent ?? "");
        for (const name of prop.split(/\s+/)) out[name] = name in out ? [...asArray(out[name]), value] : value;
      }
      if (!nested) walk(child);
    }
  };
  walk(item);
  return out;
}
