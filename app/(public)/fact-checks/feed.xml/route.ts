import { Feed } from "feed";
import { connection, type NextRequest } from "next/server";
import { siteUrl } from "@/server/env";
import { CACHE_POLICIES, cacheableResponse } from "@/server/http-cache";
import { allPublicFactChecks, cachedLanguage, cachedOrganisationName } from "@/server/public-cache";

const FEED_SIZE = 50;

/** Atom feed of the newest fact-checks; an entry's `updated` moves with each correction, so readers see them. */
export async function GET(request: NextRequest) {
  await connection();
  const base = siteUrl();
  const [items, organisationName, language] = await Promise.all([allPublicFactChecks(FEED_SIZE), cachedOrganisationName(), cachedLanguage()]);
  const feed = new Feed({
    id: `${base}/fact-checks`,
    title: `${organisationName}: fact-checks`,
    description: "Health claims we checked: every claim, its verdict, the evidence and any corrections.",
    link: `${base}/fact-checks`,
    language,
    copyright: `© ${organisationName}`,
    updated: items.reduce<Date>((latest, i) => (i.updatedAt > latest ? i.updatedAt : latest), new Date(0)),
    feedLinks: { atom: `${base}/fact-checks/feed.xml` },
    author: { name: organisationName, link: base },
  });
  for (const item of items) {
    const link = `${base}/fact-checks/${item.slug}`;
    feed.addItem({ id: link, link, title: item.title, description: item.summary, date: item.updatedAt, published: item.publishedAt });
  }
  return cacheableResponse(request, feed.atom1(), { contentType: "application/atom+xml; charset=utf-8", policy: CACHE_POLICIES.feed });
}
