/**
 * The change signal on real databases: a watcher sees what another instance
 * or process announces, not what its own process announced, and (Postgres)
 * counts a lost connection as a change, since notifications sent meanwhile
 * are gone.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_PG_TEST_URL } from "@/testing/databases";
import { announcePublicChange, watchPublicChanges } from "./change-signal";
import { openDatabase, type Database } from "./client";

const settle = () => new Promise((resolve) => setTimeout(resolve, 600));

describe("change signal on SQLite", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-signal-"));
  const url = `file:${path.join(dir, "signal.db")}`;
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase(url);
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("tells a watcher about a change written by another process, and not about its own", async () => {
    const onChange = vi.fn();
    const stop = await watchPublicChanges(url, onChange);
    try {
      await announcePublicChange(database);
      await settle();
      expect(onChange).not.toHaveBeenCalled();
      // Another process (a script, a second server) writes the row the same way, with no memory of this one.
      const { default: BetterSqlite } = await import("better-sqlite3");
      const other = new BetterSqlite(url.slice("file:".length));
      other.prepare("update change_signals set version = version + 1 where name = 'public-data'").run();
      other.close();
      await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1), { timeout: 2000 });
    } finally {
      await stop();
    }
  });
});

const pgUrl = process.env.PG_TEST_URL || DEFAULT_PG_TEST_URL;

describe.skipIf(process.env.FACTDESK_REQUIRE_POSTGRES !== "1" && !process.env.PG_TEST_URL && !(await reachable(pgUrl)))("change signal on PostgreSQL", () => {
  const name = `factdesk_signal_${process.pid}_${Date.now()}`;
  const url = (() => {
    const u = new URL(pgUrl);
    u.pathname = `/${name}`;
    return u.toString();
  })();
  let database: Database;
  beforeAll(async () => {
    await admin((sql) => sql.unsafe(`create database ${name}`));
    database = await openDatabase(url);
  });
  afterAll(async () => {
    await database?.close();
    await admin((sql) => sql.unsafe(`drop database if exists ${name} with (force)`));
  });

  it("notifies other instances, not the one that announced, and counts a lost connection as a change", async () => {
    const onChange = vi.fn();
    const stop = await watchPublicChanges(url, onChange);
    try {
      // Connecting counts: whatever was announced before is unknown to this watcher.
      expect(onChange).toHaveBeenCalledTimes(1);
      await announcePublicChange(database);
      await settle();
      expect(onChange).toHaveBeenCalledTimes(1);
      // Another instance's announcement: its own id as the payload.
      await admin((sql) => sql`select pg_notify('factdesk_public_data', 'another-instance')`, url);
      await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(2), { timeout: 2000 });
      // The listening connection dies (a restart, a network cut): on reconnecting the watcher reports a change.
      await admin((sql) => sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name} and query ilike 'listen%'`);
      await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(3), { timeout: 10_000 });
    } finally {
      await stop();
    }
  });
});

async function admin<T>(fn: (sql: import("postgres").Sql) => Promise<T>, url = pgUrl): Promise<T> {
  const { default: postgres } = await import("postgres");
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function reachable(url: string): Promise<boolean> {
  try {
    await admin((sql) => sql`select 1`, url);
    return true;
  } catch {
    return false;
  }
}
