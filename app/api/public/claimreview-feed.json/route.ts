import { connection, type NextRequest } from "next/server";
import { z } from "zod";
import { claimReviewFeed } from "@/components/public/claimreview-feed";
import { getPublicFactCheck } from "@/db/queries/public-fact-checks";
import { listSitemapFactChecks } from "@/db/queries/public-sitemap";
import { siteUrl } from "@/server/env";
import { CACHE_POLICIES, cacheableResponse } from "@/server/http-cache";
import { cachedLanguage, cachedOrganisationName } from "@/server/public-cache";
import { CORS_HEADERS, jsonError, preflight } from "../fact-checks/public-json";

/** Fact-check pages per feed page: a page of ~100 fact-checks is a few hundred kB, and 100,000 claims make a few hundred pages. */
const FEED_PAGE_SIZE = 100;

const query = z.object({ page: z.coerce.number().int().min(1).max(1_000_000).default(1) });

/**
 * GET /api/public/claimreview-feed.json[?page=N]: every published ClaimReview as a schema.org DataFeed (the Data
 * Commons fact-check feed's shape), one page of fact-checks at a time in a stable order; the next and previous
 * pages are in the `Link` header (rel="next" / rel="prev"), which feed readers of this kind follow. Cacheable
 * like the other public routes (ETag, s-maxage), and invalidated with them on every publishing change.
 */
export async function GET(request: NextRequest) {
  await connection();
  const parsed = query.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return jsonError("The page must be a whole number from 1.", 400);
  const { page } = parsed.data;
  try {
    const base = siteUrl();
    const here = `${base}/api/public/claimreview-feed.json`;
    const [entries, organisationName, language] = await Promise.all([
      listSitemapFactChecks({ offset: (page - 1) * FEED_PAGE_SIZE, limit: FEED_PAGE_SIZE + 1 }),
      cachedOrganisationName(),
      cachedLanguage(),
    ]);
    if (page > 1 && entries.length === 0) return jsonError("There is no such page of the feed.", 404);
    // Read past the per-fact-check memo (and, by its path, the in-process page cache): a harvester walking 10,000
    // fact-checks would push the pages readers are reading out of both. Shared caches keep the feed (s-maxage).
    const found = await Promise.all(entries.slice(0, FEED_PAGE_SIZE).map((e) => getPublicFactCheck({ slug: e.slug })));
    const factChecks = found.filter((f) => f !== null);
    const url = page === 1 ? here : `${here}?page=${page}`;
    const body = claimReviewFeed({ base, url, organisationName, language, factChecks });
    const links = [entries.length > FEED_PAGE_SIZE ? `<${here}?page=${page + 1}>; rel="next"` : null, page > 1 ? `<${page === 2 ? here : `${here}?page=${page - 1}`}>; rel="prev"` : null].filter(Boolean);
    return cacheableResponse(request, JSON.stringify(body), {
      contentType: "application/ld+json; charset=utf-8",
      policy: CACHE_POLICIES.feed,
      headers: { ...CORS_HEADERS, ...(links.length ? { Link: links.join(", ") } : {}) },
    });
  } catch (error) {
    console.error("[factdesk] ClaimReview feed failed", error);
    return jsonError("The feed could not be loaded. Try again in a moment.", 500);
  }
}

export const OPTIONS = preflight;
