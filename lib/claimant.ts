/**
 * Who made a claim and where it appeared (DESIGN.md "claimant"). Articles
 * quote other people, so a claim is credited to its own claimant, which
 * defaults to the article's author and can be changed by a reviewer. Pure:
 * used by queries, the desk and the public pages alike.
 */
import type { BlockPlace } from "./anchoring/text";
import { momentUrl } from "./block-place";

export const CLAIMANT_KINDS = ["person", "organization"] as const;
export type ClaimantKind = (typeof CLAIMANT_KINDS)[number];

export type Claimant = {
  claimantName: string | null;
  claimantKind: ClaimantKind;
  /** Role or title, e.g. "health minister" or "spokesperson". */
  claimantRole: string | null;
  /** Where the claim appeared (absolute http(s) URL) and when (yyyy-mm-dd). */
  appearanceUrl: string | null;
  appearanceDate: string | null;
};

export const MAX_CLAIMANT_NAME = 200;
export const MAX_CLAIMANT_ROLE = 200;

/**
 * The default claimant of a new claim: in a transcript, the speaker of the turn, where the recording (the
 * article's source address) reaches that moment; otherwise the article's author, else its publisher as an
 * organisation, where the article appeared.
 */
export function claimantFromArticle(
  article: { author: string | null; publisher: string | null; sourceUrl: string | null; sourcePublishedOn: string | null },
  place: BlockPlace | null = null,
): Claimant {
  const author = article.author?.trim() || null;
  const publisher = article.publisher?.trim() || null;
  const sourceUrl = article.sourceUrl?.trim() || null;
  const appearance = { appearanceUrl: momentUrl(sourceUrl, place) ?? sourceUrl, appearanceDate: article.sourcePublishedOn?.trim() || null };
  if (place?.speaker) return { claimantName: place.speaker, claimantKind: "person", claimantRole: null, ...appearance };
  return { claimantName: author ?? publisher, claimantKind: !author && publisher ? "organization" : "person", claimantRole: null, ...appearance };
}

/** Only the claimant's own fields of a wider row (a claim or a verdict revision). */
export function pickClaimant(row: Claimant): Claimant {
  return {
    claimantName: row.claimantName,
    claimantKind: row.claimantKind,
    claimantRole: row.claimantRole,
    appearanceUrl: row.appearanceUrl,
    appearanceDate: row.appearanceDate,
  };
}

export function sameClaimant(a: Claimant, b: Claimant): boolean {
  const x = pickClaimant(a);
  const y = pickClaimant(b);
  return (Object.keys(x) as (keyof Claimant)[]).every((k) => (x[k] ?? null) === (y[k] ?? null));
}

/** "Dr Jane Doe, health minister" — or null when nobody is named. */
export function describeClaimant(claimant: Pick<Claimant, "claimantName" | "claimantRole">): string | null {
  const name = claimant.claimantName?.trim();
  if (!name) return null;
  const role = claimant.claimantRole?.trim();
  return role ? `${name}, ${role}` : name;
}
