/**
 * The reviewer's workspace in a real browser: a 50,000-word article with 492
 * claims (the per-article limit of 500, less the 8 the save measurements
 * add), served by the production build (built first when missing) on its own
 * port and SQLite file, measured in Chromium.
 *
 * - load: navigation start → every one of the 492 claims has a highlight in
 *   the DOM and a frame has been painted (median of 5, after one warm-up);
 * - selection → dialog: the "c" key on a selection → the add-claim dialog painted;
 * - save → highlight: "Save claim" → the new claim's highlight painted
 *   (optimistic; the server round trip happens after).
 *
 * BENCH_PORT (default 3420) picks the port.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../../db/seed/demo-accounts";
import { MAX_CLAIMS_PER_ARTICLE } from "../../lib/limits";
import { openDatabase, useDatabase } from "../../db/client";
import { createArticle } from "../../db/queries/articles";
import { createClaim } from "../../db/queries/claims";
import { ensureDefaultRatings } from "../../db/queries/ratings";
import { seedUsers } from "../../db/seed/users";
import { canonicalText, codePointLength, normalizeBlocks, sliceCodePoints } from "../../lib/anchoring/text";
import { signInContext } from "../../testing/seed-http";
import { percentile, type BenchResult, type BenchSuite } from "../types";
import { longArticle } from "./anchoring";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const ROUNDS = 5;
const CREATES = 8;
/** As many claims as an article may hold, less the ones the create measurements add (MAX_CLAIMS_PER_ARTICLE). */
const CLAIMS = MAX_CLAIMS_PER_ARTICLE - CREATES;

async function prepareDatabase(file: string): Promise<string> {
  const database = await openDatabase(`file:${file}`);
  useDatabase(database);
  try {
    const [reviewer] = await seedUsers(DEMO_ACCOUNTS);
    await ensureDefaultRatings();
    const blocks = normalizeBlocks(longArticle(50_000));
    const article = await createArticle({ title: `Bench: 50,000 words, ${CLAIMS} claims`, blocks, userId: reviewer!.id });
    const text = canonicalText(blocks);
    const length = codePointLength(text);
    for (let i = 0; i < CLAIMS; i++) {
      // Spread evenly, some crossing paragraph ends; 80 code points trimmed to words by the server's own rules.
      let start = Math.floor((i / CLAIMS) * (length - 200));
      while (/\s/.test(sliceCodePoints(text, start, start + 1))) start++;
      const exact = sliceCodePoints(text, start, start + 80).trimEnd();
      await createClaim({ articleId: article.id, versionId: article.currentVersionId!, start, end: start + codePointLength(exact), exact, statement: `Bench claim ${i + 1}`, userId: reviewer!.id });
    }
    return article.id;
  } finally {
    await database.close();
  }
}

async function waitForHealth(url: string, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`The bench server did not answer at ${url}`);
}

/**
 * Installed before any page script: records when all claims have highlights and a frame was painted.
 * A string, not a function: tsx's name-keeping helpers would not exist in the page.
 */
