/**
 * `npm test`: everything CI runs, in order, on both database dialects.
 *
 *   1. typecheck   tsc --noEmit
 *   2. lint        `npm run lint`: ESLint (with the layer boundaries) and knip (unused files, exports, dependencies)
 *   3. unit        vitest run (JSON report read for the counts)
 *   4. build       next build (one production build, shared by both e2e servers)
 *   5. e2e         playwright test: project "sqlite" always; project "postgres"
 *                  when a Postgres server answers at PG_TEST_URL
 *                  (default postgres://postgres@127.0.0.1:5432/postgres), in a
 *                  database created for this run and dropped afterwards.
 *                  Unreachable Postgres is a warning, or a failure when
 *                  FACTDESK_REQUIRE_POSTGRES=1 (as .ci/run sets).
 *
 * Every step runs even when an earlier one failed (except e2e, which needs
 * the build). `npm test -- unit e2e` runs only the steps named. The last line is the summary CI reads: `N passed, N failed`,
 * the vitest and Playwright test counts added up, plus one failure for each
 * step that failed without test counts (typecheck, lint, build, a crashed runner,
 * a required Postgres that is missing). Exit code 1 on any failure.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { redactUrl } from "./lib/redact";
import { bin, run } from "./lib/process";

type Step = { name: string; ok: boolean; passed: number; failed: number; note?: string };
const steps: Step[] = [];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-test-"));

const baseEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
delete baseEnv.DEMO_MODE;

function banner(title: string): void {
  console.log(`\n━━ ${title} ${"━".repeat(Math.max(3, 70 - title.length))}`);
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

async function typecheck(): Promise<void> {
  banner("typecheck: tsc --noEmit");
  const code = await run(bin("tsc"), ["--noEmit"], { env: baseEnv });
  steps.push({ name: "typecheck", ok: code === 0, passed: 0, failed: code === 0 ? 0 : 1 });
}

async function lint(): Promise<void> {
  banner("lint: eslint and knip");
  const code = await run("npm", ["run", "--silent", "lint"], { env: baseEnv });
  steps.push({ name: "lint", ok: code === 0, passed: 0, failed: code === 0 ? 0 : 1 });
}

async function unit(pgUrl: string | null): Promise<void> {
  banner("unit: vitest run");
  const report = path.join(tmp, "vitest.json");
  const env = { ...baseEnv, ...(pgUrl ? { PG_TEST_URL: pgUrl } : {}) };
  const code = await run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], { env });
  const json = readJson<{ numPassedTests: number; numFailedTests: number; numTotalTests: number }>(report);
  if (!json) {
    steps.push({ name: "unit", ok: false, passed: 0, failed: 1, note: `vitest exited ${code} without a report` });
    return;
  }
  // A failed file (e.g. a syntax error) has no failed tests but still fails the run: count it once.
  const extra = code !== 0 && json.numFailedTests === 0 ? 1 : 0;
  steps.push({ name: "unit", ok: code === 0, passed: json.numPassedTests, failed: json.numFailedTests + extra, note: extra ? `vitest exited ${code}` : undefined });
}

async function build(): Promise<boolean> {
  banner("build: next build");
  // Pages must not need a database at build time; if one does, it gets a throwaway file, never data/.
  const env = { ...baseEnv, DATABASE_URL: `file:${path.join(tmp, "build.db")}` };
  const code = await run(bin("next"), ["build"], { env });
  steps.push({ name: "build", ok: code === 0, passed: 0, failed: code === 0 ? 0 : 1 });
  return code === 0;
}

/** Answers whether Postgres is reachable at `url` (with a short timeout). */
async function postgresReachable(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => undefined);
  }
}

