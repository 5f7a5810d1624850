/**
 * schema.org ClaimReview for the public summary page (DESIGN.md "Public
 * surface"): one top-level object per claim, never an `@graph`, because
 * search engines read one ClaimReview per script tag most reliably.
 *
 * Pure: no React, no database. The page gathers the inputs; this module owns
 * the shape, the date formats and the escaping of the script tag.
 */
import type { BlockPlace } from "./anchoring/text";
import type { Claimant } from "./claimant";
import { recordingAppearance, type RecordingAppearance } from "./claimreview-recording";
import { BEST_RATING, WORST_RATING } from "./rating-scale";

export type ClaimReviewInput = {
  /** Absolute origin of this site, e.g. "https://factdesk.example" (a trailing slash is ignored). */
  siteUrl: string;
  /** The publication's slug: the claim permalink is `${siteUrl}/fact-checks/${slug}/claims/${claim.id}`. */
  slug: string;
  /** The fact-checking organisation, the ClaimReview's author. */
  organisation: { name: string; url?: string | null };
  /** BCP 47 language the review is written in (the organisation's). */
  inLanguage?: string | null;
  claim: { id: string; statement: string };
  /** Where in the source the claim is (a transcript's speaker and time): a recording's moment becomes the appearance. */
  place?: BlockPlace | null;
  /** Who made the claim, where and when (defaults to the source's author, its URL and date). */
  claimant?: Pick<Claimant, "claimantName" | "claimantKind" | "claimantRole" | "appearanceUrl" | "appearanceDate"> | null;
  rating: { value: number; label: string };
  /** When the fact-check was published. */
  datePublished: Date | string;
  /** When it last changed (corrections); omitted when it equals datePublished. */
  dateModified?: Date | string | null;
  /** The source piece the claim appeared in. Everything but the title may be unknown. */
  source: {
    title: string;
    url?: string | null;
    author?: string | null;
    publisher?: string | null;
    publishedOn?: string | null;
    /** BCP 47 language of the source, where the page said it. */
    language?: string | null;
  };
};

type Thing = { "@type": string; name: string; url?: string; jobTitle?: string };

export type ClaimReview = {
  "@context": "https://schema.org";
  "@type": "ClaimReview";
  url: string;
  claimReviewed: string;
  reviewRating: { "@type": "Rating"; ratingValue: number; bestRating: number; worstRating: number; alternateName: string };
  author: Thing;
  inLanguage?: string;
  datePublished: string;
  dateModified?: string;
  itemReviewed: {
    "@type": "Claim";
    author?: Thing;
    datePublished?: string;
    appearance:
      | { "@type": "CreativeWork"; headline: string; url?: string; author?: Thing; publisher?: Thing; datePublished?: string; inLanguage?: string }
      | (RecordingAppearance & { publisher?: Thing; uploadDate?: string; inLanguage?: string });
  };
};

const UNKNOWN_CLAIMANT: Thing = { "@type": "Organization", name: "Unidentified author" };

