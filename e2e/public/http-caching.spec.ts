/**
 * The public routes over real HTTP. Public HTML pages, served to anonymous
 * readers as plain documents, are as cacheable as the rest; a signed-in
 * reader's copy never is. The routes that are not HTML (sitemap index and
 * files, robots.txt, feed, JSON API): the sitemap index splits the URLs into
 * files of at most SITEMAP_URLS_PER_FILE (4 here, playwright.config.ts), with
 * every live fact-check and claim permalink in exactly one file and nothing
 * of drafts or fact-checks taken down; each route sends a strong ETag (the
 * hash of its body) and its Cache-Control, answers a matching If-None-Match
 * with 304 and no body, from the page cache and past it; a publish changes
 * the ETags of what lists it.
 */
import { createHash } from "node:crypto";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import type { HttpClient } from "../../testing/http-client";
import { addClaim, approve, importArticle, proposeVerdict, publish, ratingIds, signIn, token, unpublish } from "../../testing/seed-http";
import { ACCOUNTS } from "../fixtures/accounts";
import { readSitemap } from "../fixtures/public-checks";
import { expect, test } from "../fixtures/test";

const PER_FILE = Number(process.env.E2E_SITEMAP_URLS_PER_FILE);
const CITATION = { url: "https://nida.nih.gov/research-topics/kratom", title: "Kratom", publisher: "National Institute on Drug Abuse", stance: "supports" as const };
const SENTENCES = ["Kratom contains alkaloids that act on opioid receptors.", "Kratom use can raise the heart rate."];

const CACHE_CONTROL = {
  api: "public, max-age=0, s-maxage=60, stale-while-revalidate=300",
  feed: "public, max-age=0, s-maxage=300, stale-while-revalidate=3600",
  sitemap: "public, max-age=0, s-maxage=3600, stale-while-revalidate=86400",
  robots: "public, max-age=0, s-maxage=3600, stale-while-revalidate=86400",
  page: "public, max-age=0, s-maxage=60, stale-while-revalidate=300",
};

type Desk = { reviewer: HttpClient; editor: HttpClient };

async function desk(baseURL: string): Promise<Desk> {
  const [reviewer, editor] = await Promise.all([signIn(baseURL, ACCOUNTS.reviewer), signIn(baseURL, ACCOUNTS.editor)]);
  return { reviewer, editor };
}

/** An article with two approved claims; published unless `draft`. Its slug is null while it is a draft. */
async function factCheck({ reviewer, editor }: Desk, title: string, { draft = false } = {}): Promise<{ articleId: string; slug: string | null; claimIds: string[] }> {
  const articleId = await importArticle(reviewer, title, SENTENCES);
  const accurate = (await ratingIds(reviewer, articleId)).get("Accurate")!;
  const claimIds: string[] = [];
  for (const [i, sentence] of SENTENCES.entries()) {
    const claim = await addClaim(reviewer, articleId, sentence, `${title}: claim ${i + 1}`);
    await approve(editor, (await proposeVerdict(reviewer, claim, accurate, "The agency says so.", [CITATION])).verdictId);
    claimIds.push(claim.id);
  }
  const slug = draft ? null : (await publish(editor, articleId, `${title} holds up.`, accurate)).slug;
  return { articleId, slug, claimIds };
}

type Live = { url: string; claims: string[] };

/** Every live fact-check by the JSON API, with its claim permalinks. */
async function liveFactChecks(request: APIRequestContext): Promise<Live[]> {
  const live: Live[] = [];
  for (let next: string | null = "/api/public/fact-checks"; next; ) {
    const page = (await (await request.get(next)).json()) as { items: { url: string; api: string }[]; next: string | null };
    for (const item of page.items) {
      const detail = await request.get(item.api);
      // Taken down between the list and here: the caller reads again.
      if (detail.status() !== 200) return liveFactChecks(request);
      live.push({ url: item.url, claims: ((await detail.json()) as { claims: { url: string }[] }).claims.map((c) => c.url) });
    }
    next = page.next;
  }
  return live;
}

function sha256(body: Buffer): string {
  return `"${createHash("sha256").update(body).digest("base64url")}"`;
}