/** Creates a uniquely named database next to `adminUrl`'s; returns its URL and a function that drops it. */
async function createTestDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `factdesk_e2e_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
    try {
      // WITH (FORCE) (Postgres 13+) ends connections a killed server may have left behind.
      await sql.unsafe(`drop database if exists "${name}" with (force)`).catch(() => sql.unsafe(`drop database if exists "${name}"`));
      console.log(`Dropped the e2e database ${name}.`);
    } catch (error) {
      console.warn(`Could not drop the e2e database ${name}: ${(error as Error).message}`);
    } finally {
      await sql.end({ timeout: 5 });
    }
  };
  return { url: url.toString(), drop };
}

type PlaywrightReport = { stats?: { expected: number; unexpected: number; flaky: number; skipped: number }; errors?: unknown[] };

async function e2e(pgAdminUrl: string | null): Promise<void> {
  banner("e2e: playwright test");
  let database: Awaited<ReturnType<typeof createTestDatabase>> | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    void (database?.drop() ?? Promise.resolve()).finally(() => process.exit(signal === "SIGINT" ? 130 : 143));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    if (pgAdminUrl) {
      try {
        database = await createTestDatabase(pgAdminUrl);
      } catch (error) {
        steps.push({ name: "e2e", ok: false, passed: 0, failed: 1, note: `could not create the Postgres e2e database: ${(error as Error).message}` });
        return;
      }
      console.log(`Postgres project: database ${redactUrl(database.url)}`);
    }
    const report = path.join(tmp, "playwright.json");
    const env: NodeJS.ProcessEnv = {
      ...baseEnv,
      E2E_JSON_REPORT: report,
      E2E_RUN_DIR: fs.mkdtempSync(path.join(tmp, "e2e-")),
      ...(database ? { E2E_PG_URL: database.url } : {}),
    };
    if (!database) delete env.E2E_PG_URL;
    const code = await run(bin("playwright"), ["test"], { env });
    const json = readJson<PlaywrightReport>(report);
    if (!json?.stats) {
      steps.push({ name: "e2e", ok: false, passed: 0, failed: 1, note: `playwright exited ${code} without a report` });
      return;
    }
    const { expected, unexpected, flaky } = json.stats;
    // Errors outside tests (a web server that would not start, a broken config) fail the run once.
    const outside = (json.errors?.length ?? 0) > 0 || (code !== 0 && unexpected === 0) ? 1 : 0;
    steps.push({
      name: database ? "e2e (sqlite + postgres)" : "e2e (sqlite only)",
      ok: code === 0,
      passed: expected + flaky,
      failed: unexpected + outside,
      note: [flaky ? `${flaky} flaky (passed on retry)` : "", outside ? `playwright exited ${code}` : ""].filter(Boolean).join("; ") || undefined,
    });
  } finally {
    await database?.drop();
    process.removeListener("SIGINT", onSignal);
    process.removeListener("SIGTERM", onSignal);
  }
}

const STEPS = ["typecheck", "lint", "unit", "build", "e2e"] as const;
// `npm test -- build e2e` runs only the steps named (e2e alone needs an earlier build); no names: all of them.
const selected = process.argv.slice(2);
const want = (step: (typeof STEPS)[number]) => selected.length === 0 || selected.includes(step);

async function main(): Promise<void> {
  const unknown = selected.filter((s) => !(STEPS as readonly string[]).includes(s));
  if (unknown.length) {
    console.error(`Unknown step ${unknown.join(", ")}. Steps: ${STEPS.join(", ")}.`);
    process.exit(2);
  }
  const started = Date.now();
  const pgTestUrl = process.env.PG_TEST_URL || "postgres://postgres@127.0.0.1:5432/postgres";
  const pgReachable = await postgresReachable(pgTestUrl);
  const requirePg = process.env.FACTDESK_REQUIRE_POSTGRES === "1";
  if (!pgReachable) {
    const message = `Postgres is not reachable at ${redactUrl(pgTestUrl)} (set PG_TEST_URL to point elsewhere).`;
    if (requirePg) console.error(`ERROR: ${message} FACTDESK_REQUIRE_POSTGRES=1, so this run fails.`);
    else console.warn(`WARNING: ${message} Running the SQLite e2e project only; the Postgres project is skipped.`);
  }

  if (want("typecheck")) await typecheck();
  if (want("lint")) await lint();
  if (want("unit")) await unit(pgReachable ? pgTestUrl : null);
  const built = want("build") ? await build() : true;
  if (want("e2e")) {
    if (!pgReachable && requirePg) {
      steps.push({ name: "e2e", ok: false, passed: 0, failed: 1, note: `not run: Postgres is required but not reachable at ${redactUrl(pgTestUrl)}` });
    } else if (built) {
      await e2e(pgReachable ? pgTestUrl : null);
    } else {
      steps.push({ name: "e2e", ok: false, passed: 0, failed: 0, note: "not run: the build failed" });
    }
  }

  fs.rmSync(tmp, { recursive: true, force: true });
  const passed = steps.reduce((n, s) => n + s.passed, 0);
  const failed = steps.reduce((n, s) => n + s.failed, 0);
  const ok = steps.every((s) => s.ok);
  banner(`summary (${Math.round((Date.now() - started) / 1000)} s)`);
  for (const s of steps) {
    const counts = s.passed || s.failed ? ` — passed ${s.passed}, failed ${s.failed}` : "";
    console.log(`${s.ok ? "ok  " : "FAIL"}  ${s.name}${counts}${s.note ? ` (${s.note})` : ""}`);
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(ok && failed === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  console.log("0 passed, 1 failed");
  process.exit(1);
});
