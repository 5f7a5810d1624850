/**
 * Backup round trip across dialects: the demo plus extra activity on SQLite
 * → export → restore into Postgres → export → restore into SQLite → export.
 * The first and last files hold the same rows (timestamps, booleans, JSON
 * and the append-only audit log included), and claim search finds the same
 * claims on every copy.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { pgTable, text } from "drizzle-orm/pg-core";
import { afterAll, describe, expect, it } from "vitest";
import { useDatabase, type Database } from "@/db/client";
import { testDialects, type TestDatabaseFactory } from "@/testing/databases";
import { seedDemo } from "@/db/seed/demo";
import { addComment } from "@/db/queries/comments";
import { fullTextCandidates } from "@/db/queries/claim-matches";
import { getSettingWithVersion, updateApprovalQuorum } from "@/db/queries/settings";
import { listUsers, updateUser } from "@/db/queries/users";
import { exportBackup } from "./export";
import { readBackupLines } from "./format";
import { restoreBackup } from "./restore";
import { backupTables } from "./tables";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-backup-test-"));
const factories: TestDatabaseFactory[] = [];
afterAll(async () => {
  for (const f of factories) await f.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function open(kind: "sqlite" | "postgres"): Promise<Database> {
  const factory = testDialects()[kind === "sqlite" ? 0 : 1]!;
  factories.push(factory);
  const database = await factory.open();
  useDatabase(database);
  return database;
}

/** The rows of a backup file by table (header and markers dropped: the header names its dialect and time). */
async function rowsOf(file: string): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for await (const line of readBackupLines(file)) {
    const l = line as { table?: string; row?: unknown };
    if (l.table && l.row) (out[l.table] ??= []).push(l.row);
  }
  return out;
}

async function search(database: Database, text: string): Promise<string[]> {
  useDatabase(database);
  return (await fullTextCandidates({ text, excludeArticleId: "none", limit: 50 })).map((c) => c.id).sort();
}

const QUERIES = ["kratom withdrawal opioid", "hair loss", "sleep anxiety"];