/** Checks a 200 of a cacheable route: a strong ETag that is the hash of the body, the route's Cache-Control, Vary by encoding only. */
async function expectCacheable(response: APIResponse, cacheControl: string, where: string): Promise<string> {
  expect(response.status(), where).toBe(200);
  const h = response.headers();
  expect(h["etag"], `${where}: a strong ETag`).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
  expect(h["etag"], `${where}: the hash of the body`).toBe(sha256(await response.body()));
  expect(h["cache-control"], where).toBe(cacheControl);
  const vary = (h["vary"] ?? "").toLowerCase().split(/\s*[,\n]\s*/);
  expect(vary, `${where}: Vary`).toContain("accept-encoding");
  for (const name of ["origin", "cookie", "*"]) expect(vary, `${where}: no Vary on ${name}`).not.toContain(name);
  return h["etag"]!;
}

/**
 * GET, then GET again with If-None-Match (as given by `conditional`) until the
 * answer is a 304: a spec publishing meanwhile changes the feed and the lists,
 * and then the second answer is a 200 with a new ETag, which is right too.
 */
async function expectNotModified(request: APIRequestContext, path: string, cacheControl: string, conditional: (etag: string) => string, headers: Record<string, string> = {}): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const etag = await expectCacheable(await request.get(path, { headers }), cacheControl, path);
    const again = await request.get(path, { headers: { ...headers, "If-None-Match": conditional(etag) } });
    if (again.status() === 200) {
      expect((await expectCacheable(again, cacheControl, path)) !== etag, `${path}: a 200 to If-None-Match: ${conditional(etag)} with the same ETag`).toBe(true);
      continue;
    }
    expect(again.status(), `${path} with If-None-Match: ${conditional(etag)}`).toBe(304);
    expect((await again.body()).length, `${path}: a 304 has no body`).toBe(0);
    expect(again.headers()["etag"], path).toBe(etag);
    expect(again.headers()["cache-control"], path).toBe(cacheControl);
    expect((again.headers()["vary"] ?? "").toLowerCase(), path).toContain("accept-encoding");
    expect(again.headers()["content-type"], `${path}: a 304 describes no body`).toBeUndefined();
    return;
  }
  throw new Error(`${path} changed on each of 5 tries`);
}

test("the sitemap index splits every live fact-check and claim permalink into files, each URL in exactly one, drafts and taken-down ones in none", async ({ request, baseURL }) => {
  const seeded = await desk(baseURL!);
  const tag = token("sitemap-");
  const live = await factCheck(seeded, `Sitemap live ${tag}`);
  const draft = await factCheck(seeded, `Sitemap draft ${tag}`, { draft: true });
  const down = await factCheck(seeded, `Sitemap taken down ${tag}`);
  await unpublish(seeded.editor, down.articleId);

  // The sitemap, and the live fact-checks by the API just before and just after it: read again while other specs change them.
  let fromApi = await liveFactChecks(request);
  let sitemap = await readSitemap(request);
  for (let attempt = 0, after = await liveFactChecks(request); JSON.stringify(after) !== JSON.stringify(fromApi); attempt++, after = await liveFactChecks(request)) {
    if (attempt === 5) throw new Error("the live fact-checks changed during each of 5 reads");
    fromApi = after;
    sitemap = await readSitemap(request);
  }

  // Split: at least two files of each series (the demo alone has 5 pages and 5 claims), none over the limit, numbered from 1.
  expect(PER_FILE, "small enough for the demo alone to fill two files").toBeLessThanOrEqual(4);
  for (const series of ["pages", "claims"]) {
    const paths = sitemap.files.map((f) => f.path).filter((p) => p.startsWith(`/sitemaps/${series}-`));
    expect(paths.length, series).toBeGreaterThanOrEqual(2);
    expect(paths).toEqual(paths.map((_, i) => `/sitemaps/${series}-${i + 1}.xml`));
  }
  for (const file of sitemap.files) {
    expect(file.locs.length, file.path).toBeGreaterThan(0);
    expect(file.locs.length, file.path).toBeLessThanOrEqual(PER_FILE);
  }
  const count = (url: string) => sitemap.locs.filter((loc) => loc === url).length;
  expect(new Set(sitemap.locs).size, "no URL in two files").toBe(sitemap.locs.length);

  // Exactly the index, the organisation pages, every live fact-check and every claim its page shows.
  const expected = [`${baseURL}/fact-checks`, `${baseURL}/methodology`, `${baseURL}/corrections-policy`, `${baseURL}/about`, ...fromApi.flatMap((f) => [f.url, ...f.claims])];
  expect([...sitemap.locs].sort()).toEqual([...expected].sort());
  expect(count(`${baseURL}/fact-checks/${live.slug}`)).toBe(1);
  for (const id of live.claimIds) expect(count(`${baseURL}/fact-checks/${live.slug}/claims/${id}`), id).toBe(1);
  for (const id of [...draft.claimIds, ...down.claimIds]) expect(sitemap.text, `claim ${id} of a draft or a fact-check taken down`).not.toContain(id);
  expect(sitemap.text).not.toContain(`/fact-checks/${down.slug}`);

  // Past the last file, and names that are no file: 404.
  const pages = sitemap.files.filter((f) => f.path.startsWith("/sitemaps/pages-")).length;
  for (const path of [`/sitemaps/pages-${pages + 50}.xml`, "/sitemaps/pages-0.xml", "/sitemaps/drafts-1.xml", "/sitemaps/claims-1"]) {
    const missing = await request.get(path);
    expect(missing.status(), path).toBe(404);
    expect(missing.headers()["etag"], path).toBeUndefined();
  }
});

