/**
 * Child processes for the load benchmarks: `next start` on the production
 * build (built first when missing or older than the sources), and the small
 * helper servers in bench/lib. Each is stopped by its own pid.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { NEXT_START_FLAGS } from "../../scripts/lib/next-start-flags";
import { bin, buildIsFresh, ROOT, waitForHttp } from "../../scripts/lib/process";

export type Running = { base: string; stop(): Promise<void> };

export const BENCH_AUTH_SECRET = "bench-secret-0123456789abcdefghij";

/** A fresh clone, or sources changed since the last build: build as `npm run build` would. */
export function ensureBuild(): void {
  if (buildIsFresh()) return;
  console.error("… building the app (next build)");
  execFileSync(bin("next"), ["build"], { cwd: ROOT, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      child.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill("SIGTERM");
    });
}

async function started(child: ChildProcess, base: string, health: string, what: string, stderr: () => string): Promise<Running> {
  const stop = stopper(child);
  if (!(await waitForHttp(`${base}${health}`, 90_000))) {
    await stop();
    throw new Error(`${what} did not answer at ${base}${health}\n${stderr()}`);
  }
  return { base, stop };
}

/** `next start` of the production build against `databaseUrl`; the database must already be migrated. */
export async function startApp(port: number, databaseUrl: string): Promise<Running> {
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(bin("next"), ["start", "-H", "127.0.0.1", "-p", String(port), ...NEXT_START_FLAGS], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: BENCH_AUTH_SECRET, SITE_URL: base, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1", DEMO_MODE: "0" },
  });
  let log = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  return started(child, base, "/api/health", `next start on port ${port}`, () => log);
}

/** One of bench/lib's helper servers (static-server.ts, round-robin.ts), run by tsx in its own process. */
export async function startHelper(script: string, port: number, args: string[], health = "/health"): Promise<Running> {
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(bin("tsx"), [path.join(ROOT, "bench", "lib", script), String(port), ...args], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  return started(child, base, health, script, () => log);
}