const watchForHighlights = (expected: number) => `(() => {
  const check = () => {
    const ids = new Set(Array.from(document.querySelectorAll("#article-text mark[data-claim-id]"), (m) => m.getAttribute("data-claim-id")));
    if (ids.size >= ${expected}) requestAnimationFrame(() => { window.__allPainted = performance.now(); });
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

/** Selects a few words of a plain (unhighlighted) run and measures "c" → dialog painted, then Save → highlight painted. */
async function measureCreate(page: Page, round: number): Promise<{ dialog: number; highlight: number }> {
  // Page code as strings: tsx's name-keeping helpers would not exist in the page.
  await page.evaluate(`(() => {
    const runs = Array.from(document.querySelectorAll("#article-text [data-start]")).filter((r) => !r.closest("mark") && (r.textContent || "").length > 60);
    const run = runs[(${round} * 37) % runs.length];
    const text = run.firstChild;
    const start = text.data.indexOf(" ") + 1;
    const range = document.createRange();
    range.setStart(text, start);
    range.setEnd(text, text.data.indexOf(" ", start + 25));
    document.getElementById("article-text").focus();
    getSelection().removeAllRanges();
    getSelection().addRange(range);
  })()`);
  await page.waitForTimeout(100); // let selectionchange settle, as a person's pause would
  // Listeners first (awaited), then the input: evaluate and input travel separately, so their order is not guaranteed otherwise.
  await page.evaluate(`(() => {
    window.__t = {};
    document.addEventListener("keydown", () => { window.__t.key = performance.now(); }, { capture: true, once: true });
    document.addEventListener("submit", () => { window.__t.submit = performance.now(); }, { capture: true, once: true });
    // The optimistic highlight may be replaced by the saved one within milliseconds: watch for it as it appears.
    const observer = new MutationObserver(() => {
      if (!window.__t.submit || window.__t.painted) return;
      if (document.querySelector('#article-text mark[data-claim-id^="pending-"]')) {
        window.__t.painted = -1;
        observer.disconnect();
        requestAnimationFrame(() => { window.__t.painted = performance.now(); });
      }
    });
    observer.observe(document.getElementById("article-text"), { childList: true, subtree: true, attributes: true });
  })()`);
  await page.keyboard.press("c");
  const dialogMs = (await page.evaluate(`new Promise((resolve) => {
    const poll = () => (window.__t.key && document.querySelector("dialog[open]") ? requestAnimationFrame(() => resolve(performance.now() - window.__t.key)) : requestAnimationFrame(poll));
    poll();
  })`)) as number;
  await page.getByRole("button", { name: "Save claim" }).click();
  const highlightMs = (await page.evaluate(`new Promise((resolve) => {
    const poll = () => (window.__t.painted > 0 ? resolve(window.__t.painted - window.__t.submit) : requestAnimationFrame(poll));
    poll();
  })`)) as number;
  await page.getByTestId("toast").filter({ hasText: "Claim added" }).waitFor();
  return { dialog: dialogMs, highlight: highlightMs };
}

export const suite: BenchSuite = {
  name: "workspace",
  async run() {
    if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
      // A fresh clone has no production build yet: make one, as `npm run demo` would.
      const { execFileSync } = await import("node:child_process");
      execFileSync(path.join(ROOT, "node_modules", ".bin", "next"), ["build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    }
    const port = Number(process.env.BENCH_PORT ?? 3420);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-bench-"));
    const articleId = await prepareDatabase(path.join(dir, "bench.db"));
    const server = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-H", "127.0.0.1", "-p", String(port)], {
      cwd: ROOT,
      stdio: "ignore",
      env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "bench.db")}`, AUTH_SECRET: "bench-secret-0123456789abcdefghij", PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
    });
    const executablePath = fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
    const browser = await chromium.launch({
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    });
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitForHealth(`${base}/api/health`);
      const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 }, bypassCSP: true });
      await signInContext(context, DEMO_ACCOUNTS.find((a) => a.role === "reviewer")!);
      await context.addInitScript({ content: watchForHighlights(CLAIMS) });
      const page = await context.newPage();
      page.on("crash", () => console.error("[bench] the page crashed"));
      page.on("pageerror", (e) => console.error("[bench] page error:", e.message));
      const loads: number[] = [];
      for (let i = 0; i <= ROUNDS; i++) {
        await page.goto(`/articles/${articleId}`, { waitUntil: "commit" });
        await page
          .waitForFunction("window.__allPainted !== undefined", undefined, { timeout: 60_000 })
          .catch(async (error: unknown) => {
            const seen = await page.locator("#article-text mark[data-claim-id]").count();
            throw new Error(`Only ${seen} of ${CLAIMS} claims highlighted at ${page.url()}`, { cause: error });
          });
        if (i > 0) loads.push((await page.evaluate("window.__allPainted")) as number);
      }
      await page.waitForLoadState("networkidle");
      const dialogs: number[] = [];
      const highlights: number[] = [];
      for (let i = 0; i < CREATES; i++) {
        const { dialog, highlight } = await measureCreate(page, i);
        dialogs.push(dialog);
        highlights.push(highlight);
      }
      const results: BenchResult[] = [
        { suite: "workspace", metric: `load → ${CLAIMS} highlights painted, median`, value: percentile(loads, 50), unit: "ms", goal: 1000, goalKind: "max", detail: { runs: loads } },
        { suite: "workspace", metric: "selection → add-claim dialog, median", value: percentile(dialogs, 50), unit: "ms", goal: 100, goalKind: "max", detail: { runs: dialogs } },
        { suite: "workspace", metric: "save → claim highlighted, median", value: percentile(highlights, 50), unit: "ms", goal: 50, goalKind: "max", detail: { runs: highlights } },
      ];
      return results;
    } finally {
      await browser.close();
      server.kill("SIGTERM");
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
