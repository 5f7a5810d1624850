/**
 * e2e: one production build (`next build`, done by scripts/test.ts), served
 * twice — once on SQLite, once on Postgres — and every spec runs against
 * both. Each server starts on a fresh database seeded with users only
 * (e2e/setup/seed.ts); every test creates its own articles.
 *
 *   npm test                          # typecheck, unit, build, then this (creates the Postgres database)
 *   npx playwright test               # after `npm run build`; SQLite only unless E2E_PG_URL is set
 *   E2E_PG_URL=postgres://…/db npx playwright test --project=postgres
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, type PlaywrightTestConfig, type Project } from "@playwright/test";
import { NEXT_START_FLAGS } from "./scripts/lib/next-start-flags";

// The config is evaluated again in every worker; the env var makes all of them agree on one run directory.
const runDir = (process.env.E2E_RUN_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-e2e-")));
const AUTH_SECRET = (process.env.E2E_AUTH_SECRET ??= `e2e-${Math.random().toString(36).slice(2)}-${Date.now().toString(36)}`);
const pgUrl = process.env.E2E_PG_URL;

const SYSTEM_CHROMIUM = "/usr/bin/chromium";
const launchOptions = fs.existsSync(SYSTEM_CHROMIUM)
  ? {
      executablePath: SYSTEM_CHROMIUM,
      // This machine has no network beyond loopback: keep Chromium from dialling out at start-up.
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    }
  : {};

type Target = { name: "sqlite" | "postgres"; port: number; databaseUrl: string };
// E2E_PORT_BASE lets two checkouts run their suites side by side.
const portBase = Number(process.env.E2E_PORT_BASE ?? 3211);
const targets: Target[] = [{ name: "sqlite", port: portBase, databaseUrl: `file:${path.join(runDir, "e2e.db")}` }];
if (pgUrl) targets.push({ name: "postgres", port: portBase + 1, databaseUrl: pgUrl });

// Four URLs a sitemap file, so the demo data alone fills two files of each series (e2e/public/http-caching.spec.ts reads it too).
const sitemapUrlsPerFile = (process.env.E2E_SITEMAP_URLS_PER_FILE ??= "4");

// Import specs fetch pages from a local fixture server (e2e/setup/article-server.ts); the app servers may fetch from it and nothing else local.
const fixturePort = portBase + 10;
process.env.E2E_FIXTURE_ORIGIN = `http://127.0.0.1:${fixturePort}`;

const bin = (name: string) => path.join(__dirname, "node_modules", ".bin", name);
const baseURL = (t: Target) => `http://127.0.0.1:${t.port}`;

const webServer: PlaywrightTestConfig["webServer"] = targets.map((t) => ({
  name: t.name,
  // Seed (which also migrates) then serve; `exec` so stopping the server stops next, not just the shell.
  command: `${bin("tsx")} --conditions=react-server e2e/setup/seed.ts && exec ${bin("next")} start -H 127.0.0.1 -p ${t.port} ${NEXT_START_FLAGS.join(" ")}`,
  url: `${baseURL(t)}/api/health`,
  timeout: 120_000,
  reuseExistingServer: false,
  stdout: "ignore",
  stderr: "pipe",
  env: {
    DATABASE_URL: t.databaseUrl,
    AUTH_SECRET,
    SITE_URL: baseURL(t),
    PORT: String(t.port),
    DEMO_MODE: "0",
    NEXT_TELEMETRY_DISABLED: "1",
    IMPORT_ALLOW_HOSTS: `127.0.0.1:${fixturePort}`,
    // Citations of the fixture pages are archived; every other cited address is a made-up one (example.org), refused or unresolvable.
    ARCHIVE_ALLOW_HOSTS: `127.0.0.1:${fixturePort}`,
    // Every test signs in from 127.0.0.1. Successes are not counted, but the specs that check refusals
    // (wrong passwords, the lockout in e2e/security) would add up against the default of 30 per IP;
    // the per-IP limit itself is tested in db/queries/login-failures.test.ts.
    LOGIN_MAX_FAILURES_PER_IP: "300",
    SITEMAP_URLS_PER_FILE: sitemapUrlsPerFile,
  },
}));
const fixtureServer = {
  name: "fixture-pages",
  command: `${bin("tsx")} e2e/setup/article-server.ts`,
  url: `http://127.0.0.1:${fixturePort}/health`,
  timeout: 30_000,
  reuseExistingServer: false,
  stdout: "ignore" as const,
  env: { PORT: String(fixturePort) },
};

// Specs that change organisation-wide settings (the approval quorum, the rating scale, the language) run after the rest of
// their server's tests, so no other test approves a verdict while the quorum is raised or sees a passing label.
const EXCLUSIVE = /desk\/(editorial-workflow|rating-delete-undo|language-setting|suggestion-threshold)\.spec\.ts$/;
const projects: Project[] = targets.flatMap((t) => [
  { name: t.name, use: { baseURL: baseURL(t) }, testIgnore: EXCLUSIVE },
  { name: `${t.name}-settings`, use: { baseURL: baseURL(t) }, testMatch: EXCLUSIVE, dependencies: [t.name] },
]);

const reporter: PlaywrightTestConfig["reporter"] = [["list"], ["html", { open: "never", outputFolder: "playwright-report" }]];
if (process.env.E2E_JSON_REPORT) reporter.push(["json", { outputFile: process.env.E2E_JSON_REPORT }]);

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results",
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  // Two cores: one worker per server, so the two projects run side by side.
  workers: targets.length,
  reporter,
  use: {
    browserName: "chromium",
    headless: true,
    viewport: { width: 1280, height: 900 },
    launchOptions,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  projects,
  webServer: [fixtureServer, ...(webServer as Exclude<typeof webServer, undefined | { command: string }>)],
});