test("each non-HTML public route sends its ETag and Cache-Control, and a repeat with If-None-Match gets 304 without a body", async ({ request }) => {
  const { slug } = ((await (await request.get("/api/public/fact-checks")).json()) as { items: { slug: string }[] }).items[0]!;
  const routes: [string, string][] = [
    ["/sitemap.xml", CACHE_CONTROL.sitemap],
    ["/sitemaps/pages-1.xml", CACHE_CONTROL.sitemap],
    ["/sitemaps/claims-1.xml", CACHE_CONTROL.sitemap],
    ["/robots.txt", CACHE_CONTROL.robots],
    ["/fact-checks/feed.xml", CACHE_CONTROL.feed],
    ["/api/public/fact-checks", CACHE_CONTROL.api],
    ["/api/public/fact-checks?q=kratom", CACHE_CONTROL.api],
    [`/api/public/fact-checks/${slug}`, CACHE_CONTROL.api],
  ];
  for (const [path, cacheControl] of routes) {
    await expectNotModified(request, path, cacheControl, (etag) => etag);
    // Weak comparison: a cache that weakened the tag, a list, and "*" match too.
    await expectNotModified(request, path, cacheControl, (etag) => `W/${etag}`);
    await expectNotModified(request, path, cacheControl, (etag) => `"something-else", ${etag}`);
    await expectNotModified(request, path, cacheControl, () => "*");
    // A tag of other bytes does not.
    const other = await request.get(path, { headers: { "If-None-Match": '"something-else"' } });
    await expectCacheable(other, cacheControl, `${path} with another tag`);
  }

  // The feed and the API come from the page cache for anonymous readers, which answers the 304 itself;
  // with a session cookie they go past it, to the route, which answers the same.
  for (const path of ["/fact-checks/feed.xml", `/api/public/fact-checks/${slug}`]) {
    // A miss when another spec's publish just emptied the page cache: the next read is a hit.
    await expect.poll(async () => (await request.get(path)).headers()["x-page-cache"], { message: `${path} from the page cache` }).toMatch(/^(hit|stale)$/);
    const past = { Cookie: "authjs.session-token=not-a-session" };
    expect((await request.get(path, { headers: past })).headers()["x-page-cache"], path).toBe("bypass");
    await expectNotModified(request, path, path.startsWith("/api") ? CACHE_CONTROL.api : CACHE_CONTROL.feed, (etag) => etag, past);
  }

  // The API's CORS lets a script elsewhere read the ETag and send it back; the 304 keeps the CORS headers.
  const api = await request.get(`/api/public/fact-checks/${slug}`);
  expect(api.headers()["access-control-expose-headers"]).toBe("ETag");
  expect(api.headers()["access-control-allow-headers"]).toContain("If-None-Match");
  const notModified = await request.get(`/api/public/fact-checks/${slug}`, { headers: { "If-None-Match": api.headers()["etag"]! } });
  if (notModified.status() === 304) expect(notModified.headers()["access-control-allow-origin"]).toBe("*");

  // Errors are never cached, and carry no ETag.
  const missing = await request.get("/api/public/fact-checks/no-such-fact-check", { headers: { "If-None-Match": "*" } });
  expect(missing.status()).toBe(404);
  expect(missing.headers()["cache-control"]).toBe("no-store");
  expect(missing.headers()["etag"]).toBeUndefined();
});

