/**
 * Databases for the job queue tests (server/jobs): a SQLite file in a temp
 * directory, and a throwaway `factdesk_jobs_<random>` database on a real
 * PostgreSQL server (PG_TEST_URL, default postgres://postgres@127.0.0.1:5432/postgres),
 * dropped afterwards. The queue refuses PGlite, so without a server the
 * Postgres suite is skipped, and says why; with FACTDESK_REQUIRE_POSTGRES=1
 * (CI) that is a failure instead.
 *
 *   describe.each(jobTestDatabases())("%s", (target) => {
 *     if (target.skipReason) return void it.skip(target.skipReason);
 *     afterAll(() => target.dispose());
 *     it("…", async () => { const url = await target.create(); … });
 *   });
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { pgTestUrl, probePostgres, redact } from "./databases";

const adminUrl = pgTestUrl();
const redacted = redact(adminUrl);

// Once per test file, before suites are collected, so the suite can be skipped with its reason (the same probe as testing/databases.ts).
const probed = await probePostgres(adminUrl);
const unreachable = probed.reachable ? null : probed.reason;

export type JobTestDatabase = {
  name: "sqlite" | "postgres";
  /** Set when this database cannot be tested here (no server, and not required). */
  skipReason: string | null;
  /** A fresh, empty database's URL; each call makes a new one. */
  create(): Promise<string>;
  /** Removes every database create() made. */
  dispose(): Promise<void>;
  toString(): string;
};

function sqliteDatabase(): JobTestDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-jobs-"));
  let n = 0;
  return {
    name: "sqlite",
    skipReason: null,
    create: async () => `file:${path.join(dir, `jobs-${++n}.db`)}`,
    dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
    toString: () => "sqlite",
  };
}

function postgresDatabase(): JobTestDatabase {
  const created: string[] = [];
  const admin = () => postgres(adminUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
  const required = process.env.FACTDESK_REQUIRE_POSTGRES === "1";
  const skipReason = unreachable && !required ? `no PostgreSQL server at ${redacted} (${unreachable}); set PG_TEST_URL, or FACTDESK_REQUIRE_POSTGRES=1 to fail instead` : null;
  return {
    name: "postgres",
    skipReason,
    async create() {
      if (unreachable) throw new Error(`FACTDESK_REQUIRE_POSTGRES=1 but no PostgreSQL server answered at ${redacted} (${unreachable}).`);
      const name = `factdesk_jobs_${randomBytes(6).toString("hex")}`;
      const sql = admin();
      try {
        await sql.unsafe(`create database "${name}"`);
        created.push(name);
        // A throwaway database need not wait for the disk on every commit.
        await sql.unsafe(`alter database "${name}" set synchronous_commit = off`);
      } finally {
        await sql.end({ timeout: 5 });
      }
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return url.toString();
    },
    async dispose() {
      if (!created.length) return;
      const sql = admin();
      try {
        for (const name of created.splice(0)) await sql.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await sql.end({ timeout: 5 });
      }
    },
    toString: () => (skipReason ? "postgres (skipped)" : "postgres"),
  };
}

export function jobTestDatabases(): JobTestDatabase[] {
  return [sqliteDatabase(), postgresDatabase()];
}
