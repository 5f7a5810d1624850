/**
 * Restores a backup file into an empty database of either dialect, in one
 * transaction: all of it or nothing. The target is migrated first (by
 * openDatabase); the audit log's append-only triggers allow the inserts;
 * search indexes follow the rows (SQLite's FTS table through its triggers,
 * rebuilt at the end anyway; Postgres' GIN index is an expression index).
 * Ids are text, so there are no sequences to move.
 */
import { count, sql } from "drizzle-orm";
import type { Database, Db } from "../client";
import { assertAllTablesKnown } from "./export";
import { BACKUP_FORMAT, BACKUP_VERSION, readBackupLines, type BackupHeader, type BackupLine } from "./format";
import { backupTables } from "./tables";

/** Rows per INSERT: well inside SQLite's 32,766 and Postgres' 65,535 bound parameters for tables of ~20 columns. */
const BATCH = 500;

export async function assertEmpty(database: Database): Promise<void> {
  for (const table of backupTables()) {
    const [row] = (await database.db.select({ n: count() }).from(database.t[table.key] as never)) as { n: number }[];
    if (Number(row?.n ?? 0) > 0) throw new Error(`restore: the target database is not empty (${table.name} has ${row!.n} rows). Restore into a new, empty database.`);
  }
}

/**
 * `allowNonEmpty` adds the backup's rows to what is there (e.g. a database
 * where the app already made its first admin). Any row that collides with an
 * existing one aborts the whole restore: the transaction leaves nothing behind.
 */
export async function restoreBackup(database: Database, file: string, options: { allowNonEmpty?: boolean } = {}): Promise<Record<string, number>> {
  const tables = backupTables();
  const byName = new Map(tables.map((t) => [t.name, t]));
  await assertAllTablesKnown(database, tables);
  if (!options.allowNonEmpty) await assertEmpty(database);
  const lines = readBackupLines(file);
  const first = (await lines.next()).value as BackupHeader | undefined;
  if (first?.format !== BACKUP_FORMAT) throw new Error(`restore: ${file} is not a Factdesk backup`);
  if (first.version > BACKUP_VERSION) throw new Error(`restore: ${file} has format version ${first.version}; this Factdesk reads up to ${BACKUP_VERSION}. Use a newer Factdesk.`);
  const { expected } = await database.migrations();
  if (first.migrations > expected) throw new Error(`restore: ${file} was made at migration level ${first.migrations}; this Factdesk has ${expected}. Use a newer Factdesk.`);
  const unknown = first.tables.filter((n) => !byName.has(n));
  if (unknown.length) throw new Error(`restore: ${file} has tables this Factdesk does not know (${unknown.join(", ")})`);

  const counts: Record<string, number> = {};
  await database.transaction(async (tx) => {
    let pending: Record<string, unknown>[] = [];
    let current: string | undefined;
    let complete = false;
    const flush = async () => {
      if (!current || pending.length === 0) return;
      await tx.insert(database.t[byName.get(current)!.key] as never).values(pending as never);
      pending = [];
    };
    for await (const value of lines) {
      const line = value as BackupLine;
      if ("end" in line && line.end === true) {
        complete = true;
        break;
      }
      const l = line as { table: string; row?: Record<string, unknown>; end?: number };
      const table = byName.get(l.table);
      if (!table) throw new Error(`restore: unknown table ${l.table} in ${file}`);
      if (l.table !== current) {
        await flush();
        current = l.table;
      }
      if (l.row) {
        const row = { ...l.row };
        for (const prop of table.timestamps) if (typeof row[prop] === "string") row[prop] = new Date(row[prop] as string);
        pending.push(row);
        counts[l.table] = (counts[l.table] ?? 0) + 1;
        if (pending.length >= BATCH) await flush();
      } else if (typeof l.end === "number") {
        await flush();
        counts[l.table] ??= 0;
        if ((counts[l.table] ?? 0) !== l.end) throw new Error(`restore: ${l.table} should have ${l.end} rows in ${file} but has ${counts[l.table] ?? 0}; the backup is damaged`);
      }
    }
    // A copy cut short (disk full, interrupted transfer) must not restore as if it were the whole database.
    if (!complete) throw new Error(`restore: ${file} ends before its end marker; the backup is incomplete`);
    await finishRestore(tx, database.dialect);
  });
  return counts;
}

/** What every restore does once the rows are in, inside its transaction: this file's and the CSV export's (./csv-restore.ts). */
export async function finishRestore(tx: Db, dialect: Database["dialect"]): Promise<void> {
  await numberUnnumberedClaims(tx, dialect);
  if (dialect === "sqlite") await rebuildSqliteSearch(tx);
}

/**
 * A backup made before claims had a stable number restores them with the column's default, 0: number them by
 * creation within their article, as the migration that added the column numbered existing claims.
 */
async function numberUnnumberedClaims(tx: Db, dialect: Database["dialect"]): Promise<void> {
  const statement = sql`
    update claims set number = (
      select count(*) from claims as earlier
      where earlier.article_id = claims.article_id
        and (earlier.created_at < claims.created_at or (earlier.created_at = claims.created_at and earlier.id <= claims.id))
    )
    where number = 0`;
  if (dialect === "sqlite") (tx as unknown as { run(q: typeof statement): unknown }).run(statement);
  else await tx.execute(statement);
}

async function rebuildSqliteSearch(tx: Db): Promise<void> {
  const run = (q: ReturnType<typeof sql>) => (tx as unknown as { run(q: ReturnType<typeof sql>): unknown }).run(q);
  run(sql`insert into claims_fts(claims_fts) values ('rebuild')`);
  run(sql`insert into prior_fact_checks_fts(prior_fact_checks_fts) values ('rebuild')`);
}
