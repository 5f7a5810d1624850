/**
 * deploy/nginx.conf in front of the real app, as an operator would run it:
 * real nginx (Debian's nginx-light), the shipped file with only its three
 * EDIT values filled in, the app with TRUST_PROXY=1 and SITE_URL set to
 * nginx's address. Public answers come from nginx's cache (MISS, then HIT
 * with the very same bytes), a publish reaches readers through the cache
 * within s-maxage, and nothing a signed-in person sees is ever stored.
 *
 * The app's s-maxage is a minute or more; between nginx and the app sits a
 * pass-through server (testing/nginx.ts capSharedMaxAge) that shortens it to
 * SHARED_MAX_AGE seconds, so the refresh is seen without waiting a minute.
 *
 * Each run has its own app (a fresh SQLite database) and nginx on ports
 * 3900–3929. nginx's rules do not depend on the database: sqlite project only.
 */
import { expect, test } from "@playwright/test";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { HttpClient } from "../../testing/http-client";
import { capSharedMaxAge, freePort, nginxMissing, siteConfig, startNginx, type RunningNginx } from "../../testing/nginx";
import { addClaim, approve, importArticle, proposeVerdict, publish, ratingIds, signIn, token } from "../../testing/seed-http";
import { AppServer, freshDatabase, seed, type TestDatabase } from "../durability/server";
import { ACCOUNTS } from "../fixtures/accounts";

const SHARED_MAX_AGE = 3;
const SENTENCE = "Kratom contains alkaloids that act on opioid receptors.";
const CITATION = { url: "https://nida.nih.gov/research-topics/kratom", title: "Kratom", publisher: "National Institute on Drug Abuse", stance: "supports" as const };

test.describe.configure({ mode: "serial", timeout: 120_000 });

type Setup = { app: AppServer; nginx: RunningNginx; database: TestDatabase; dir: string; reviewer: HttpClient; editor: HttpClient };
let setup: Setup | undefined;

/** An approved one-claim article, published unless `draft`; its id, slug (once published) and headline rating. */
async function factCheck(title: string, { draft = false } = {}): Promise<{ articleId: string; slug: string | null; rating: string }> {
  const { reviewer, editor } = setup!;
  const articleId = await importArticle(reviewer, title, [SENTENCE]);
  const rating = (await ratingIds(reviewer, articleId)).get("Accurate")!;
  const claim = await addClaim(reviewer, articleId, SENTENCE, `${title}: the claim`);
  await approve(editor, (await proposeVerdict(reviewer, claim, rating, "The agency says so.", [CITATION])).verdictId);
  const slug = draft ? null : (await publish(editor, articleId, `${title} holds up.`, rating)).slug;
  return { articleId, slug, rating };
}

type Answer = { status: number; cache: string | null; cacheControl: string; body: string };

async function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(`${setup!.nginx.base}${url}`, { headers, redirect: "manual" });
  return { status: response.status, cache: response.headers.get("x-cache-status"), cacheControl: response.headers.get("cache-control") ?? "", body: await response.text() };
}

test.beforeAll(async ({}, testInfo) => {
  test.skip(testInfo.project.name !== "sqlite", "nginx's rules do not depend on the database: one dialect is enough");
  const missing = nginxMissing();
  if (missing && process.env.CI === "true") throw new Error(`CI must test the nginx config: ${missing}`);
  test.skip(missing !== null, `nginx is not installed: ${missing}`);

  const [appPort, innerPort, nginxPort] = [await freePort(3900, 3909), await freePort(3910, 3919), await freePort(3920, 3929)];
  const dir = fs.mkdtempSync(path.join(process.env.E2E_RUN_DIR ?? os.tmpdir(), "nginx-"));
  const database = await freshDatabase(testInfo.project.name);
  seed(database.url);
  const site = `http://127.0.0.1:${nginxPort}`;
  // As deploy/README.md says: nginx is the one proxy in front, and people use its address.
  const app = new AppServer(appPort, database.url, { SITE_URL: site, TRUST_PROXY: "1" });
  let nginx: RunningNginx | undefined;
  try {
    await app.start();
    nginx = await startNginx(
      dir,
      [
        siteConfig({ listen: `127.0.0.1:${nginxPort}`, upstreams: [`127.0.0.1:${innerPort}`], cacheDir: path.join(dir, "cache") }),
        capSharedMaxAge({ listen: `127.0.0.1:${innerPort}`, app: `127.0.0.1:${appPort}`, seconds: SHARED_MAX_AGE }),
      ],
      nginxPort,
    );
    // Signed in through nginx, as people are.
    const [reviewer, editor] = await Promise.all([signIn(site, ACCOUNTS.reviewer), signIn(site, ACCOUNTS.editor)]);
    setup = { app, nginx, database, dir, reviewer, editor };
  } catch (error) {
    await nginx?.stop();
    await app.stop();
    await database.drop();
    throw error;
  }
});

