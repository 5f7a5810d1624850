/**
 * The public surface on the demo data (seeded into every e2e server) and on
 * whatever earlier specs published: ClaimReview validity on every fact-check
 * and claim permalink, search and filters, feed, sitemap, robots, JSON API,
 * Open Graph card, the embeddable claim card (the only framable route) and
 * the data cache behind it all.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "../fixtures/test";
import { expectNoSeriousAxeViolations, readSitemap, validateClaimReviews } from "../fixtures/public-checks";

const DEMO_TITLE = "Managing Hair Loss During Opioid Withdrawal with Kratom";

type ListItem = { slug: string; url: string; title: string; headlineVerdict: { label: string } | null };

test("every published fact-check and claim permalink carries valid ClaimReview markup", async ({ request, baseURL }, testInfo) => {
  const items: ListItem[] = [];
  for (let next: string | null = "/api/public/fact-checks"; next; ) {
    const page = (await (await request.get(next)).json()) as { items: ListItem[]; next: string | null };
    items.push(...page.items);
    next = page.next;
  }
  expect(items.map((i) => i.title)).toContain(DEMO_TITLE);
  const warnings: string[] = [];
  let permalinks = 0;
  for (const item of items) {
    const html = await (await request.get(`/fact-checks/${item.slug}`)).text();
    const summary = await validateClaimReviews(html, baseURL!, item.slug);
    expect(summary.reviews.length, `${item.slug} has a ClaimReview per claim`).toBeGreaterThan(0);
    warnings.push(...summary.warnings);
    for (const review of summary.reviews) {
      const url = String(review["url"]);
      const permalink = await request.get(url);
      expect(permalink.status(), url).toBe(200);
      const own = await validateClaimReviews(await permalink.text(), baseURL!, url);
      expect(own.reviews, `${url} has exactly one ClaimReview`).toHaveLength(1);
      expect(own.reviews[0]!["url"]).toBe(url);
      permalinks++;
    }
  }
  const claimreviewNote = `${items.length} fact-checks, ${permalinks} permalinks valid; warnings: ${warnings.join(" | ") || "none"}`;
  testInfo.annotations.push({ type: "claimreview", description: claimreviewNote });
  console.log(`[claimreview] ${claimreviewNote}`);
});

test("readers search and filter the index", async ({ anonymous }) => {
  await anonymous.goto("/fact-checks");
  await anonymous.getByRole("searchbox", { name: "Search" }).fill("hair loss");
  await anonymous.getByRole("button", { name: "Search" }).click();
  await expect(anonymous).toHaveURL(/q=hair\+loss/);
  await expect(anonymous.getByRole("link", { name: DEMO_TITLE })).toBeVisible();

  // Claim text is searched too (a word that is only in a claim's restatement).
  await anonymous.goto("/fact-checks?q=heart+rate");
  await expect(anonymous.getByRole("link", { name: DEMO_TITLE })).toBeVisible();

  await anonymous.goto("/fact-checks");
  await anonymous.getByLabel("Verdict").selectOption({ label: "Unsupported" });
  await anonymous.getByRole("button", { name: "Search" }).click();
  await expect(anonymous).toHaveURL(/rating=/);
  await expect(anonymous.getByRole("link", { name: DEMO_TITLE })).toBeVisible();
  await anonymous.goto("/fact-checks?publisher=No+such+publisher");
  await expect(anonymous.getByRole("heading", { name: "No fact-checks match your search" })).toBeVisible();

  await anonymous.goto("/fact-checks?q=no-such-words-anywhere");
  await expect(anonymous.getByRole("heading", { name: "No fact-checks match your search" })).toBeVisible();
  await anonymous.goto("/fact-checks?to=2000-01-01");
  await expect(anonymous.getByRole("heading", { name: "No fact-checks match your search" })).toBeVisible();
  // Malformed parameters are ignored, not errors.
  expect((await anonymous.goto("/fact-checks?page=abc&from=yesterday"))!.status()).toBe(200);
});

test("feed, sitemap, robots and the JSON API serve published data only, with open CORS", async ({ request, baseURL }) => {
  const list = await request.get("/api/public/fact-checks?q=hair");
  expect(list.headers()["access-control-allow-origin"]).toBe("*");
  const { items } = (await list.json()) as { items: ListItem[] };
  const demo = items.find((i) => i.title === DEMO_TITLE)!;
  expect(demo.headlineVerdict?.label).toBe("Unsupported");

  const detail = await request.get(`/api/public/fact-checks/${demo.slug}`);
  expect(detail.headers()["access-control-allow-origin"]).toBe("*");
  const body = (await detail.json()) as { claims: { id: string; citations: unknown[] }[] };
  expect(body.claims).toHaveLength(5);
  expect(JSON.stringify(body)).not.toMatch(/authorId|editorId|createdBy|passwordHash|@factdesk\.test/);
  expect((await request.get("/api/public/fact-checks/no-such-slug")).status()).toBe(404);
  expect((await request.fetch("/api/public/fact-checks", { method: "OPTIONS" })).status()).toBe(204);
  // Drafts in the demo (awaiting approval, in review) are in no public output.
  const drafts = ["Exploring the Impact on Insomnia", "Understanding Kratom for Chronic Pain Relief"];

  const feed = await request.get("/fact-checks/feed.xml");
  expect(feed.headers()["content-type"]).toContain("application/atom+xml");
  const feedText = await feed.text();
  expect(feedText).toContain(`<link href="${baseURL}/fact-checks/${demo.slug}"/>`);
  // The sitemap is an index of files (e2e/public/http-caching.spec.ts checks the split): these URLs are in one of them.
  const sitemap = await readSitemap(request);
  expect(sitemap.locs).toContain(`${baseURL}/fact-checks/${demo.slug}`);
  expect(sitemap.locs).toContain(`${baseURL}/fact-checks/${demo.slug}/claims/${body.claims[0]!.id}`);
  expect(sitemap.locs).toContain(`${baseURL}/methodology`);
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  expect(robots).toContain("Disallow: /articles");
  for (const text of [feedText, sitemap.text, JSON.stringify(items)]) for (const d of drafts) expect(text).not.toContain(d);
});

test("the Open Graph verdict card is a PNG rendered without network access", async ({ anonymous, request }) => {
  await anonymous.goto("/fact-checks?q=hair");
  await anonymous.getByRole("link", { name: DEMO_TITLE }).click();
  const og = await anonymous.locator('meta[property="og:image"]').getAttribute("content");
  expect(og).toMatch(/\/opengraph-image/);
  const image = await request.get(og!);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
  expect((await image.body()).length).toBeGreaterThan(5_000);
});

test("only the embed card may be framed by another site", async ({ anonymous, request, baseURL }) => {
  const { claims } = (await (await request.get(`/api/public/fact-checks/${(await (await request.get("/api/public/fact-checks?q=hair")).json()).items[0].slug}`)).json()) as { claims: { id: string; statement: string }[] };
  const embedPath = `/embed/claims/${claims[0]!.id}`;
  const embed = await request.get(embedPath);
  expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors *");
  expect(embed.headers()["x-frame-options"]).toBeUndefined();
  const page = await request.get("/fact-checks");
  expect(page.headers()["x-frame-options"]).toBe("DENY");

  // A real page on another origin framing both, served from loopback by a throwaway HTTP server (a page
  // Playwright fulfils counts as public, and Chromium blocks public pages from framing loopback): the
  // embed renders, the index is blocked.
  const origin = new URL(baseURL!).origin;
  const hostPage = `<!doctype html><title>host</title><iframe id="ok" title="ok" src="${origin}${embedPath}"></iframe><iframe id="no" title="no" src="${origin}/fact-checks"></iframe>`;
  const server = http.createServer((_req, res) => res.writeHead(200, { "Content-Type": "text/html" }).end(hostPage));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    await anonymous.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await expect(anonymous.frameLocator("#ok").getByRole("heading", { level: 1 })).toHaveText(claims[0]!.statement);
    await anonymous.waitForTimeout(500);
    // The index's frame holds Chromium's "is blocked" error page instead of the index.
    const blocked = await (await anonymous.locator("iframe#no").elementHandle())?.contentFrame();
    expect(blocked, "the frame holding the index").toBeTruthy();
    expect(blocked!.url()).toMatch(/^chrome-error:/);
    await expect(blocked!.locator("h1")).toContainText("is blocked");
  } finally {
    server.close();
  }
});

test("public pages have no serious or critical axe violations", async ({ anonymous, request }) => {
  const slug = ((await (await request.get("/api/public/fact-checks?q=hair")).json()) as { items: ListItem[] }).items[0]!.slug;
  const detail = (await (await request.get(`/api/public/fact-checks/${slug}`)).json()) as { claims: { id: string }[] };
  const paths = [
    "/fact-checks",
    "/fact-checks?q=kratom",
    `/fact-checks/${slug}`,
    `/fact-checks/${slug}/claims/${detail.claims[0]!.id}`,
    "/methodology",
    "/corrections-policy",
    "/about",
    `/embed/claims/${detail.claims[0]!.id}`,
  ];
  for (const path of paths) {
    await anonymous.goto(path);
    await expectNoSeriousAxeViolations(anonymous, path);
  }
  await anonymous.setViewportSize({ width: 390, height: 844 });
  await anonymous.goto(`/fact-checks/${slug}`);
  await expectNoSeriousAxeViolations(anonymous, `${slug} at 390 px`);
});