test("public HTML pages send anonymous readers a strong ETag and Cache-Control: public, and answer If-None-Match with 304; a signed-in reader's copy stays private", async ({ request, reviewer }) => {
  const { slug } = ((await (await request.get("/api/public/fact-checks")).json()) as { items: { slug: string }[] }).items[0]!;
  const { claims } = (await (await request.get(`/api/public/fact-checks/${slug}`)).json()) as { claims: { id: string }[] };
  const pages = ["/fact-checks", "/fact-checks?q=kratom", `/fact-checks/${slug}`, `/fact-checks/${slug}/claims/${claims[0]!.id}`, `/embed/claims/${claims[0]!.id}`, "/about", "/methodology", "/corrections-policy"];
  for (const path of pages) {
    await expectNotModified(request, path, CACHE_CONTROL.page, (etag) => etag);
    await expectNotModified(request, path, CACHE_CONTROL.page, (etag) => `W/${etag}`);
  }
  for (const path of [`/fact-checks/${slug}`, "/articles"]) {
    const signedIn = await reviewer.request.get(path, { headers: { "If-None-Match": "*" } });
    expect(signedIn.status(), path).toBe(200);
    expect(signedIn.headers()["cache-control"], path).toMatch(/^private, .*no-store/);
    expect(signedIn.headers()["etag"], path).toBeUndefined();
  }
});

test("a publish changes the ETags of the sitemap, the feed and the API list; robots.txt and an unchanged fact-check keep theirs", async ({ request, baseURL }) => {
  const seeded = await desk(baseURL!);
  const tag = token("etag-");
  const first = await factCheck(seeded, `ETag first ${tag}`);
  const paths = ["/sitemap.xml", "/fact-checks/feed.xml", "/api/public/fact-checks", "/robots.txt", `/api/public/fact-checks/${first.slug}`];
  const etag = async (path: string) => (await request.get(path)).headers()["etag"]!;
  const before = new Map<string, string>();
  for (const path of paths) before.set(path, await etag(path));

  const second = await factCheck(seeded, `ETag second ${tag}`);
  for (const path of ["/sitemap.xml", "/fact-checks/feed.xml", "/api/public/fact-checks"]) {
    const now = await request.get(path, { headers: { "If-None-Match": before.get(path)! } });
    expect(now.status(), `${path} after a publish`).toBe(200);
    expect(await expectCacheable(now, path === "/sitemap.xml" ? CACHE_CONTROL.sitemap : path.startsWith("/api") ? CACHE_CONTROL.api : CACHE_CONTROL.feed, path)).not.toBe(before.get(path));
  }
  expect(await (await request.get("/fact-checks/feed.xml")).text()).toContain(`/fact-checks/${second.slug}`);
  // The same bytes, the same tag, in every response: a client's copy of these stays valid.
  expect(await etag("/robots.txt")).toBe(before.get("/robots.txt"));
  expect(await etag(`/api/public/fact-checks/${first.slug}`)).toBe(before.get(`/api/public/fact-checks/${first.slug}`));
  const sitemap = await readSitemap(request);
  expect(sitemap.locs.filter((loc) => loc === `${baseURL}/fact-checks/${second.slug}`)).toHaveLength(1);
});
