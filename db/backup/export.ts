/**
 * Exports a whole database to one backup file (format: ./format.ts), table
 * by table in foreign-key order, each read in primary-key batches so a large
 * database streams through instead of being loaded at once.
 */
import { asc, getTableColumns, getTableName, gt, sql, type SQL, type Table } from "drizzle-orm";
import type { Database } from "../client";
import { BACKUP_FORMAT, BACKUP_VERSION, openBackupWriter, type BackupHeader } from "./format";
import { backupTables, type BackupTable } from "./tables";
import { rowsOf } from "../queries/sql-rows";

const BATCH = 1000;

/** Tables the migrations manage for themselves, not app data. */
// job_queue: the SQLite job queue's own table (server/jobs/sqlite-queue.ts), work in flight, not data.
const INTERNAL = /^(__drizzle_migrations|sqlite_.*|claims_fts.*|prior_fact_checks_fts.*|job_queue)$/;

async function queryRows(database: Database, query: SQL): Promise<Record<string, unknown>[]> {
  return rowsOf<Record<string, unknown>>(await database.db.execute(query));
}

/** Every table in the database must be one the schema (and so the backup) knows: nothing may be silently left out. */
export async function assertAllTablesKnown(database: Database, tables: BackupTable[]): Promise<void> {
  const names =
    database.dialect === "sqlite"
      ? ((database.db as unknown as { all(q: SQL): { name: string }[] }).all(sql`select name from sqlite_master where type = 'table'`)).map((r) => r.name)
      : (await queryRows(database, sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`)).map((r) => String(r.name));
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

/**
 * Every row of one table, in primary-key order, read `batch` rows at a time so
 * a large table streams through instead of being loaded at once. Byte order on
 * both dialects (Postgres would otherwise sort by its locale), so both yield
 * rows in the same order. On Postgres, `db` must be a transaction (inReadSnapshot's).
 */
export async function* tableRows(database: Database, db: Database["db"], table: BackupTable, batch: number | (() => number) = BATCH): AsyncGenerator<Record<string, unknown>[]> {
  // A function lets the caller size each page by what the previous one weighed.
  const sizeOf = typeof batch === "number" ? () => batch : batch;
  const t = database.t[table.key] as never as Record<string, never>;
  const pk = t[table.primaryKey]!;
  if (database.dialect === "postgres") {
    yield* postgresRows(db, t, pk, sizeOf);
    return;
  }
  let last: string | undefined;
  for (;;) {
    const size = sizeOf();
    const rows = (await db.select().from(t as never).where(last === undefined ? undefined : gt(pk, last)).orderBy(asc(pk)).limit(size)) as Record<string, unknown>[];
    if (rows.length) yield rows;
    if (rows.length < size) return;
    last = String(rows[rows.length - 1]![table.primaryKey]);
  }
}

/**
 * Postgres: the primary-key index has the database's collation, not "C", so
 * keyset pages in byte order would each sort the whole table again (minutes
 * for 100,000 claims). A cursor sorts once and hands the rows out page by page;
 * its raw values are mapped as drizzle maps a select's.
 */
async function* postgresRows(db: Database["db"], t: Record<string, never>, pk: never, sizeOf: () => number): AsyncGenerator<Record<string, unknown>[]> {
  const columns = Object.entries(getTableColumns(t as unknown as Table));
  const cursor = sql.identifier(`export_${getTableName(t as unknown as Table)}`);
  const run = async (query: SQL) => rowsOf<Record<string, unknown>>(await db.execute(query));
  await run(sql`declare ${cursor} no scroll cursor for select * from ${t} order by ${pk} collate "C"`);
  try {
    for (;;) {
      const size = sizeOf();
      const raw = await run(sql`fetch ${sql.raw(String(Math.max(1, Math.floor(size))))} from ${cursor}`);
      const rows = raw.map((r) => {
        const row: Record<string, unknown> = {};
        for (const [prop, column] of columns) {
          const value = r[column.name];
          row[prop] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
        }
        return row;
      });
      if (rows.length) yield rows;
      if (rows.length < size) return;
    }
  } finally {
    // Closed when the reader stops early too; a failed transaction has closed it already.
    await run(sql`close ${cursor}`).catch(() => undefined);
  }
}

/**
 * Runs `read` on one snapshot of the database: rows written meanwhile are
 * either all in or all out, so the exported foreign keys always resolve.
 * On SQLite it pins the reader connection, so callers inside the app give
 * it a connection of its own (see app/api/admin/export/route.ts).
 */
export async function inReadSnapshot<T>(database: Database, read: (db: Database["db"]) => Promise<T>): Promise<T> {
  if (database.dialect === "postgres") {
    return database.db.transaction((tx) => read(tx as unknown as Database["db"]), { isolationLevel: "repeatable read", accessMode: "read only" });
  }
  // SQLite (WAL): a read transaction on the reader connection pins one snapshot without blocking writers.
  const reader = database.db as unknown as { run(q: SQL): unknown };
  reader.run(sql`begin`);
  try {
    return await read(database.db);
  } finally {
    reader.run(sql`commit`);
  }
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
      let n = 0;
      for await (const rows of tableRows(database, db, table)) {
        for (const row of rows) await writer.line({ table: table.name, row: encodeRow(row) });
        n += rows.length;
      }
      await writer.line({ table: table.name, end: n });
      counts[table.name] = n;
    }
    await writer.line({ end: true });
  };
  try {
    await inReadSnapshot(database, dump);
  } finally {
    await writer.close();
  }
  return counts;
}
