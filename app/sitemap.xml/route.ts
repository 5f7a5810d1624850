import { connection, type NextRequest } from "next/server";
import { CACHE_POLICIES, cacheableResponse } from "@/server/http-cache";
import { sitemapIndex } from "@/server/sitemap";

/** GET /sitemap.xml: the sitemap index, pointing at the files under /sitemaps/ (server/sitemap.ts). */
export async function GET(request: NextRequest) {
  await connection();
  return cacheableResponse(request, await sitemapIndex(), { contentType: "application/xml; charset=utf-8", policy: CACHE_POLICIES.sitemap });
}
