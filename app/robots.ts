import type { MetadataRoute } from "next";
import { siteUrl } from "@/server/env";

export const dynamic = "force-dynamic";

/** Crawlers may read the public site, never the desk, sign-in or embeds (the embed duplicates claim pages). */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: "*", allow: ["/fact-checks", "/methodology", "/corrections-policy", "/about", "/api/public/"], disallow: ["/articles", "/approvals", "/admin", "/login", "/setup", "/embed/", "/api/auth/"] }],
    sitemap: `${siteUrl()}/sitemap.xml`,
  };
}
