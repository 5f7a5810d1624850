/**
 * Fresh databases for one bench run: a SQLite file in its own temp folder,
 * and a `factdesk_bench_<random>` Postgres database on BENCH_PG_URL (default:
 * the local server, trust auth), dropped afterwards even when the run fails.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export type BenchDatabase = { dialect: "sqlite" | "postgres"; url: string; drop(): Promise<void> };

export const DEFAULT_BENCH_PG_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export function freshSqlite(): BenchDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-bench-"));
  return {
    dialect: "sqlite",
    url: `file:${path.join(dir, "bench.db")}`,
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Creates an empty database on the server named by BENCH_PG_URL; null (with the reason) when the server is unreachable. */
export async function freshPostgres(): Promise<BenchDatabase | { unavailable: string }> {
  const { default: postgres } = await import("postgres");
  const adminUrl = process.env.BENCH_PG_URL || DEFAULT_BENCH_PG_URL;
  const name = `factdesk_bench_${randomBytes(6).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } catch (error) {
    return { unavailable: (error as { code?: string; message?: string }).code || String(error) };
  } finally {
    await admin.end({ timeout: 1 }).catch(() => undefined);
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    dialect: "postgres",
    url: url.toString(),
    drop: async () => {
      const sql = postgres(adminUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
      try {
        // WITH (FORCE): a server we started may still hold a connection for a moment after SIGTERM.
        await sql.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await sql.end({ timeout: 1 }).catch(() => undefined);
      }
    },
  };
}

/** A fresh database of `dialect`, or why there is none (no Postgres server answered). */
export async function freshDatabase(dialect: BenchDatabase["dialect"]): Promise<BenchDatabase | { unavailable: string }> {
  return dialect === "sqlite" ? freshSqlite() : freshPostgres();
}

/**
 * Runs `measure` on a fresh database of each dialect, dropped afterwards even when the measure fails; a dialect
 * whose server does not answer is skipped with the reason on stderr. The results of all, in order.
 */
export async function onEachFreshDatabase<T>(dialects: readonly BenchDatabase["dialect"][], measure: (database: BenchDatabase) => Promise<T[]>): Promise<T[]> {
  const results: T[] = [];
  for (const dialect of dialects) {
    const database = await freshDatabase(dialect);
    if ("unavailable" in database) {
      console.error(`  Postgres unavailable (${database.unavailable}): skipped. Set BENCH_PG_URL to a server where databases may be created.`);
      continue;
    }
    try {
      results.push(...(await measure(database)));
    } finally {
      await database.drop();
    }
  }
  return results;
}
