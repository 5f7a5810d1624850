/**
 * Exports a whole database to one backup file (format: ./format.ts), table
 * by table in foreign-key order, each read in primary-key batches so a large
 * database streams through instead of being loaded at once.
 */
import { asc, gt, sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { BACKUP_FORMAT, BACKUP_VERSION, openBackupWriter, type BackupHeader } from "./format";
import { backupTables, type BackupTable } from "./tables";

const BATCH = 1000;

/** Tables the migrations manage for themselves, not app data. */
const INTERNAL = /^(__drizzle_migrations|sqlite_.*|claims_fts.*)$/;

async function rowsOf(database: Database, query: SQL): Promise<Record<string, unknown>[]> {
  const result = (await database.db.execute(query)) as unknown;
  return Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows;
}

/** Every table in the database must be one the schema (and so the backup) knows: nothing may be silently left out. */
export async function assertAllTablesKnown(database: Database, tables: BackupTable[]): Promise<void> {
  const names =
    database.dialect === "sqlite"
      ? ((database.db as unknown as { all(q: SQL): { name: string }[] }).all(sql`select name from sqlite_master where type = 'table'`)).map((r) => r.name)
      : (await rowsOf(database, sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`)).map((r) => String(r.name));
  const known = new Set(tables.map((t) => t.name));
  const unknown = names.filter((n) => !INTERNAL.test(n) && !known.has(n));
  if (unknown.length) throw new Error(`backup: the database has tables the schema does not describe (${unknown.join(", ")}); add them to db/schema so they are backed up`);
}

/** Dates become ISO strings; everything else is already plain JSON (drizzle has decoded booleans and JSON columns). */
function encodeRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) out[key] = value instanceof Date ? value.toISOString() : value;
  return out;
}

export async function exportBackup(database: Database, file: string): Promise<Record<string, number>> {
  const tables = backupTables();
  await assertAllTablesKnown(database, tables);
  const { applied } = await database.migrations();
  const header: BackupHeader = { format: BACKUP_FORMAT, version: BACKUP_VERSION, dialect: database.dialect, migrations: applied, createdAt: new Date().toISOString(), tables: tables.map((t) => t.name) };
  const writer = openBackupWriter(file);
  const counts: Record<string, number> = {};
  const dump = async (db: Database["db"]) => {
    await writer.line(header);
    for (const table of tables) {
      const t = database.t[table.key] as never as Record<string, never>;
      const pk = t[table.primaryKey]!;
      // Byte order on both dialects (Postgres would otherwise sort by its locale), so both write rows in the same order.
      const key = database.dialect === "postgres" ? sql`${pk} collate "C"` : sql`${pk}`;
      let last: string | undefined;
      let n = 0;
      for (;;) {
        const after = last === undefined ? undefined : database.dialect === "postgres" ? sql`${key} > ${last}` : gt(pk, last);
        const rows = (await db.select().from(t as never).where(after).orderBy(database.dialect === "postgres" ? key : asc(pk)).limit(BATCH)) as Record<string, unknown>[];
        for (const row of rows) await writer.line({ table: table.name, row: encodeRow(row) });
        n += rows.length;
        if (rows.length < BATCH) break;
        last = String(rows[rows.length - 1]![table.primaryKey]);
      }
      await writer.line({ table: table.name, end: n });
      counts[table.name] = n;
    }
    await writer.line({ end: true });
  };
  try {
    if (database.dialect === "postgres") {
      // One snapshot for the whole file: rows written meanwhile are either all in or all out.
      await database.db.transaction((tx) => dump(tx as unknown as Database["db"]), { isolationLevel: "repeatable read", accessMode: "read only" });
    } else {
      // SQLite (WAL): a read transaction on the reader connection pins one snapshot without blocking writers.
      const reader = database.db as unknown as { run(q: SQL): unknown };
      reader.run(sql`begin`);
      try {
        await dump(database.db);
      } finally {
        reader.run(sql`commit`);
      }
    }
  } finally {
    await writer.close();
  }
  return counts;
}