test.afterAll(async () => {
  if (!setup) return;
  await setup.nginx.stop();
  await setup.app.stop();
  await setup.database.drop();
  fs.rmSync(setup.dir, { recursive: true, force: true });
});

test("public answers come from nginx's cache: MISS, then HIT with the same bytes, the app not asked again", async () => {
  const { slug } = await factCheck(`Cached ${token("")}`);
  for (const url of [`/fact-checks/${slug}`, "/fact-checks", "/about", `/api/public/fact-checks/${slug}`, "/api/public/fact-checks", "/fact-checks/feed.xml", "/robots.txt"]) {
    const first = await get(url);
    expect(first.status, url).toBe(200);
    expect(first.cacheControl, url).toMatch(/^public, .*s-maxage=/);
    // Links in the page name the site's public address (nginx's), never the port the app listens on behind it.
    if (url === `/fact-checks/${slug}`) expect(first.body).toMatch(new RegExp(`<meta property="og:image" content="${setup!.nginx.base}/fact-checks/${slug}/opengraph-image`));
    const second = await get(url);
    expect([first.cache, second.cache], url).toEqual(["MISS", "HIT"]);
    expect(second.body, url).toBe(first.body);
    // A conditional request is answered by nginx from its copy.
    const etag = (await fetch(`${setup!.nginx.base}${url}`)).headers.get("etag");
    if (etag) expect((await get(url, { "if-none-match": etag })).status, url).toBe(304);
  }
});

test("a publish reaches readers through the cache within s-maxage", async () => {
  const title = `Fresh ${token("")}`;
  const { articleId, rating } = await factCheck(title, { draft: true });
  for (const url of ["/api/public/fact-checks", "/fact-checks"]) await get(url);
  const before = await get("/api/public/fact-checks");
  expect(before.cache).toBe("HIT");
  expect(before.body).not.toContain(title);

  const { slug } = await publish(setup!.editor, articleId, `${title} holds up.`, rating);
  const published = Date.now();
  const seen: string[] = [];
  // Until it expires nginx answers from its copy; the first reader after that gets the stale copy while
  // one request refreshes it; then the new list. Slack for nginx's whole-second clock and a busy machine.
  await expect
    .poll(
      async () => {
        const answer = await get("/api/public/fact-checks");
        seen.push(`${answer.cache} after ${Date.now() - published} ms`);
        if (!answer.body.includes(slug)) expect(["HIT", "STALE", "UPDATING"], seen.join(", ")).toContain(answer.cache);
        return answer.body.includes(slug);
      },
      { timeout: (SHARED_MAX_AGE + 4) * 1000, intervals: [250] },
    )
    .toBe(true);
  test.info().annotations.push({ type: "refresh", description: seen.join(", ") });

  // The index page, an HTML page kept by nginx like the API, follows within the same bound.
  await expect.poll(async () => (await get("/fact-checks")).body.includes(title), { timeout: (SHARED_MAX_AGE + 4) * 1000, intervals: [250] }).toBe(true);
});

test("nothing a signed-in person sees is stored or served from the cache", async () => {
  const { slug } = await factCheck(`Signed in ${token("")}`);
  const { editor } = setup!;
  // What only a signed-in page shows (the desk header); public pages name editors in bylines, so not the name.
  const signedIn = "Sign out";
  for (const url of ["/articles", "/approvals", `/fact-checks/${slug}`, "/fact-checks", `/api/public/fact-checks/${slug}`]) {
    for (let i = 0; i < 2; i++) {
      const response = await editor.fetch(url);
      const body = await response.text();
      expect(response.status, url).toBe(200);
      expect(response.headers.get("x-cache-status") ?? "", `${url} signed in, request ${i + 1}`).not.toMatch(/HIT|STALE|UPDATING|REVALIDATED/);
      if (!url.startsWith("/fact-checks") && !url.startsWith("/api/public")) {
        expect(body.includes(signedIn), `${url} shows "${signedIn}"`).toBe(true);
        expect(response.headers.get("x-cache-status"), `${url}: the desk is never even looked up`).toBeNull();
      }
    }
  }
  // Anonymous readers afterwards: the desk sends them to sign in, and no page is the signed-in one.
  for (const url of ["/articles", "/approvals"]) {
    const answer = await get(url);
    expect(answer.status, url).toBe(307);
    expect(answer.body.includes(signedIn), url).toBe(false);
  }
  for (const url of [`/fact-checks/${slug}`, "/fact-checks"]) {
    for (let i = 0; i < 2; i++) expect((await get(url)).body.includes(signedIn), url).toBe(false);
  }
});
