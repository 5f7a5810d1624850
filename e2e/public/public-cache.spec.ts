/**
 * Anonymous reads come from the data cache, not the database: a change made
 * directly in the database (behind the app's back) stays invisible until an
 * action that changes public data invalidates the cache. Also records how
 * long cached reads take.
 */
import Database from "better-sqlite3";
import path from "node:path";
import postgres from "postgres";
import { expect, test } from "../fixtures/test";
import { waitForHydration } from "../fixtures/hydration";

/** Runs one UPDATE against the database this project's server uses (see playwright.config.ts). */
async function writeBehindTheAppsBack(projectName: string, summary: string, slug: string): Promise<void> {
  if (projectName === "sqlite") {
    const db = new Database(path.join(process.env.E2E_RUN_DIR!, "e2e.db"));
    try {
      db.pragma("busy_timeout = 5000");
      db.prepare("update publications set summary = ? where slug = ?").run(summary, slug);
    } finally {
      db.close();
    }
  } else {
    const sql = postgres(process.env.E2E_PG_URL!, { max: 1, onnotice: () => {} });
    try {
      await sql`update publications set summary = ${summary} where slug = ${slug}`;
    } finally {
      await sql.end({ timeout: 5 });
    }
  }
}

test("public pages and the API are served from the cache until an action invalidates it", async ({ request, pageAs }, testInfo) => {
  const { items } = (await (await request.get("/api/public/fact-checks?q=hair")).json()) as { items: { slug: string; summary: string }[] };
  const { slug, summary } = items[0]!;
  const page = `/fact-checks/${slug}`;
  const api = `/api/public/fact-checks/${slug}`;
  expect(await (await request.get(page)).text()).toContain(summary.slice(0, 40));
  expect((await request.get(api)).status()).toBe(200);

  // Warm, then time cached reads of the summary page.
  const timings: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = Date.now();
    expect((await request.get(page)).status()).toBe(200);
    timings.push(Date.now() - started);
  }
  timings.sort((a, b) => a - b);
  const cacheNote = `20 cached reads of ${page}: median ${timings[10]} ms, max ${timings[19]} ms`;
  testInfo.annotations.push({ type: "cache", description: cacheNote });
  console.log(`[cache] ${cacheNote}`);

  // Served from the cache: no database read, so the direct change does not show. Specs running alongside publish, and a
  // publish empties the caches (then the change shows, rightly): a new value is written and looked for again, up to 3 times.
  let changed = "";
  for (let attempt = 1; attempt <= 3; attempt++) {
    changed = `Changed directly in the database ${Date.now()} (${attempt})`;
    await writeBehindTheAppsBack(testInfo.project.name, changed, slug);
    const shown = { page: await (await request.get(page)).text(), api: JSON.stringify(await (await request.get(api)).json()) };
    if (attempt < 3 && (shown.page.includes(changed) || shown.api.includes(changed))) continue;
    expect(shown.page).not.toContain(changed);
    expect(shown.api).not.toContain(changed);
    break;
  }

  // An admin saves an organisation page: public data is invalidated and the next read goes to the database.
  const admin = await pageAs("admin");
  await admin.goto("/admin/pages");
  const save = admin.getByRole("button", { name: "Save about" });
  await waitForHydration(save);
  await save.click();
  await expect(admin.getByTestId("toast")).toContainText("Saved");
  expect(await (await request.get(page)).text()).toContain(changed);
  expect(JSON.stringify(await (await request.get(api)).json())).toContain(changed);

  await writeBehindTheAppsBack(testInfo.project.name, summary, slug);
});
