import { connection, type NextRequest } from "next/server";
import { CACHE_POLICIES, cacheableResponse } from "@/server/http-cache";
import { sitemapFile } from "@/server/sitemap";

/** GET /sitemaps/pages-<n>.xml and /sitemaps/claims-<n>.xml: one sitemap file of the index (server/sitemap.ts). */
export async function GET(request: NextRequest, { params }: { params: Promise<{ file: string }> }) {
  await connection();
  const xml = await sitemapFile((await params).file);
  if (xml === null) return new Response("No such sitemap file.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  return cacheableResponse(request, xml, { contentType: "application/xml; charset=utf-8", policy: CACHE_POLICIES.sitemap });
}
