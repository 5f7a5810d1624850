/**
 * The CSV export round trip: the demo plus extra activity on SQLite → ZIP →
 * restore into Postgres → ZIP again. Every table's rows come back equal
 * (secret columns aside), the two ZIPs hold byte-identical CSV files (those
 * without JSON, whose key order Postgres changes), the
 * README documents every file and column, and no password hash is anywhere
 * in the archive. Plus the refusals, and the admin download route.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, getTableColumns, type Table } from "drizzle-orm";
import { strFromU8, unzipSync, zipSync } from "fflate";
import { afterAll, describe, expect, it, vi } from "vitest";
import { openDatabase, useDatabase, type Database } from "@/db/client";
import { testDialects, type TestDatabaseFactory } from "@/testing/databases";
import { seedDemo } from "@/db/seed/demo";
import { addComment } from "@/db/queries/comments";
import { createUser, getUserCredentialsByEmail, linkOidcSubject, listUsers, updateUser } from "@/db/queries/users";
import { AppError } from "@/lib/errors";
import * as pgSchema from "../schema/pg";
import { exportCsvZip } from "./csv-export";
import { restoreCsvZip } from "./csv-restore";
import { csvTables, INFORMAL_REFERENCES, LEFT_OUT_TABLES, NOT_SECRET, SECRET_COLUMNS, SECRET_LOOKING, TABLE_DESCRIPTIONS } from "./csv-schema";
import { quotedEmptyFields } from "./csv-values";
import { backupTables } from "./tables";

const session = vi.hoisted(() => ({ requirePermission: vi.fn() }));
vi.mock("@/server/session", () => session);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-csv-export-test-"));
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

async function exportTo(database: Database, name: string): Promise<string> {
  const file = path.join(dir, name);
  const out = fs.createWriteStream(file);
  await exportCsvZip(database, out);
  await new Promise((resolve, reject) => out.end(resolve).once("error", reject));
  return file;
}

/** Every exported table's rows in primary-key order, secret columns removed. */
async function tableContents(database: Database): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of csvTables()) {
    const t = database.t[table.key] as unknown as Table & Record<string, never>;
    // Sorted here, not by the database: Postgres would sort text by its locale.
    const rows = ((await database.db.select().from(t as never)) as Record<string, unknown>[]).sort((a, b) => (String(a[table.primaryKey]) < String(b[table.primaryKey]) ? -1 : 1));
    const secretProps = Object.entries(getTableColumns(t)).filter(([, c]) => table.secretColumns.includes(c.name)).map(([prop]) => prop);
    out[table.name] = rows.map((row) => Object.fromEntries(Object.entries(row).filter(([prop]) => !secretProps.includes(prop))));
  }
  return out;
}

const unzip = (file: string) => unzipSync(fs.readFileSync(file));
const rezip = (files: Record<string, Uint8Array>, name: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, zipSync(files));
  return file;
};

describe("what the CSV export holds", () => {
  it("describes every table it exports, and decides about every table and secret-looking column", () => {
    const names = backupTables().map((t) => t.name);
    const undecided = names.filter((n) => !(n in TABLE_DESCRIPTIONS) && !(n in LEFT_OUT_TABLES));
    expect(undecided, "add a one-line description to TABLE_DESCRIPTIONS in db/backup/csv-schema.ts").toEqual([]);
    expect(names.filter((n) => n in TABLE_DESCRIPTIONS && n in LEFT_OUT_TABLES)).toEqual([]);
    expect([...Object.keys(TABLE_DESCRIPTIONS), ...Object.keys(LEFT_OUT_TABLES)].filter((n) => !names.includes(n)), "stale names").toEqual([]);

    const columns = new Map<string, { notNull: boolean; hasDefault: boolean }>();
    for (const t of backupTables()) for (const c of Object.values(getTableColumns(pgSchema[t.key] as Table))) columns.set(`${t.name}.${c.name}`, c);
    const looksSecret = [...columns.keys()].filter((q) => !(q.split(".")[0]! in LEFT_OUT_TABLES) && SECRET_LOOKING.test(q.split(".")[1]!));
    expect(looksSecret.filter((q) => !(q in SECRET_COLUMNS) && !NOT_SECRET.has(q)), "decide: SECRET_COLUMNS or NOT_SECRET").toEqual([]);
    // A restore leaves secret columns out, so the schema must accept that.
    for (const q of Object.keys(SECRET_COLUMNS)) expect(columns.get(q)?.notNull === false || columns.get(q)?.hasDefault, q).toBe(true);
    for (const [from, to] of Object.entries(INFORMAL_REFERENCES)) expect(columns.has(from) && columns.has(to), `${from} → ${to}`).toBe(true);
    expect(csvTables().flatMap((t) => t.columns.map((c) => `${t.name}.${c.name}`))).not.toContain("users.password_hash");
  });
});

