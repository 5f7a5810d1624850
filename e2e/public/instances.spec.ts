/**
 * Two app instances on one database: a change published through one reaches
 * readers of the other at once, through the database (Postgres NOTIFY; on
 * SQLite, two processes on one file and the version row), not when cached
 * copies expire: both run with a page cache of 10 minutes here, so only the
 * change signal can explain a fresh page.
 */
import { addClaim, approve, importArticle, proposeVerdict, publish, ratingIds, signIn, token, unpublish } from "../../testing/seed-http";
import { AppServer, durabilityPort, freshDatabase, seed, type TestDatabase } from "../durability/server";
import { ACCOUNTS } from "../fixtures/accounts";
import { expect, test } from "../fixtures/test";

test.describe.configure({ mode: "serial" });

const LONG_CACHE = { PUBLIC_PAGE_CACHE_SECONDS: "600" };
const CITATION = { url: "https://nida.nih.gov/research-topics/kratom", title: "Kratom", stance: "supports" as const };
const SENTENCE = "Kratom acts on opioid receptors in the brain.";

let database: TestDatabase | undefined;
const servers: AppServer[] = [];

test.afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  await database?.drop();
});

/** The page as an anonymous reader gets it, read until the instance's page cache holds it. */
async function cachedRead(base: string, path: string): Promise<string> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const response = await fetch(base + path);
    const body = await response.text();
    if (response.headers.get("x-page-cache") === "hit") return body;
  }
  throw new Error(`${path} never came from the page cache of ${base}`);
}

test("a publish and an unpublish through one instance reach the other's readers at once", async ({}, testInfo) => {
  test.setTimeout(180_000);
  database = await freshDatabase(testInfo.project.name);
  seed(database.url);
  for (const slot of [0, 1]) {
    const server = new AppServer(await durabilityPort(testInfo.project.name, 40 + slot), database.url, LONG_CACHE);
    servers.push(server);
    await server.start();
  }
  const [writer, reader] = servers as [AppServer, AppServer];

  // The reader instance caches the index while nothing is published.
  const before = await cachedRead(reader.base, "/fact-checks");
  const title = `Across instances ${token("x-")}`;
  expect(before).not.toContain(title);

  const [reviewer, editor] = await Promise.all([signIn(writer.base, ACCOUNTS.reviewer), signIn(writer.base, ACCOUNTS.editor)]);
  const articleId = await importArticle(reviewer, title, [SENTENCE]);
  const accurate = (await ratingIds(reviewer, articleId)).get("Accurate")!;
  const claim = await addClaim(reviewer, articleId, SENTENCE, "Kratom acts on opioid receptors.");
  await approve(editor, (await proposeVerdict(reviewer, claim, accurate, "The agency says so.", [CITATION])).verdictId);
  const { slug } = await publish(editor, articleId, `${title} holds up.`, accurate);

  // Well within a second or two, where the reader's own cache would have kept the old index for ten minutes.
  await expect.poll(async () => (await fetch(`${reader.base}/fact-checks`)).text(), { timeout: 5000 }).toContain(title);
  const page = await cachedRead(reader.base, `/fact-checks/${slug}`);
  expect(page).toContain(title);
  const api = await cachedRead(reader.base, `/api/public/fact-checks/${slug}`);
  expect(JSON.parse(api)).toMatchObject({ slug });

  await unpublish(editor, articleId);
  await expect.poll(async () => (await fetch(`${reader.base}/fact-checks/${slug}`)).status, { timeout: 5000 }).toBe(404);
  await expect.poll(async () => (await fetch(`${reader.base}/api/public/fact-checks/${slug}`)).status, { timeout: 5000 }).toBe(404);
  expect(await (await fetch(`${reader.base}/fact-checks`)).text()).not.toContain(title);
});
