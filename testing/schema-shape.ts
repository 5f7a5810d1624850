/**
 * A dialect-neutral description of a schema ("shape"), built either from the
 * drizzle table objects or from a drizzle-kit migration snapshot, and a diff
 * that lists every difference as a sentence. db/schema/drift.test.ts uses it
 * to keep db/schema/{sqlite,pg}.ts and their migrations in step.
 */
import { getTableColumns, is, type Table } from "drizzle-orm";
import { getTableConfig as getPgTableConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as getSqliteTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";

export type ColumnShape = {
  notNull: boolean;
  primaryKey: boolean;
  /** The TypeScript property name: one query layer uses both schemas, so these must agree too. */
  key?: string;
  /** drizzle's JS-side data type (string, number, boolean, date, json). */
  dataType?: string;
  enumValues?: string[];
  hasDefault?: boolean;
};

export type TableShape = {
  columns: Record<string, ColumnShape>;
  /** Composite primary keys as "col,col" (single-column keys are on the column). */
  compositePrimaryKeys: string[];
  /** Unique constraints and unique indexes, as "name(col,col)": SQLite has only unique indexes, Postgres both. */
  uniques: string[];
  /** Non-unique indexes, as "name(col,col)". */
  indexes: string[];
  /** "col,col -> table(col,col)". */
  foreignKeys: string[];
};

export type SchemaShape = Record<string, TableShape>;

const entry = (name: string, columns: string[]) => `${name}(${columns.join(",")})`;
const sorted = (list: string[]) => [...list].sort();

function columnName(c: unknown): string {
  return (c as { name?: string }).name ?? "<expression>";
}

/** Shape of every drizzle table exported by a schema module. */
export function shapeOfSchema(schema: Record<string, unknown>): SchemaShape {
  const shape: SchemaShape = {};
  for (const value of Object.values(schema)) {
    if (is(value, PgTable)) shape[getPgTableConfig(value).name] = shapeOfTable(value, "pg");
    else if (is(value, SQLiteTable)) shape[getSqliteTableConfig(value).name] = shapeOfTable(value, "sqlite");
  }
  return shape;
}

function shapeOfTable(table: Table, dialect: "pg" | "sqlite"): TableShape {
  const config = dialect === "pg" ? getPgTableConfig(table as PgTable) : getSqliteTableConfig(table as SQLiteTable);
  const keyOf = new Map(Object.entries(getTableColumns(table)).map(([key, column]) => [column.name, key]));
  const columns: Record<string, ColumnShape> = {};
  const uniques: string[] = [];
  for (const c of config.columns) {
    columns[c.name] = {
      notNull: c.notNull,
      primaryKey: c.primary,
      key: keyOf.get(c.name),
      // Bytes: a buffer blob on SQLite, a bytea custom type on Postgres.
      dataType: c.dataType === "buffer" || c.getSQLType() === "bytea" ? "bytes" : c.dataType,
      enumValues: c.enumValues ? [...c.enumValues] : undefined,
      hasDefault: c.hasDefault,
    };
    if (c.isUnique) uniques.push(entry(c.uniqueName ?? `${config.name}_${c.name}_unique`, [c.name]));
  }
  for (const u of config.uniqueConstraints) uniques.push(entry(u.getName()!, u.columns.map(columnName)));
  const indexes: string[] = [];
  for (const i of config.indexes) {
    const { name, columns: cols, unique } = i.config as { name: string; columns: unknown[]; unique: boolean };
    (unique ? uniques : indexes).push(entry(name, cols.map(columnName)));
  }
  const foreignKeys = config.foreignKeys.map((fk) => {
    const ref = fk.reference();
    const target = dialect === "pg" ? getPgTableConfig(ref.foreignTable as PgTable).name : getSqliteTableConfig(ref.foreignTable as SQLiteTable).name;
    return `${ref.columns.map((c) => c.name).join(",")} -> ${target}(${ref.foreignColumns.map((c) => c.name).join(",")})`;
  });
  return {
    columns,
    compositePrimaryKeys: sorted(config.primaryKeys.map((pk) => pk.columns.map((c) => c.name).join(","))),
    uniques: sorted(uniques),
    indexes: sorted(indexes),
    foreignKeys: sorted(foreignKeys),
  };
}

type SnapshotIndex = { name: string; columns: (string | { expression: string })[]; isUnique: boolean };
type SnapshotTable = {
  name: string;
  columns: Record<string, { name: string; notNull: boolean; primaryKey: boolean }>;
  indexes: Record<string, SnapshotIndex>;
  uniqueConstraints?: Record<string, { name: string; columns: string[] }>;
  compositePrimaryKeys: Record<string, { columns: string[] }>;
  foreignKeys: Record<string, { tableTo: string; columnsFrom: string[]; columnsTo: string[] }>;
};

/** Shape of a drizzle-kit snapshot (meta/NNNN_snapshot.json); only names, nullability, keys and indexes. */
export function shapeOfSnapshot(snapshot: { tables: Record<string, SnapshotTable> }): SchemaShape {
  const shape: SchemaShape = {};
  for (const t of Object.values(snapshot.tables)) {
    const uniques: string[] = [];
    const indexes: string[] = [];
    for (const i of Object.values(t.indexes)) {
      const cols = i.columns.map((c) => (typeof c === "string" ? c : c.expression));
      (i.isUnique ? uniques : indexes).push(entry(i.name, cols));
    }
    for (const u of Object.values(t.uniqueConstraints ?? {})) uniques.push(entry(u.name, u.columns));
    shape[t.name] = {
      columns: Object.fromEntries(Object.values(t.columns).map((c) => [c.name, { notNull: c.notNull, primaryKey: c.primaryKey }])),
      compositePrimaryKeys: sorted(Object.values(t.compositePrimaryKeys).map((pk) => pk.columns.join(","))),
      uniques: sorted(uniques),
      indexes: sorted(indexes),
      foreignKeys: sorted(Object.values(t.foreignKeys).map((fk) => `${fk.columnsFrom.join(",")} -> ${fk.tableTo}(${fk.columnsTo.join(",")})`)),
    };
  }
  return shape;
}

/** Keeps only what a migration snapshot records, so a schema shape can be compared with one. */
export function structuralOnly(shape: SchemaShape): SchemaShape {
  return Object.fromEntries(
    Object.entries(shape).map(([name, t]) => [
      name,
      { ...t, columns: Object.fromEntries(Object.entries(t.columns).map(([c, col]) => [c, { notNull: col.notNull, primaryKey: col.primaryKey }])) },
    ]),
  );
}

const fmt = (v: unknown) => (v === undefined ? "(none)" : JSON.stringify(v));

/**
 * Every difference between two shapes, one readable line each; empty when
 * they agree. `a` and `b` name the sides in the messages.
 */
export function diffShapes(left: SchemaShape, right: SchemaShape, a = "left", b = "right"): string[] {
  const out: string[] = [];
  for (const table of sorted([...new Set([...Object.keys(left), ...Object.keys(right)])])) {
    const l = left[table];
    const r = right[table];
    if (!l || !r) {
      out.push(`table ${table} exists only in ${l ? a : b}`);
      continue;
    }
    for (const column of sorted([...new Set([...Object.keys(l.columns), ...Object.keys(r.columns)])])) {
      const lc = l.columns[column];
      const rc = r.columns[column];
      if (!lc || !rc) {
        out.push(`column ${table}.${column} exists only in ${lc ? a : b}`);
        continue;
      }
      for (const prop of sorted([...new Set([...Object.keys(lc), ...Object.keys(rc)])]) as (keyof ColumnShape)[]) {
        if (JSON.stringify(lc[prop]) !== JSON.stringify(rc[prop])) {
          out.push(`column ${table}.${column}: ${prop} is ${fmt(lc[prop])} in ${a} but ${fmt(rc[prop])} in ${b}`);
        }
      }
    }
    for (const list of ["compositePrimaryKeys", "uniques", "indexes", "foreignKeys"] as const) {
      for (const item of l[list].filter((x) => !r[list].includes(x))) out.push(`${table} ${list}: ${item} only in ${a}`);
      for (const item of r[list].filter((x) => !l[list].includes(x))) out.push(`${table} ${list}: ${item} only in ${b}`);
    }
  }
  return out;
}
