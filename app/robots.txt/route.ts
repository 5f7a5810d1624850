import { connection, type NextRequest } from "next/server";
import { siteUrl } from "@/server/env";
import { CACHE_POLICIES, cacheableResponse } from "@/server/http-cache";

/** Crawlers may read the public site, never the desk, sign-in or embeds (the embed duplicates claim pages). */
const ALLOW = ["/fact-checks", "/methodology", "/corrections-policy", "/about", "/api/public/"];
const DISALLOW = ["/articles", "/approvals", "/admin", "/login", "/setup", "/embed/", "/api/auth/"];

/** GET /robots.txt: a route handler rather than app/robots.ts, which cannot set the caching headers. */
export async function GET(request: NextRequest) {
  await connection();
  const lines = ["User-Agent: *", ...ALLOW.map((path) => `Allow: ${path}`), ...DISALLOW.map((path) => `Disallow: ${path}`), "", `Sitemap: ${siteUrl()}/sitemap.xml`, ""];
  return cacheableResponse(request, lines.join("\n"), { contentType: "text/plain; charset=utf-8", policy: CACHE_POLICIES.robots });
}
