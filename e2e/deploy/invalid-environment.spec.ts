/**
 * An operator's mistyped setting stops the server at start-up, naming the setting, instead of a server that
 * listens and answers every request with a 500. The production build started as `npm start` starts it
 * (`next start`), with one invalid value each time. Settings are read before any query: sqlite project only.
 */
import { expect, test } from "@playwright/test";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { NEXT_START_FLAGS } from "../../scripts/lib/next-start-flags";
import { freePort } from "../../testing/nginx";

test.beforeAll(({}, testInfo) => test.skip(testInfo.project.name !== "sqlite", "one run is enough: see the file comment"));

/** Starts the build with `setting` added to a valid environment; what it printed, and its exit code (null: still running after 60 s). */
async function startWith(setting: Record<string, string>): Promise<{ code: number | null; stderr: string; served: boolean }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-env-"));
  const port = await freePort(3960, 3989);
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(path.join(process.cwd(), "node_modules", ".bin", "next"), ["start", "-H", "127.0.0.1", "-p", String(port), ...NEXT_START_FLAGS], {
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "e2e.db")}`, AUTH_SECRET: "env-check-secret-0123456789", SITE_URL: base, DEMO_MODE: "0", NEXT_TELEMETRY_DISABLED: "1", ...setting },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const code = await Promise.race([exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), 60_000))]);
  const served = await fetch(`${base}/api/health`).then(() => true, () => false);
  if (child.exitCode === null) child.kill("SIGTERM");
  fs.rmSync(dir, { recursive: true, force: true });
  return { code, stderr, served };
}

for (const [name, value] of [
  ["JOBS_IN_APP", "maybe"],
  ["TRUST_PROXY", "the load balancer"],
  ["LOGIN_MAX_FAILURES_PER_IP", "lots"],
] as const) {
  test(`${name}=${value} stops the server at start-up, naming it`, async () => {
    test.setTimeout(90_000);
    const { code, stderr, served } = await startWith({ [name]: value });
    expect(code).toBe(1);
    expect(stderr).toContain("Factdesk cannot start: Invalid environment:");
    expect(stderr).toContain(name);
    expect(served).toBe(false);
  });
}
