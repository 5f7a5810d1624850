/**
 * Migration 0010 rewrites data readers see: it must credit existing claims
 * to their article's author, give each revision the statement it reviewed,
 * and keep every published fact-check showing exactly what it showed
 * before (the approved revision of every included claim, including claims
 * approved before approved_verdict_id existed). A database at migration
 * 0008 is filled with such legacy rows, then migrated to the end.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_PG_TEST_URL, testDialects } from "@/testing/databases";

const LAST_LEGACY = 8;
const NOW = Date.UTC(2026, 0, 1);

type Row = Record<string, string | number | null>;
const ROWS: [string, Row][] = [
  ["users", { id: "u1", email: "r@example.test", name: "Rae", role: "reviewer" }],
  ["ratings", { id: "r1", label: "Inaccurate", value: 1, colour: "#b42318", description: "False.", position: 0 }],
  ["articles", { id: "a1", title: "Legacy", status: "published", created_by: "u1", author: "A. Writer", publisher: "Blog", source_url: "https://example.test/post", source_published_on: "2025-01-15", current_version_id: "v1" }],
  ["articles", { id: "a2", title: "Anonymous", status: "draft", created_by: "u1", author: null, publisher: "Agency Daily", source_url: null, source_published_on: null, current_version_id: "v2" }],
  ["article_versions", { id: "v1", article_id: "a1", number: 1, text_hash: "h1" }],
  ["article_versions", { id: "v2", article_id: "a2", number: 1, text_hash: "h2" }],
  // Approved before approved_verdict_id was recorded; approved with it; excluded; and a draft article's claim.
  ["claims", { id: "c1", article_id: "a1", version_id: "v1", statement: "Old approval", status: "approved", current_verdict_id: "d1", approved_verdict_id: null }],
  ["claims", { id: "c2", article_id: "a1", version_id: "v1", statement: "Pending revision", status: "verdict_proposed", current_verdict_id: "d3", approved_verdict_id: "d2" }],
  ["claims", { id: "c3", article_id: "a1", version_id: "v1", statement: "Excluded", status: "excluded", current_verdict_id: null, approved_verdict_id: null }],
  ["claims", { id: "c4", article_id: "a2", version_id: "v2", statement: "Draft claim", status: "approved", current_verdict_id: "d4", approved_verdict_id: "d4" }],
  ["verdicts", { id: "d1", claim_id: "c1", revision: 1 }],
  ["verdicts", { id: "d2", claim_id: "c2", revision: 1 }],
  ["verdicts", { id: "d3", claim_id: "c2", revision: 2 }],
  ["verdicts", { id: "d4", claim_id: "c4", revision: 1 }],
  ["publications", { id: "p1", article_id: "a1", slug: "legacy", summary: "s", version_id: "v1", published_by: "u1" }],
];

/** Columns every row of a table needs at migration 0008, besides those given above. */
function complete(table: string, row: Row): Row {
  const at = { created_at: NOW };
  switch (table) {
    case "articles":
      return { ...at, updated_at: NOW, ...row };
    case "article_versions":
      return { ...at, created_by: "u1", blocks: JSON.stringify([{ kind: "paragraph", text: "Text." }]), ...row };
    case "claims":
      return { ...at, updated_at: NOW, created_by: "u1", exact: "Text.", prefix: "", suffix: "", start: 0, end: 5, anchor_status: "anchored", anchor_score: 1, ...row };
    case "verdicts":
      return { ...at, rating_id: "r1", rationale: "Because.", author_id: "u1", ...row };
    case "publications":
      return { published_at: NOW, updated_at: NOW, ...row };
    case "users":
      return { ...at, ...row };
    default:
      return row;
  }
}

