import "server-only";
import { announcePublicChange } from "@/db/change-signal";
import { getDatabase } from "@/db/client";
import { bumpPublicDataGeneration, publicDataGeneration } from "@/server/page-cache/generation";
import { requestPurge } from "@/server/purge-hook";
import { getOrganisationPage } from "@/db/queries/organisation-pages";
import { getPublicFactCheck } from "@/db/queries/public-fact-checks";
import { listPublicPublishers, searchPublicFactChecks, type PublicSearch } from "@/db/queries/public-search";
import { getPublicSlugForClaim, listPublicVerdictSummaries } from "@/db/queries/public-fact-checks";
import { listRatings } from "@/db/queries/ratings";
import { getSetting } from "@/db/queries/settings";
import type { OrganisationPageSlug } from "@/lib/organisation-pages";

/**
 * What anonymous readers see, kept in memory so public pages, feeds and the
 * JSON API do not query the database per request. Entries belong to a
 * public-data generation (server/page-cache/generation.ts): every action
 * that changes public data (publish, unpublish, an approved correction, an
 * organisation page, the rating scale) declares it (`invalidates` in
 * server/action.ts), the wrapper calls `invalidatePublicData()`, and the
 * generation moves on this instance at once and on every other instance
 * through the database (db/change-signal.ts). The time limit is a backstop
 * for changes made outside the app (a restored backup).
 *
 * Why not Next's data cache (`unstable_cache` with a tag): a tag is
 * invalidated only in the process that calls `updateTag`, and only inside a
 * request; a notification from another instance arrives outside both.
 */
const BACKSTOP_MS = 600_000;
const MAX_ENTRIES = 2000;

type Memo = { value: Promise<unknown>; generation: number; expires: number };
const MEMO_KEY = Symbol.for("factdesk.public-data-memo");
const memo = ((globalThis as { [MEMO_KEY]?: Map<string, Memo> })[MEMO_KEY] ??= new Map());

/**
 * A loader kept per arguments and generation. A load that started before a change is not kept past it (its
 * generation is the old one). Callers get their own copy, so nothing they do to it reaches the next reader.
 */
function cached<A extends unknown[], R>(name: string, load: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    const key = `${name} ${JSON.stringify(args)}`;
    const generation = publicDataGeneration();
    const now = Date.now();
    let entry = memo.get(key);
    if (!entry || entry.generation !== generation || entry.expires <= now) {
      entry = { value: load(...args), generation, expires: now + BACKSTOP_MS };
      const stored = entry;
      // A failure is the caller's, not the next reader's.
      stored.value.catch(() => memo.get(key) === stored && memo.delete(key));
      memo.delete(key);
      memo.set(key, stored);
      if (memo.size > MAX_ENTRIES) memo.delete(memo.keys().next().value!);
    }
    return structuredClone((await entry.value) as R);
  };
}

export const cachedFactCheck = cached("fact-check", (slug: string) => getPublicFactCheck({ slug }));
export const cachedSearch = cached("search", (search: PublicSearch) => searchPublicFactChecks(search));
export const cachedPublishers = cached("publishers", () => listPublicPublishers());
export const cachedRatings = cached("ratings", () => listRatings());
export const cachedOrganisationName = cached("organisation-name", () => getSetting("organisationName"));
export const cachedLanguage = cached("language", () => getSetting("language"));
export const cachedOrganisationPage = cached("organisation-page", (slug: OrganisationPageSlug) => getOrganisationPage({ slug }));
export const cachedSlugForClaim = cached("claim-slug", (claimId: string) => getPublicSlugForClaim({ claimId }));
export const cachedVerdictSummaries = cached("verdict-summaries", async (slugs: string[]) => [...(await listPublicVerdictSummaries({ slugs })).entries()]);

/**
 * For server actions, after public data changed: this instance's caches go at once (the next public read sees the
 * change), every other instance's through the database, and an operator's CDN or proxy is asked to purge.
 */
export async function invalidatePublicData(): Promise<void> {
  bumpPublicDataGeneration();
  try {
    await announcePublicChange(await getDatabase());
  } catch (error) {
    // The change itself is committed; other instances then see it when their copies expire (the page cache's few seconds, BACKSTOP_MS here).
    console.error("Could not tell other instances that public data changed:", error instanceof Error ? error.message : error);
  }
  requestPurge();
}

// Slugs come from slugify() and claim ids from newId(): cheap to reject anything else before any lookup.
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CLAIM_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The live fact-check for a public slug, from the cache; null for malformed or unknown slugs. */
export async function publicFactCheckBySlug(slug: string) {
  return SLUG.test(slug) && slug.length <= 100 ? cachedFactCheck(slug) : null;
}

/** One published claim of a live fact-check, with the fact-check around it. */
export async function publicClaim(slug: string, claimId: string) {
  if (!CLAIM_ID.test(claimId)) return null;
  const factCheck = await publicFactCheckBySlug(slug);
  const index = factCheck?.claims.findIndex((c) => c.id === claimId) ?? -1;
  if (!factCheck || index < 0) return null;
  return { factCheck, claim: factCheck.claims[index]!, number: index + 1 };
}

/** A published claim by its id alone (the embed card), via the slug of its live fact-check. */
export async function publicClaimById(claimId: string) {
  if (!CLAIM_ID.test(claimId)) return null;
  const slug = await cachedSlugForClaim(claimId);
  return slug ? publicClaim(slug, claimId) : null;
}

/** The newest live fact-checks (all of them by default) for the feed, a page of 100 at a time. */
export async function allPublicFactChecks(limit = Infinity) {
  const items = [];
  for (let page = 1; items.length < limit; page++) {
    const result = await cachedSearch({ page, pageSize: 100 });
    items.push(...result.items);
    if (page * result.pageSize >= result.total) break;
  }
  return items.slice(0, limit);
}
