/**
 * The rendered-page cache in proxy.ts: anonymous readers of a public page get
 * the same content with a fresh nonce each time; signed-in users, client
 * router fetches and error pages never come from it; its fill header cannot
 * be used from outside.
 */
import type { APIResponse } from "@playwright/test";
import { waitForHydration } from "../fixtures/hydration";
import { expect, test } from "../fixtures/test";

async function factCheckPath(request: { get(url: string): Promise<APIResponse> }): Promise<string> {
  const list = (await (await request.get("/api/public/fact-checks")).json()) as { items: { slug: string }[] };
  return `/fact-checks/${list.items[0]!.slug}`;
}

function nonceOf(response: APIResponse): string {
  return /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")![1]!;
}

test("two anonymous readers get the same page with different nonces, the second from the cache", async ({ request }) => {
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
  const [a, b] = [nonceOf(first), nonceOf(second)];
  expect(a).not.toBe(b);
  const [bodyA, bodyB] = [await first.text(), await second.text()];
  expect(bodyB).not.toContain(a);
  // Every script carries this response's nonce, and apart from the nonce the pages are identical.
  const scripts = (bodyB.match(/<script\b[^>]*>/g) ?? []).filter((tag) => !/type="application\/(ld\+)?json"/.test(tag));
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${b}"`);
  expect(bodyB.split(b).join("NONCE")).toBe(bodyA.split(a).join("NONCE"));
});

test("a signed-in reader's request is never answered from the cache", async ({ reviewer, request }) => {
  const path = await factCheckPath(request);
  await request.get(path); // an anonymous copy is in the cache now
  const signedIn = await reviewer.request.get(path);
  expect(signedIn.status()).toBe(200);
  expect(signedIn.headers()["x-page-cache"]).toBe("bypass");
  // And the desk, which only signed-in users see, never either.
  const desk = await reviewer.request.get("/articles");
  expect(desk.headers()["x-page-cache"]).toBe("bypass");
});

test("client-router navigations fetch their RSC payload past the cache", async ({ anonymous, request }) => {
  const path = await factCheckPath(request);
  await anonymous.goto(path);
  await waitForHydration(anonymous.getByRole("link", { name: "Methodology" }).first());
  const payload = anonymous.waitForResponse((r) => r.request().headers()["rsc"] === "1" && new URL(r.url()).pathname === "/methodology");
  await anonymous.getByRole("link", { name: "Methodology" }).first().click();
  const response = await payload;
  expect(response.headers()["content-type"]).toContain("text/x-component");
  expect(response.headers()["x-page-cache"]).toBe("bypass");
  await expect(anonymous).toHaveURL(/\/methodology$/);
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