/** Builds the ClaimReview for one claim. Throws on a rating outside the scale or a non-absolute site URL: both are bugs, not data to publish. */
export function buildClaimReview(input: ClaimReviewInput): ClaimReview {
  const base = httpUrlOrNull(input.siteUrl)?.replace(/\/+$/, "");
  if (!base) throw new Error(`buildClaimReview: siteUrl must be an absolute http(s) URL, got ${JSON.stringify(input.siteUrl)}`);
  const { value, label } = input.rating;
  if (!Number.isFinite(value) || value < WORST_RATING || value > BEST_RATING) {
    throw new RangeError(`buildClaimReview: rating value ${value} is outside ${WORST_RATING}…${BEST_RATING}`);
  }
  const datePublished = isoInstant(input.datePublished);
  if (!datePublished) throw new Error("buildClaimReview: datePublished is not a valid date");
  const dateModified = isoInstant(input.dateModified);

  const source = input.source;
  const sourceAuthor = clean(source.author);
  const sourcePublisher = clean(source.publisher);
  const sourceUrl = httpUrlOrNull(source.url);
  const sourceDate = isoDate(source.publishedOn);
  const publisher: Thing | undefined = sourcePublisher ? { "@type": "Organization", name: sourcePublisher } : undefined;
  const sourceAuthorThing: Thing | undefined = sourceAuthor ? { "@type": "Person", name: sourceAuthor } : undefined;
  // Who made the claim: the claimant the reviewers named, else the source's author, else the outlet that
  // published it, else said plainly to be unknown (search engines expect Claim.author all the same).
  const claimantName = clean(input.claimant?.claimantName);
  const claimantRole = clean(input.claimant?.claimantRole);
  const claimant: Thing = claimantName
    ? { "@type": input.claimant?.claimantKind === "organization" ? "Organization" : "Person", name: claimantName, jobTitle: claimantRole && input.claimant?.claimantKind !== "organization" ? claimantRole : undefined }
    : (sourceAuthorThing ?? publisher ?? UNKNOWN_CLAIMANT);
  const appearanceUrl = httpUrlOrNull(input.claimant?.appearanceUrl) ?? sourceUrl;
  const claimDate = isoDate(input.claimant?.appearanceDate) ?? sourceDate;

  const recording = recordingAppearance({ title: source.title.trim(), recordingUrl: sourceUrl, place: input.place, appearanceUrl });
  const appearance: ClaimReview["itemReviewed"]["appearance"] = recording
    ? { ...recording, publisher, uploadDate: sourceDate ?? undefined, inLanguage: clean(source.language) ?? undefined }
    : {
        "@type": "CreativeWork",
        headline: source.title.trim(),
        url: appearanceUrl ?? undefined,
        author: sourceAuthorThing,
        publisher,
        datePublished: sourceDate ?? undefined,
        inLanguage: clean(source.language) ?? undefined,
      };

  const organisationUrl = httpUrlOrNull(input.organisation.url) ?? base;
  return compact({
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: claimPermalink(base, input.slug, input.claim.id),
    claimReviewed: input.claim.statement.trim(),
    reviewRating: { "@type": "Rating", ratingValue: value, bestRating: BEST_RATING, worstRating: WORST_RATING, alternateName: label },
    author: { "@type": "Organization", name: input.organisation.name, url: organisationUrl },
    inLanguage: clean(input.inLanguage) ?? undefined,
    datePublished,
    dateModified: dateModified && dateModified !== datePublished ? dateModified : undefined,
    itemReviewed: {
      "@type": "Claim",
      author: claimant,
      datePublished: claimDate ?? undefined,
      appearance,
    },
  } satisfies ClaimReview);
}

/** The claim's own page, the one URL a ClaimReview points at (exactly one ClaimReview lives there). */
export function claimPermalink(siteUrl: string, slug: string, claimId: string): string {
  return `${siteUrl.replace(/\/+$/, "")}/fact-checks/${encodeURIComponent(slug)}/claims/${encodeURIComponent(claimId)}`;
}

/**
 * Our own timestamps (publication, correction) as full ISO 8601 instants, so
 * a same-day correction still moves `dateModified`; strings are taken as days.
 */
function isoInstant(value: Date | string | null | undefined): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  return isoDate(value);
}

/**
 * JSON for a `<script type="application/ld+json">` body. `<`, `>` and `&`
 * become \u escapes so no text ("</script>", "<!--") can end or confuse the
 * script element; U+2028/2029 are escaped for old JavaScript parsers. The
 * result is still valid JSON that parses back to the same value.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** The URL when it is an absolute http(s) URL, else null: keeps `javascript:` and relative junk out of links and structured data. */
export function httpUrlOrNull(value: string | null | undefined): string | null {
  const v = clean(value);
  if (!v) return null;
  try {
    const url = new URL(v);
    return url.protocol === "http:" || url.protocol === "https:" ? v : null;
  } catch {
    return null;
  }
}

/**
 * A calendar date as yyyy-mm-dd. Date objects are read in UTC (timestamps are
 * stored in UTC); strings that already start with yyyy-mm-dd keep that day,
 * so a source dated "2024-03-05" never shifts a day across time zones.
 */
export function isoDate(value: Date | string | null | undefined): string | null {
  if (value == null) return null;
  if (typeof value === "string") {
    const s = value.trim();
    const day = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(s);
    if (day) return validDay(+day[1]!, +day[2]!, +day[3]!) ? `${day[1]}-${day[2]}-${day[3]}` : null;
    if (!s) return null;
    const parsed = new Date(s);
    if (Number.isNaN(parsed.getTime())) return null;
    // "5 March 2024" parses as local midnight: read it back in local time so the day does not shift.
    if (!/\d:\d/.test(s)) return `${parsed.getFullYear()}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
    return parsed.toISOString().slice(0, 10);
  }
  return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
}

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

const pad = (n: number) => String(n).padStart(2, "0");

function clean(value: string | null | undefined): string | null {
  const v = value?.trim();
  return v ? v : null;
}

/** Drops undefined members (recursively) so the JSON-LD carries no empty keys and tests compare cleanly. */
function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(compact) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, compact(v)])) as T;
  }
  return value;
}