describe("reading fields back", () => {
  it("tells an empty text (\"\") from null (an empty field), whatever quotes are around", () => {
    expect(quotedEmptyFields("a,,b\r\n")).toBeNull();
    expect([...quotedEmptyFields('a,"",b\r\n')!]).toEqual([1]);
    expect([...quotedEmptyFields('"","""",""\r\n')!]).toEqual([0, 2]);
    expect([...quotedEmptyFields('"say ""hi""",,"a,""b""\n",""\r\n')!]).toEqual([3]);
    expect([...quotedEmptyFields('x,"{""a"":1}",')!]).toEqual([]);
  });
});

describe("CSV export and restore", () => {
  it("round-trips SQLite → ZIP → Postgres → ZIP with equal rows and no secrets", { timeout: 60_000 }, async () => {
    const source = await open("sqlite");
    await seedDemo();
    const users = await listUsers();
    const admin = users.find((u) => u.role === "admin")!;
    const reviewer = users.find((u) => u.role === "reviewer")!;
    await updateUser({ id: reviewer.id, version: reviewer.version, active: false, actorId: admin.id });
    await linkOidcSubject({ id: admin.id, issuer: "https://id.example.test", subject: "admin-1" });
    const [article] = await source.db.select().from(source.t.articles).limit(1);
    // Commas, quotes, line breaks, leading spaces, unicode: everything CSV quoting must survive.
    await addComment({ articleId: article!.id, body: `Checked: "quotes", commas,\r\nCRLF and\nLF, ünïcode “curly” 🦉 and =SUM(A1)`, authorId: admin.id, idempotencyKey: crypto.randomUUID() });
    // An empty text is not null: both must come back as they were.
    await source.transaction((tx) => tx.update(source.t.articles).set({ author: "", publisher: null, title: " Spaced title " }).where(eq(source.t.articles.id, article!.id)));
    await source.transaction((tx) => tx.insert(source.t.loginFailures).values({ id: "lf1", accountKey: "someone@example.test", ip: "192.0.2.1", createdAt: new Date() }));
    const hashes = (await Promise.all(users.map((u) => getUserCredentialsByEmail({ email: u.email })))).map((u) => u?.passwordHash).filter((h): h is string => !!h);
    expect(hashes.length).toBeGreaterThan(0);
    const before = await tableContents(source);

    const first = await exportTo(source, "first.zip");
    const files = unzip(first);
    const tables = csvTables();
    expect(Object.keys(files).sort()).toEqual(["README.md", "manifest.json", ...tables.map((t) => t.file)].sort());
    for (const left of Object.keys(LEFT_OUT_TABLES)) expect(files[`${left}.csv`]).toBeUndefined();
    const manifest = JSON.parse(strFromU8(files["manifest.json"]!)) as { format: string; tables: { name: string; rows: number }[] };
    expect(manifest.format).toBe("factdesk-csv-export");
    expect(Object.fromEntries(manifest.tables.map((t) => [t.name, t.rows]))).toEqual(Object.fromEntries(Object.entries(before).map(([n, rows]) => [n, rows.length])));
    const readme = strFromU8(files["README.md"]!);
    for (const t of tables) {
      const section = readme.split(`### ${t.file}\n`)[1]?.split("\n### ")[0] ?? "";
      expect(section, t.file).toContain(t.description);
      for (const c of t.columns) expect(section, `${t.file} ${c.name}`).toContain(`| \`${c.name}\` |`);
      expect(strFromU8(files[t.file]!).split("\r\n")[0]).toBe(t.columns.map((c) => c.name).join(","));
    }
    // No password hash in any file, compressed or not, and no secret column in any header.
    const raw = fs.readFileSync(first);
    for (const hash of hashes) {
      expect(raw.includes(hash)).toBe(false);
      for (const [name, bytes] of Object.entries(files)) expect(strFromU8(bytes).includes(hash), name).toBe(false);
    }
    expect(strFromU8(files["users.csv"]!)).not.toContain("password_hash");

    const pg = await open("postgres");
    const counts = await restoreCsvZip(pg, first);
    expect(counts.claims).toBe(before.claims!.length);
    const after = await tableContents(pg);
    expect(after).toEqual(before);
    expect((await pg.db.select().from(pg.t.users)).every((u) => u.passwordHash === null)).toBe(true);
    expect(await pg.db.select().from(pg.t.loginFailures)).toEqual([]);
    expect(await pg.db.select().from(pg.t.idempotencyKeys)).toEqual([]);

    // The same rows make the same files, whichever database they come from (JSON aside: Postgres' jsonb reorders object keys).
    const second = unzip(await exportTo(pg, "second.zip"));
    const plain = tables.filter((t) => !t.columns.some((c) => c.kind === "json"));
    expect(plain.map((t) => t.name)).toContain("claims");
    for (const t of plain) expect(strFromU8(second[t.file]!), t.file).toBe(strFromU8(files[t.file]!));

    // Into a non-empty database: refused.
    await expect(restoreCsvZip(pg, first)).rejects.toThrow(/not empty/);

    // With a password for the admin, into SQLite: only they can sign in with a password, and the audit log says so.
    const back = await open("sqlite");
    await restoreCsvZip(back, first, { passwords: { [admin.email.toUpperCase()]: "scrypt$test-hash" } });
    const restored = await back.db.select().from(back.t.users);
    expect(restored.filter((u) => u.passwordHash !== null).map((u) => [u.email, u.passwordHash])).toEqual([[admin.email, "scrypt$test-hash"]]);
    const backAudit = await back.db.select().from(back.t.auditEvents);
    expect(backAudit.filter((e) => e.action === "user.password_set").map((e) => e.entityId)).toEqual([admin.id]);
    const backContents = await tableContents(back);
    backContents.audit_events = backContents.audit_events!.filter((e) => (e as { action: string }).action !== "user.password_set");
    expect(backContents).toEqual(before);

    // Refusals, each leaving the target empty.
    const empty = await open("sqlite");
    const { "manifest.json": _manifest, ...withoutManifest } = files;
    await expect(restoreCsvZip(empty, rezip(withoutManifest, "no-manifest.zip"))).rejects.toThrow(/no manifest\.json/);
    const users2 = strFromU8(files["users.csv"]!).split("\r\n").map((line, i) => (line === "" ? line : `${line},${i === 0 ? "nickname" : "x"}`)).join("\r\n");
    await expect(restoreCsvZip(empty, rezip({ ...files, "users.csv": new TextEncoder().encode(users2) }, "extra-column.zip"))).rejects.toThrow(/users\.csv has columns this Factdesk does not know \(nickname\)/);
    const badClaims = strFromU8(files["claims.csv"]!).split("\r\n");
    badClaims[1] = badClaims[1]!.replace(/,anchored,/, ",floating,");
    await expect(restoreCsvZip(empty, rezip({ ...files, "claims.csv": new TextEncoder().encode(badClaims.join("\r\n")) }, "bad-value.zip"))).rejects.toThrow(/claims\.csv line 2, column anchor_status: "floating" is not one of/);
    await expect(restoreCsvZip(empty, rezip({ ...files, "stray.txt": new Uint8Array([1]) }, "stray.zip"))).rejects.toThrow(/files the manifest does not list \(stray\.txt\)/);
    await expect(restoreCsvZip(empty, first, { passwords: { "nobody@example.test": "x" } })).rejects.toThrow(/no user with the email nobody@example\.test/);
    const cut = path.join(dir, "cut.zip");
    fs.writeFileSync(cut, raw.subarray(0, raw.length - 100));
    await expect(restoreCsvZip(empty, cut)).rejects.toThrow(/damaged|not a ZIP/);
    expect(await empty.db.select().from(empty.t.users)).toEqual([]);
    expect(await empty.db.select().from(empty.t.claims)).toEqual([]);
  });
});

