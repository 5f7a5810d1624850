/**
 * The rendered-page cache in proxy.ts: anonymous readers of a public page get
 * the same bytes, a plain document without Next's runtime; signed-in users, client
 * router fetches and error pages never come from it; its fill header cannot
 * be used from outside.
 */
import type { APIResponse } from "@playwright/test";
import { expect, test } from "../fixtures/test";

async function factCheckPath(request: { get(url: string): Promise<APIResponse> }): Promise<string> {
  const list = (await (await request.get("/api/public/fact-checks")).json()) as { items: { slug: string }[] };
  return `/fact-checks/${list.items[0]!.slug}`;
}

test("two anonymous readers get the same bytes, the second from the cache: a plain document with no nonce", async ({ request }) => {
  const path = await factCheckPath(request);
  // A spec publishing alongside empties the cache between the two reads now and then: read the pair again (up to 3 times).
  let first = await request.get(path);
  let second = await request.get(path);
  for (let attempt = 1; attempt < 3 && second.headers()["x-page-cache"] !== "hit"; attempt++) {
    first = await request.get(path);
    second = await request.get(path);
  }
  expect(first.status()).toBe(200);
  expect(second.status()).toBe(200);
  expect(second.headers()["x-page-cache"]).toBe("hit");
  const [bodyA, bodyB] = [await first.text(), await second.text()];
  expect(bodyB).toBe(bodyA);
  expect(second.headers()["etag"]).toBe(first.headers()["etag"]);
  expect(second.headers()["content-security-policy"]).toBe(first.headers()["content-security-policy"]);
  expect(second.headers()["content-security-policy"]).not.toContain("nonce");
  // The only code left is the app's own static script; Next's runtime and its inline payload are gone.
  const scripts = (bodyB.match(/<script\b[^>]*>/g) ?? []).filter((tag) => !/type="application\/(ld\+)?json"/.test(tag));
  expect(scripts).toEqual(['<script src="/scripts/claim-navigation.js" async="">']);
  expect(bodyB).not.toContain("__next_f");
  expect(bodyB).not.toContain("nonce");
  // Crawlers get the same page (metadata is never streamed), from the same entry.
  const crawler = await request.get(path, { headers: { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" } });
  if (crawler.headers()["x-page-cache"] === "hit") expect(await crawler.text()).toBe(bodyB);
  expect(await crawler.text()).toContain('<link rel="canonical"');
});

test("a signed-in reader's request is never answered from the cache", async ({ reviewer, request }) => {
  const path = await factCheckPath(request);
  await request.get(path); // an anonymous copy is in the cache now
  const signedIn = await reviewer.request.get(path);
  expect(signedIn.status()).toBe(200);
  expect(signedIn.headers()["x-page-cache"]).toBe("bypass");
  // Rendered for this reader, with Next's runtime and a nonce: no cache anywhere may keep it.
  expect(signedIn.headers()["cache-control"]).toMatch(/private.*no-store/);
  expect(signedIn.headers()["content-security-policy"]).toContain("'nonce-");
  // And the desk, which only signed-in users see, never either.
  const desk = await reviewer.request.get("/articles");
  expect(desk.headers()["x-page-cache"]).toBe("bypass");
});

test("client-router requests (RSC payloads, as a signed-in editor's desk links send) go past the cache", async ({ request }) => {
  await request.get("/methodology"); // a plain copy is in the cache now
  const payload = await request.get("/methodology?_rsc=x1", { headers: { rsc: "1" } });
  expect(payload.headers()["content-type"]).toContain("text/x-component");
  expect(payload.headers()["x-page-cache"]).toBe("bypass");
  expect(payload.headers()["cache-control"]).toContain("no-store");
});

test("error pages are not cached, and the fill header does nothing from outside", async ({ request }) => {
  const path = await factCheckPath(request);
  for (let i = 0; i < 2; i++) {
    const missing = await request.get("/fact-checks/no-such-fact-check-here");
    expect(missing.status()).toBe(404);
    expect(missing.headers()["x-page-cache"]).toBe("bypass");
  }

  // A guessed secret is treated as any reader: the answer still goes through the cache (an internal render would not be marked).
  // "stale" too: other specs publish meanwhile, and a cached page is then served once more while it refreshes.
  const forged = await request.get(path, { headers: { "x-factdesk-page-render": "0".repeat(64) } });
  expect(["hit", "miss", "stale"]).toContain(forged.headers()["x-page-cache"]);
});
