/**
 * Which tables a backup holds, and in which order: every table of the
 * drizzle schema (so a table added later is included without touching this
 * code), parents before children by their foreign keys. A schema the order
 * cannot be derived from (a cycle, a reference to an unknown table, a table
 * without a primary key to page by) fails loudly instead of producing a
 * backup that cannot be restored.
 */
import { getTableColumns, getTableName, is } from "drizzle-orm";
import { getTableConfig, PgTable, type PgColumn } from "drizzle-orm/pg-core";
import * as pgSchema from "../schema/pg";

export type BackupTable = {
  /** The export name in db/schema (the key on Database["t"]). */
  key: keyof typeof pgSchema;
  name: string;
  /** The primary-key column's property name: rows are read in its order, in batches. */
  primaryKey: string;
  /** Property names of timestamp columns: ISO strings in the file, Dates in the app. */
  timestamps: string[];
};

export function backupTables(schema: Record<string, unknown> = pgSchema): BackupTable[] {
  const tables = new Map<string, { key: string; table: PgTable }>();
  for (const [key, value] of Object.entries(schema)) if (is(value, PgTable)) tables.set(getTableName(value), { key, table: value });

  const parents = new Map<string, Set<string>>();
  for (const [name, { table }] of tables) {
    const refs = new Set<string>();
    for (const fk of getTableConfig(table).foreignKeys) {
      const parent = getTableName(fk.reference().foreignTable);
      if (!tables.has(parent)) throw new Error(`backup: ${name} references ${parent}, which is not in the schema`);
      // A table referencing itself would need its rows in tree order; none does today, so refuse rather than guess.
      if (parent === name) throw new Error(`backup: ${name} references itself; teach db/backup/tables.ts to order its rows`);
      refs.add(parent);
    }
    parents.set(name, refs);
  }

  const ordered: string[] = [];
  const placed = new Set<string>();
  // Kahn's algorithm, alphabetical among ready tables so the file order is stable.
  while (placed.size < tables.size) {
    const ready = [...tables.keys()].filter((n) => !placed.has(n) && [...parents.get(n)!].every((p) => placed.has(p))).sort();
    if (ready.length === 0) {
      const stuck = [...tables.keys()].filter((n) => !placed.has(n));
      throw new Error(`backup: foreign keys form a cycle among ${stuck.join(", ")}; the exporter cannot order them`);
    }
    for (const n of ready) {
      ordered.push(n);
      placed.add(n);
    }
  }

  return ordered.map((name) => {
    const { key, table } = tables.get(name)!;
    const columns = Object.entries(getTableColumns(table)) as [string, PgColumn][];
    const pk = columns.filter(([, c]) => c.primary);
    if (pk.length !== 1) throw new Error(`backup: ${name} has no single-column primary key to read it in order by`);
    return {
      key: key as keyof typeof pgSchema,
      name,
      primaryKey: pk[0]![0],
      timestamps: columns.filter(([, c]) => c.columnType === "PgTimestamp").map(([prop]) => prop),
    };
  });
}