describe("GET /api/admin/export", () => {
  it("streams the ZIP to admins only, and audits each download", async () => {
    const url = `file:${path.join(dir, "route.db")}`;
    const database = await openDatabase(url);
    useDatabase(database);
    vi.stubEnv("DATABASE_URL", url);
    try {
      const admin = await createUser({ email: "admin@example.test", name: "Ada Admin", role: "admin", passwordHash: "scrypt$secret-hash", actorId: null, firstUser: true });
      const { GET } = await import("@/app/api/admin/export/route");
      const call = () => GET(new Request("http://app.test/api/admin/export", { headers: { host: "app.test" } }), { params: Promise.resolve({}) });

      session.requirePermission.mockRejectedValueOnce(new AppError("unauthorized:session", "Sign in to continue."));
      expect((await call()).status).toBe(401);
      session.requirePermission.mockRejectedValueOnce(new AppError("forbidden:manage:organisation", "Only admins and above can do this."));
      expect((await call()).status).toBe(403);
      expect(session.requirePermission).toHaveBeenCalledWith("manage:organisation");

      session.requirePermission.mockResolvedValueOnce(admin);
      const response = await call();
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/zip");
      expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="factdesk-export-\d{4}-\d\d-\d\d\.zip"$/);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
      expect(strFromU8(files["users.csv"]!)).toContain("admin@example.test");
      expect(strFromU8(files["users.csv"]!)).not.toContain("secret-hash");
      // Recorded before the export began, so the export itself shows who took it.
      expect(strFromU8(files["audit_events.csv"]!)).toContain("export.organisation");
    } finally {
      vi.unstubAllEnvs();
      await database.close();
    }
  });
});
