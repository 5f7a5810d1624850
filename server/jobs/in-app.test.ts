/**
 * JOBS_IN_APP, validated with the rest of the environment (server/env.ts):
 * "0" leaves the jobs to `npm run worker`, any other value than "0" or "1"
 * is refused with the reason. Neither opens a queue.
 */
import os from "node:os";
import path from "node:path";
import { afterEach, expect, it, vi } from "vitest";

const holder = globalThis as { __factdeskJobQueue?: unknown; __factdeskJobWorker?: unknown };

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

/** Starts the in-app worker with JOBS_IN_APP set to `value`, on fresh modules (the environment is read once per process); returns what it logged. */
async function startWith(value: string | undefined): Promise<string[]> {
  vi.stubEnv("JOBS_IN_APP", value);
  // Never opened when all is well; should a regression open it, it is a throwaway file, not the app's.
  vi.stubEnv("DATABASE_URL", `file:${path.join(os.tmpdir(), "factdesk-in-app-test.db")}`);
  vi.resetModules();
  const logged = vi.spyOn(console, "error").mockImplementation(() => {});
  const { startInAppWorker } = await import("./in-app");
  await startInAppWorker();
  return logged.mock.calls.map((call) => call.join(" "));
}

it("runs the jobs in the app unless told otherwise", async () => {
  vi.stubEnv("JOBS_IN_APP", undefined);
  vi.resetModules();
  const { env } = await import("@/server/env");
  expect(env().JOBS_IN_APP).toBe("1");
});

it("leaves the jobs to a separate worker with JOBS_IN_APP=0", async () => {
  expect(await startWith("0")).toEqual([]);
  expect(holder.__factdeskJobQueue).toBeUndefined();
  expect(holder.__factdeskJobWorker).toBeUndefined();
});

it("refuses any other value than 0 or 1, and says why", async () => {
  expect(await startWith("no")).toEqual([expect.stringMatching(/^Background jobs are not running in this process: Invalid environment: JOBS_IN_APP: /)]);
  expect(holder.__factdeskJobQueue).toBeUndefined();
  expect(holder.__factdeskJobWorker).toBeUndefined();
});
