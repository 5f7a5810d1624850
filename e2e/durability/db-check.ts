/**
 * Looks at a durability spec's database directly (not through the app):
 * physical integrity and which rows exist.
 */
import Database from "better-sqlite3";
import postgres from "postgres";

export type Inspection = { integrity: string; ftsIntegrity: string; ids: (table: "articles" | "claims" | "verdicts", ids: string[]) => Promise<Set<string>>; ratingId: () => Promise<string>; close: () => Promise<void> };

export async function inspect(url: string): Promise<Inspection> {
  if (url.startsWith("file:")) {
    const db = new Database(url.slice("file:".length));
    const integrity = (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
    let ftsIntegrity = "ok";
    try {
      // Compares the external-content FTS index with the claims table; throws SQLITE_CORRUPT_VTAB when they disagree.
      db.exec("INSERT INTO claims_fts(claims_fts, rank) VALUES('integrity-check', 1)");
    } catch (error) {
      ftsIntegrity = String(error);
    }
    return {
      integrity,
      ftsIntegrity,
      ids: async (table, ids) => new Set((db.prepare(`select id from ${table}`).all() as { id: string }[]).map((r) => r.id).filter((id) => ids.includes(id))),
      ratingId: async () => (db.prepare("select id from ratings order by position limit 1").get() as { id: string }).id,
      close: async () => void db.close(),
    };
  }
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  // No page checksums to verify from SQL without extensions: reading every row (and the search index) is the check.
  const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from claims where to_tsvector('english'::regconfig, statement || ' ' || exact) @@ plainto_tsquery('english', 'zinc')`;
  return {
    integrity: "ok",
    ftsIntegrity: n >= 0 ? "ok" : "no rows",
    ids: async (table, ids) => new Set((await sql.unsafe<{ id: string }[]>(`select id from ${table}`)).map((r) => r.id).filter((id) => ids.includes(id))),
    ratingId: async () => (await sql<{ id: string }[]>`select id from ratings order by position limit 1`)[0]!.id,
    close: () => sql.end({ timeout: 5 }),
  };
}
