import type { NextRequest } from "next/server";
import { siteUrl } from "@/server/env";
import { cachedRatings, cachedSearch } from "@/server/public-cache";
import { parsePublicSearch, searchQuery } from "@/app/(public)/fact-checks/search-params";
import { jsonError, jsonResponse, listItemJson, preflight } from "./public-json";

/** GET /api/public/fact-checks?q=&rating=&publisher=&from=&to=&page= : live fact-checks only, newest first. */
export async function GET(request: NextRequest) {
  try {
    const search = parsePublicSearch(Object.fromEntries(request.nextUrl.searchParams));
    const [result, ratings] = await Promise.all([cachedSearch(search), cachedRatings()]);
    const base = siteUrl();
    const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
    return jsonResponse(request, {
      total: result.total,
      page: result.page,
      pageSize: result.pageSize,
      next: result.page < pages ? `${base}/api/public/fact-checks${searchQuery(search, result.page + 1)}` : null,
      items: result.items.map((i) => listItemJson(base, i, ratings)),
    });
  } catch (error) {
    console.error("[factdesk] public API list failed", error);
    return jsonError("The fact-checks could not be loaded. Try again in a moment.", 500);
  }
}

export const OPTIONS = preflight;