describe("backup and restore", () => {
  it("orders every schema table after the tables it references", () => {
    const names = backupTables().map((t) => t.name);
    expect(names.indexOf("users")).toBeLessThan(names.indexOf("articles"));
    expect(names.indexOf("claims")).toBeLessThan(names.indexOf("verdicts"));
    expect(names.indexOf("verdicts")).toBeLessThan(names.indexOf("citations"));
    expect(() => backupTables({ ...backupTablesFixtureCycle() })).toThrow(/cycle/);
  });

  it("round-trips SQLite → Postgres → SQLite with identical rows and search results", { timeout: 120_000 }, async () => {
    const source = await open("sqlite");
    await seedDemo();
    // Extra activity: a deactivated user (boolean false), a changed setting, a comment with a mention (notification).
    const users = await listUsers();
    const admin = users.find((u) => u.role === "admin")!;
    const reviewer = users.find((u) => u.role === "reviewer")!;
    await updateUser({ id: reviewer.id, version: reviewer.version, active: false, actorId: admin.id } as Parameters<typeof updateUser>[0]);
    const quorum = await getSettingWithVersion("approvalQuorum");
    await updateApprovalQuorum({ quorum: 2, version: quorum.version, actorId: admin.id });
    const { db, t } = source;
    const [article] = await db.select().from(t.articles).limit(1);
    await addComment({ articleId: article!.id, body: `Checked with @${users.find((u) => u.role === "editor")!.email.split("@")[0]}: ünïcode “quotes” and a 🦉`, authorId: admin.id });
    const searchedBefore = await Promise.all(QUERIES.map((q) => search(source, q)));
    expect(searchedBefore.flat().length).toBeGreaterThan(0);

    const first = path.join(dir, "first.ndjson.gz");
    const counts = await exportBackup(source, first);
    expect(Object.keys(counts).sort()).toEqual(backupTables().map((t) => t.name).sort());
    expect(counts.audit_events).toBeGreaterThan(0);

    const pg = await open("postgres");
    await restoreBackup(pg, first);
    const second = path.join(dir, "second.ndjson");
    await exportBackup(pg, second);
    expect(await Promise.all(QUERIES.map((q) => search(pg, q)))).toEqual(searchedBefore);
    // The restored audit log is still append-only.
    const rewrite = await pg.db.update(pg.t.auditEvents).set({ action: "rewritten" }).then(() => null, (e: Error) => e);
    expect(String((rewrite?.cause as Error | undefined)?.message ?? rewrite)).toMatch(/append-only/);

    const back = await open("sqlite");
    await restoreBackup(back, second);
    const third = path.join(dir, "third.ndjson.gz");
    await exportBackup(back, third);
    expect(await Promise.all(QUERIES.map((q) => search(back, q)))).toEqual(searchedBefore);

    const [a, b, c] = await Promise.all([rowsOf(first), rowsOf(second), rowsOf(third)]);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    const deactivated = (a.users as { id: string; active: boolean }[]).find((u) => u.id === reviewer.id);
    expect(deactivated?.active).toBe(false);

    // A second restore into the now non-empty database is refused, and a truncated file never restores.
    await expect(restoreBackup(back, first)).rejects.toThrow(/not empty/);
    // Forced, it collides on the first existing row and rolls back: the restored copy is unchanged.
    await expect(restoreBackup(back, first, { allowNonEmpty: true })).rejects.toThrow();
    const again = path.join(dir, "again.ndjson");
    await exportBackup(back, again);
    expect(await rowsOf(again)).toEqual(a);
    const cut = path.join(dir, "cut.ndjson");
    fs.writeFileSync(cut, fs.readFileSync(second, "utf8").split("\n").slice(0, -3).join("\n"));
    const empty = await open("sqlite");
    await expect(restoreBackup(empty, cut)).rejects.toThrow(/incomplete|damaged/);
    expect(await empty.db.select().from(empty.t.users)).toEqual([]);
    // A backup made before claims had stable numbers: restored claims are numbered by creation within their article.
    const old = path.join(dir, "before-numbers.ndjson");
    fs.writeFileSync(
      old,
      fs
        .readFileSync(second, "utf8")
        .split("\n")
        .map((text) => {
          if (!text.includes('"table":"claims"') || !text.includes('"row"')) return text;
          const line = JSON.parse(text) as { row: Record<string, unknown> };
          delete line.row.number;
          return JSON.stringify(line);
        })
        .join("\n"),
    );
    const numbered = await open("sqlite");
    await restoreBackup(numbered, old);
    const restored = await numbered.db.select({ articleId: numbered.t.claims.articleId, number: numbered.t.claims.number, createdAt: numbered.t.claims.createdAt, id: numbered.t.claims.id }).from(numbered.t.claims);
    expect(restored.length).toBe((a.claims ?? []).length);
    expect(restored.some((c) => c.number === 0)).toBe(false);
    for (const articleId of new Set(restored.map((c) => c.articleId))) {
      const inOrder = restored.filter((c) => c.articleId === articleId).sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime() || (x.id < y.id ? -1 : 1));
      expect(inOrder.map((c) => c.number), articleId).toEqual(inOrder.map((_, i) => i + 1));
    }
    // A table the schema does not describe would be silently missing from backups: export refuses instead.
    (empty.db as unknown as { run(q: ReturnType<typeof sql>): unknown }).run(sql`create table mystery (id text primary key)`);
    await expect(exportBackup(empty, path.join(dir, "never.ndjson"))).rejects.toThrow(/mystery/);
  });
});

/** Two tables referencing each other: the exporter must refuse to guess an order. */
function backupTablesFixtureCycle(): Record<string, unknown> {
  const tables: Record<string, { id: unknown }> = {};
  const ref = (name: string) => () => tables[name]!.id as ReturnType<typeof text>;
  tables.a = pgTable("a", { id: text("id").primaryKey(), b: text("b").references(ref("b") as never) });
  tables.b = pgTable("b", { id: text("id").primaryKey(), a: text("a").references(ref("a") as never) });
  return tables;
}
