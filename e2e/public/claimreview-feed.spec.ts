/**
 * The ClaimReview DataFeed says exactly what the fact-check pages say: for every fact-check page in the feed,
 * its ClaimReviews are the ones the page carries, and each passes the structured-data tool's Google preset and
 * our stricter checks. Pages follow each other through the Link header; each answers with an ETag and a 304.
 */
import type { APIResponse } from "@playwright/test";
import { expect, test } from "../fixtures/test";
import { serializeJsonLd } from "../../lib/claimreview";
import { validateClaimReviews } from "../fixtures/public-checks";

type Feed = { "@type": string; url: string; inLanguage: string; dateModified?: string; dataFeedElement: { "@type": string; url: string; dateCreated: string; item: Record<string, unknown>[] }[] };

const ldOf = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>).filter((o) => o["@type"] === "ClaimReview");

test("the ClaimReview feed carries every published claim review exactly as its page does", async ({ request, baseURL }) => {
  const elements: { element: Feed["dataFeedElement"][number]; from: string }[] = [];
  let next: string | null = "/api/public/claimreview-feed.json";
  while (next) {
    const response: APIResponse = await request.get(next);
    expect(response.status(), next).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/ld+json");
    expect(response.headers()["cache-control"]).toContain("public");
    const etag = response.headers()["etag"]!;
    expect((await request.get(next, { headers: { "If-None-Match": etag } })).status()).toBe(304);
    const feed = (await response.json()) as Feed;
    expect(feed["@type"]).toBe("DataFeed");
    expect(feed.inLanguage).toMatch(/^[a-z]{2,3}(-|$)/);
    elements.push(...feed.dataFeedElement.map((element) => ({ element, from: next! })));
    next = /<([^>]+)>;\s*rel="next"/.exec(response.headers()["link"] ?? "")?.[1] ?? null;
  }
  expect(elements.length).toBeGreaterThan(0);

  for (const { element, from } of elements) {
    expect(element["@type"]).toBe("DataFeedItem");
    const html = await (await request.get(element.url)).text();
    if (JSON.stringify(element.item) !== JSON.stringify(ldOf(html))) {
      // Another spec may have corrected this fact-check between the two reads: both are read again, together.
      await expect(async () => {
        const feed = (await (await request.get(from)).json()) as Feed;
        const now = feed.dataFeedElement.find((e) => e.url === element.url);
        expect(now?.item ?? [], element.url).toEqual(ldOf(await (await request.get(element.url)).text()));
      }).toPass({ timeout: 20_000 });
      continue;
    }
    const wrapped = `<!doctype html><html><head>${element.item.map((r) => `<script type="application/ld+json">${serializeJsonLd(r)}</script>`).join("")}</head><body></body></html>`;
    await validateClaimReviews(wrapped, baseURL!, `feed item ${element.url}`);
    for (const review of element.item) expect(review["inLanguage"]).toBeTruthy();
  }

  // A page past the end is a 404 that no cache keeps; a page number that is not one is a 400.
  const past = await request.get("/api/public/claimreview-feed.json?page=99999");
  expect(past.status()).toBe(404);
  expect(past.headers()["cache-control"]).toBe("no-store");
  expect((await request.get("/api/public/claimreview-feed.json?page=zero")).status()).toBe(400);
});
