import "server-only";
import { createHash } from "node:crypto";
import { unstable_cache, updateTag } from "next/cache";
import { defaultDatabaseUrl } from "@/db/client";
import { bumpPublicDataGeneration } from "@/server/page-cache/generation";
import { getOrganisationPage } from "@/db/queries/organisation-pages";
import { getPublicFactCheck } from "@/db/queries/public-fact-checks";
import { listPublicPublishers, searchPublicFactChecks, type PublicSearch } from "@/db/queries/public-search";
import { getPublicSlugForClaim, listPublicVerdictSummaries } from "@/db/queries/public-fact-checks";
import { listRatings } from "@/db/queries/ratings";
import { getSetting } from "@/db/queries/settings";
import type { OrganisationPageSlug } from "@/lib/organisation-pages";

/**
 * What anonymous readers see, cached in Next's data cache so public pages,
 * feeds and the JSON API do not query the database per request. Every action
 * that changes public data (publish, unpublish, an approved correction, an
 * organisation page, the rating scale) declares it (`invalidates` in
 * server/action.ts), and the wrapper calls `invalidatePublicData()`; the time
 * limit is only a backstop for changes made outside the app (scripts, a
 * restored backup).
 */
export const PUBLIC_TAG = "public-data";
const BACKSTOP_SECONDS = 600;

// Several servers can share one build directory (and so one data cache) while
// pointing at different databases (the e2e run does): the key names the database.
const databaseKey = createHash("sha256").update(defaultDatabaseUrl()).digest("hex").slice(0, 16);

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The data cache stores JSON. Values go in as a string we serialize ourselves
 * and come back with instants turned into Dates again, so callers get the
 * same shape on a hit as on a miss.
 */
function cached<A extends unknown[], R>(name: string, load: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  const inner = unstable_cache(async (...args: A) => JSON.stringify(await load(...args)), [databaseKey, name], {
    tags: [PUBLIC_TAG],
    revalidate: BACKSTOP_SECONDS,
  });
  return async (...args: A) => JSON.parse(await inner(...args), (_key, value) => (typeof value === "string" && ISO_INSTANT.test(value) ? new Date(value) : value)) as R;
}

export const cachedFactCheck = cached("fact-check", (slug: string) => getPublicFactCheck({ slug }));
export const cachedSearch = cached("search", (search: PublicSearch) => searchPublicFactChecks(search));
export const cachedPublishers = cached("publishers", () => listPublicPublishers());
export const cachedRatings = cached("ratings", () => listRatings());
export const cachedOrganisationName = cached("organisation-name", () => getSetting("organisationName"));
export const cachedOrganisationPage = cached("organisation-page", (slug: OrganisationPageSlug) => getOrganisationPage({ slug }));
export const cachedSlugForClaim = cached("claim-slug", (claimId: string) => getPublicSlugForClaim({ claimId }));
export const cachedVerdictSummaries = cached("verdict-summaries", async (slugs: string[]) => [...(await listPublicVerdictSummaries({ slugs })).entries()]);

/** For server actions: the next public read sees the change (read-your-writes), not a stale copy. */
export function invalidatePublicData(): void {
  updateTag(PUBLIC_TAG);
  // Rendered pages kept by proxy.ts (server/page-cache) go too; other instances keep theirs until their few seconds are up.
  bumpPublicDataGeneration();
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
