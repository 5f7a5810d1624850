/**
 * Inserts restored rows in bulk, inside the restore's transaction. Drizzle's
 * insert builder wraps and checks every value of every row (half the CPU
 * time of a 100,000-claim restore on Postgres went there), so this goes one
 * level lower, still through drizzle's own column mappings:
 *
 * - SQLite: one prepared INSERT on the transaction's connection, run per row
 *   (better-sqlite3 is synchronous; a statement run costs microseconds), with
 *   each value mapped by the SQLite column (dates to milliseconds, booleans
 *   to 0/1, JSON to text).
 * - Postgres: one statement per batch whose single parameter is the batch as
 *   JSON, unpacked by jsonb_populate_recordset into the table's own column
 *   types (ISO times, JSON values, booleans and numbers as they are).
 *
 * Columns missing from an older export are left to the database's default.
 */
import { getTableColumns, sql, type Table } from "drizzle-orm";
import type { Database, Db } from "../client";
import type { CsvColumn, CsvTable } from "./csv-schema";

type Statement = { run(...values: unknown[]): unknown };
type SqliteClient = { prepare(source: string): Statement };

export type Inserter = (rows: Record<string, unknown>[]) => Promise<void>;

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

export function bulkInserter(tx: Db, database: Database, table: CsvTable, columns: CsvColumn[]): Inserter {
  const list = columns.map((c) => quoted(c.name)).join(", ");
  if (database.dialect === "sqlite") {
    const client = (tx as unknown as { $client?: SqliteClient }).$client;
    if (!client) throw new Error("restore: the SQLite transaction has no connection to prepare statements on");
    // database.t is the SQLite schema here: its columns know how SQLite stores each value.
    const byProp = getTableColumns(database.t[table.key] as unknown as Table);
    const mappers = columns.map((c) => byProp[c.prop]!);
    const statement = client.prepare(`insert into ${quoted(table.name)} (${list}) values (${columns.map(() => "?").join(", ")})`);
    return async (rows) => {
      for (const row of rows) statement.run(...columns.map((c, i) => (row[c.prop] === null || row[c.prop] === undefined ? null : mappers[i]!.mapToDriverValue(row[c.prop]))));
    };
  }
  return async (rows) => {
    // JSON.stringify writes dates as ISO 8601 (Date.prototype.toJSON), which timestamptz reads back exactly.
    const json = JSON.stringify(rows.map((row) => Object.fromEntries(columns.map((c) => [c.name, row[c.prop] ?? null]))));
    await tx.execute(sql`insert into ${sql.identifier(table.name)} (${sql.raw(list)}) select ${sql.raw(list)} from jsonb_populate_recordset(null::${sql.identifier(table.name)}, ${json}::jsonb)`);
  };
}
