/**
 * A production server the durability specs own outright: its own port, its
 * own database (a SQLite file, or a Postgres database created here and
 * dropped afterwards), started as a bare `node …/next start` so that SIGKILL
 * hits the server itself, not a shell or npm wrapper in front of it.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { NEXT_START_FLAGS } from "../../scripts/lib/next-start-flags";

const ROOT = path.resolve(__dirname, "..", "..");
const NEXT = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

/**
 * A free port in 3800–3899, clear of the Playwright web servers (E2E_PORT_BASE, +1, +10).
 * Starts from a spot derived from E2E_PORT_BASE and the dialect, then skips ports in use,
 * so checkouts running their suites side by side do not collide.
 */
export async function durabilityPort(project: string, slot: number): Promise<number> {
  const base = Number(process.env.E2E_PORT_BASE ?? 3211);
  const first = (base + (project.startsWith("postgres") ? 50 : 0) + slot * 7) % 100;
  for (let i = 0; i < 100; i++) {
    const port = 3800 + ((first + i) % 100);
    if (await isFree(port)) return port;
  }
  throw new Error("no free port in 3800–3899");
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

export type TestDatabase = { url: string; dialect: "sqlite" | "postgres"; drop(): Promise<void> };

/** A fresh, empty database for one spec, on the dialect of the Playwright project. */
export async function freshDatabase(project: string): Promise<TestDatabase> {
  if (!project.startsWith("postgres")) {
    const dir = fs.mkdtempSync(path.join(process.env.E2E_RUN_DIR ?? os.tmpdir(), "durability-"));
    return { url: `file:${path.join(dir, "app.db")}`, dialect: "sqlite", drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const serverUrl = process.env.E2E_PG_URL;
  if (!serverUrl) throw new Error("the postgres project needs E2E_PG_URL");
  const admin = new URL(serverUrl);
  admin.pathname = "/postgres";
  const name = `factdesk_durability_${randomBytes(5).toString("hex")}`;
  const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  await sql.unsafe(`create database "${name}"`);
  await sql.end({ timeout: 5 });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dialect: "postgres",
    drop: async () => {
      const s = postgres(admin.toString(), { max: 1, onnotice: () => {} });
      // FORCE: a killed server leaves connections Postgres has not noticed yet.
      await s.unsafe(`drop database if exists "${name}" with (force)`);
      await s.end({ timeout: 5 });
    },
  };
}

/** Migrates and seeds the demo and e2e accounts, as the Playwright web servers do. */
export function seed(databaseUrl: string): void {
  const result = spawnSync(TSX, ["--conditions=react-server", "e2e/setup/seed.ts"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`seeding failed: ${result.stderr}`);
}

export class AppServer {
  private child: ChildProcess | undefined;
  private log = "";
  constructor(
    readonly port: number,
    readonly databaseUrl: string,
    /** More environment for the server (single sign-on settings, for example). */
    private readonly extraEnv: Record<string, string> = {},
  ) {}

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(timeoutMs = 60_000): Promise<void> {
    this.log = "";
    // A leftover server on the port would answer the health check and the test would talk to the wrong database.
    const busy = await fetch(`${this.base}/api/health`).then(() => true, () => false);
    if (busy) throw new Error(`port ${this.port} is already in use`);
    const child = spawn(process.execPath, [NEXT, "start", "-H", "127.0.0.1", "-p", String(this.port), ...NEXT_START_FLAGS], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        DATABASE_URL: this.databaseUrl,
        AUTH_SECRET: process.env.E2E_AUTH_SECRET ?? "durability-secret",
        SITE_URL: this.base,
        PORT: String(this.port),
        DEMO_MODE: "0",
        NEXT_TELEMETRY_DISABLED: "1",
        ...this.extraEnv,
      },
    });
    this.child = child;
    // Never leave a server behind, even when the worker exits mid-test.
    const reap = () => child.kill("SIGKILL");
    process.once("exit", reap);
    child.once("exit", () => process.removeListener("exit", reap));
    child.stdout!.on("data", (d) => (this.log += d));
    child.stderr!.on("data", (d) => (this.log += d));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${this.log}`);
      try {
        if ((await fetch(`${this.base}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`server did not answer on ${this.base} within ${timeoutMs} ms:\n${this.log}`);
  }

  /** SIGKILL: no shutdown hooks, no connection close, no WAL checkpoint. Children (if next forked any) die too. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    const children = spawnSync("ps", ["-o", "pid=", "--ppid", String(child.pid)], { encoding: "utf8" }).stdout.split(/\s+/).filter(Boolean).map(Number);
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(child.pid, "SIGKILL");
    for (const pid of children) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    await exited;
  }

  /** Teardown: SIGTERM, then SIGKILL if it lingers (next waits for open keep-alive connections). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 2_000);
    await exited;
    clearTimeout(timer);
  }

  output(): string {
    return this.log;
  }
}
