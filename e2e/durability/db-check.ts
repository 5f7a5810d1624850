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
  // amcheck verifies every btree index of the app's tables against its table, page by page; where the
  // extension is missing (it ships with PostgreSQL's contrib package), say so rather than pass quietly.
  let integrity: string;
  try {
    await sql`create extension if not exists amcheck`;
    await sql`select bt_index_check(c.oid, true) from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am am on am.oid = c.relam where am.amname = 'btree' and c.relnamespace = 'public'::regnamespace`;
    integrity = "ok";
  } catch (error) {
    integrity = `amcheck: ${(error as Error).message}`;
  }
  // The search index must find exactly the rows a scan of the table finds.
  const query = sql`plainto_tsquery('english', 'kratom')`;
  const indexed = await sql.begin(async (tx) => {
    await tx`set local enable_seqscan = off`; // read through the GIN index, not the table
    const [row] = await tx<{ n: number }[]>`select count(*)::int as n from claims where search @@ ${query}`;
    return row!.n;
  });
  const [{ scanned }] = await sql<{ scanned: number }[]>`select count(*)::int as scanned from claims where to_tsvector('english'::regconfig, statement) @@ ${query} or to_tsvector('english'::regconfig, exact) @@ ${query}`;
  return {
    integrity,
    ftsIntegrity: indexed === scanned ? "ok" : `search index finds ${indexed} claims, a table scan ${scanned}`,
    ids: async (table, ids) => new Set((await sql.unsafe<{ id: string }[]>(`select id from ${table}`)).map((r) => r.id).filter((id) => ids.includes(id))),
    ratingId: async () => (await sql<{ id: string }[]>`select id from ratings order by position limit 1`)[0]!.id,
    close: () => sql.end({ timeout: 5 }),
  };
}