/** A copy of a dialect's migrations folder that stops after `last`. */
function legacyFolder(dialect: "sqlite" | "pg", last: number): string {
  const from = path.join(process.cwd(), "db", "migrations", dialect);
  const to = fs.mkdtempSync(path.join(os.tmpdir(), `factdesk-legacy-${dialect}-`));
  const journal = JSON.parse(fs.readFileSync(path.join(from, "meta", "_journal.json"), "utf8")) as { entries: { idx: number; tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.idx <= last);
  fs.mkdirSync(path.join(to, "meta"));
  fs.writeFileSync(path.join(to, "meta", "_journal.json"), JSON.stringify(journal));
  for (const e of journal.entries) fs.copyFileSync(path.join(from, `${e.tag}.sql`), path.join(to, `${e.tag}.sql`));
  return to;
}

type Result = { claims: Row[]; verdicts: Row[] };

async function viaSqlite(): Promise<Result> {
  const { default: Sqlite } = await import("better-sqlite3");
  const { drizzle } = await import("drizzle-orm/better-sqlite3");
  const { migrate } = await import("drizzle-orm/better-sqlite3/migrator");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-backfill-"));
  const conn = new Sqlite(path.join(dir, "legacy.db"));
  try {
    const db = drizzle(conn);
    migrate(db, { migrationsFolder: legacyFolder("sqlite", LAST_LEGACY) });
    for (const [table, raw] of ROWS) {
      const row = complete(table, raw);
      const cols = Object.keys(row);
      conn.prepare(`insert into ${table} (${cols.map((c) => `"${c}"`).join(", ")}) values (${cols.map(() => "?").join(", ")})`).run(...Object.values(row));
    }
    migrate(db, { migrationsFolder: path.join(process.cwd(), "db", "migrations", "sqlite") });
    return {
      claims: conn.prepare("select * from claims order by id").all() as Row[],
      verdicts: conn.prepare("select * from verdicts order by id").all() as Row[],
    };
  } finally {
    conn.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function viaPostgres(url: string): Promise<Result> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const name = `factdesk_backfill_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const sql = postgres(target.toString(), { max: 1, onnotice: () => {} });
  try {
    const db = drizzle(sql);
    await migrate(db, { migrationsFolder: legacyFolder("pg", LAST_LEGACY) });
    for (const [table, raw] of ROWS) {
      const row = complete(table, raw);
      const values = Object.fromEntries(Object.entries(row).map(([k, v]) => [k, /_at$/.test(k) && typeof v === "number" ? new Date(v).toISOString() : v]));
      await sql`insert into ${sql(table)} ${sql(values as Record<string, never>)}`;
    }
    await migrate(db, { migrationsFolder: path.join(process.cwd(), "db", "migrations", "pg") });
    return { claims: (await sql`select * from claims order by id`) as unknown as Row[], verdicts: (await sql`select * from verdicts order by id`) as unknown as Row[] };
  } finally {
    await sql.end({ timeout: 1 });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 1 });
  }
}

// Postgres whenever the other database tests use a real server (testDialects probes it).
const runs: [string, () => Promise<Result>][] = [["sqlite", viaSqlite]];
if (testDialects().some((f) => f.name === "postgres")) runs.push(["postgres", () => viaPostgres(process.env.PG_TEST_URL || DEFAULT_PG_TEST_URL)]);

describe.each(runs)("backfill of claim revisions on %s", (_name, run) => {
  it("keeps every published fact-check showing what it showed, and credits claims to their article", async () => {
    const result = await run();
    const claim = (id: string) => result.claims.find((c) => c["id"] === id)!;
    const verdict = (id: string) => result.verdicts.find((v) => v["id"] === id)!;
    expect(claim("c1")).toMatchObject({ approved_verdict_id: "d1", published_verdict_id: "d1", claimant_name: "A. Writer", claimant_kind: "person", appearance_url: "https://example.test/post", appearance_date: "2025-01-15" });
    expect(claim("c2")).toMatchObject({ approved_verdict_id: "d2", published_verdict_id: "d2" });
    expect(claim("c3")).toMatchObject({ published_verdict_id: null });
    // Not published: nothing is public yet; an article without an author is credited to its publisher.
    expect(claim("c4")).toMatchObject({ published_verdict_id: null, claimant_name: "Agency Daily", claimant_kind: "organization" });
    expect(verdict("d1")).toMatchObject({ statement: "Old approval", claimant_name: "A. Writer", withdrawn_reason: null });
    expect(verdict("d3")).toMatchObject({ statement: "Pending revision" });
  });
});
