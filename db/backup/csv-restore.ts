/**
 * Restores a CSV export (./csv-export.ts) into an empty Factdesk of either
 * dialect, in one transaction: all of it or nothing. Each file is inflated
 * and parsed as a stream (./zip-entries.ts, csv-parse), its values turned
 * back into the app's by column type (./csv-values.ts), and inserted in
 * batches (./bulk-insert.ts), parents first. What the export leaves out stays out: secret
 * columns restore as null (users get no password; see the README's "Users
 * and passwords"), left-out tables restore empty.
 */
import { parse } from "csv-parse";
import type { Database, Db } from "../client";
import { bulkInserter, type Inserter } from "./bulk-insert";
import { newId } from "../../lib/ids";
import type { CsvExportManifest } from "./csv-export";
import { CSV_EXPORT_FORMAT, CSV_EXPORT_VERSION, csvTables, type CsvColumn, type CsvTable } from "./csv-schema";
import { CsvValueError, decodeValue, quotedEmptyFields } from "./csv-values";
import { assertAllTablesKnown } from "./export";
import { assertEmpty, finishRestore } from "./restore";
import { backupTables } from "./tables";
import { newBudget, openZipEntry, readZipDirectory, readZipText, ZipProblem, type InflateBudget, type ZipEntry } from "./zip-entries";

export type CsvRestoreOptions = {
  /**
   * Email → password hash (server/password.ts hashPassword) for users who
   * should be able to sign in with a password at once: without it nobody
   * can, since the export has no password hashes.
   */
  passwords?: Record<string, string>;
  /** Refuse an archive that inflates past this many bytes (zip-entries.ts MAX_UNPACKED_BYTES by default). */
  maxUnpackedBytes?: number;
};

/** Rows are inserted in batches of at most this many rows or (roughly) bytes of CSV, so big snapshots do not pile up. */
const BATCH_ROWS = 1000;
const BATCH_BYTES = 4 * 1024 * 1024;

const PASSWORD_COLUMN: CsvColumn = { prop: "passwordHash", name: "password_hash", kind: "text", nullable: true, primaryKey: false };

const fail = (message: string) => new Error(`restore: ${message}`);

async function readManifest(zipPath: string, entries: Map<string, ZipEntry>, budget: InflateBudget, expected: number): Promise<CsvExportManifest> {
  const entry = entries.get("manifest.json");
  if (!entry) throw fail(`${zipPath} has no manifest.json, so it is not a Factdesk export (or not a whole one)`);
  let manifest: CsvExportManifest;
  try {
    manifest = JSON.parse(await readZipText(zipPath, entry, budget)) as CsvExportManifest;
  } catch (error) {
    if (error instanceof ZipProblem) throw error;
    throw fail(`the manifest.json in ${zipPath} is not valid JSON`);
  }
  if (manifest?.format !== CSV_EXPORT_FORMAT) throw fail(`${zipPath} is not a Factdesk export (its manifest.json names no "${CSV_EXPORT_FORMAT}" format)`);
  if (typeof manifest.version !== "number" || manifest.version > CSV_EXPORT_VERSION) throw fail(`${zipPath} has export format version ${manifest.version}; this Factdesk reads up to ${CSV_EXPORT_VERSION}. Use a newer Factdesk.`);
  if (manifest.migrations > expected) throw fail(`${zipPath} was made at migration level ${manifest.migrations}; this Factdesk has ${expected}. Use a newer Factdesk.`);
  if (!Array.isArray(manifest.tables)) throw fail(`the manifest.json in ${zipPath} lists no tables`);
  return manifest;
}

/** Which files to read, in foreign-key order, each with the row count the manifest promises. Anything unexpected is refused. */
function plan(zipPath: string, manifest: CsvExportManifest, entries: Map<string, ZipEntry>): { table: CsvTable; entry: ZipEntry; rows: number }[] {
  const known = new Map(csvTables().map((t) => [t.name, t]));
  const unknown = manifest.tables.filter((t) => !known.has(t.name) || known.get(t.name)!.file !== t.file).map((t) => t.name);
  if (unknown.length) throw fail(`${zipPath} has tables this Factdesk does not know or does not restore (${unknown.join(", ")})`);
  const listed = new Set(["README.md", "manifest.json", ...manifest.tables.map((t) => t.file)]);
  const extra = [...entries.keys()].filter((name) => !listed.has(name));
  if (extra.length) throw fail(`${zipPath} has files the manifest does not list (${extra.join(", ")}); it is not an unchanged Factdesk export`);
  const rows = new Map(manifest.tables.map((t) => [t.name, t.rows]));
  return csvTables()
    .filter((t) => rows.has(t.name))
    .map((table) => {
      const entry = entries.get(table.file);
      if (!entry) throw fail(`${zipPath} has no ${table.file}, which its manifest lists; the export is incomplete`);
      return { table, entry, rows: rows.get(table.name)! };
    });
}

/** Maps the header to the table's columns: unknown or repeated columns are refused; missing ones only in an export older than this Factdesk. */
function readHeader(file: string, header: (string | null)[], table: CsvTable, sameLevel: boolean): CsvColumn[] {
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const unknown = header.filter((name) => !name || !byName.has(name));
  if (unknown.length) throw fail(`${file} has columns this Factdesk does not know (${unknown.map((n) => n || "(empty)").join(", ")}); expected only ${table.columns.map((c) => c.name).join(", ")}`);
  if (new Set(header).size !== header.length) throw fail(`${file} names a column twice in its header`);
  const missing = table.columns.filter((c) => !header.includes(c.name));
  if (missing.length && sameLevel) throw fail(`${file} lacks the columns ${missing.map((c) => c.name).join(", ")}; the export was changed after it was made`);
  return header.map((name) => byName.get(name!)!);
}

async function restoreTable(tx: Db, database: Database, zipPath: string, item: { table: CsvTable; entry: ZipEntry; rows: number }, budget: InflateBudget, sameLevel: boolean, passwords: Map<string, string>): Promise<number> {
  const { table, entry } = item;
  // `raw` tells an empty text ("") from null (an empty field); `info` gives the line a record ends on, for messages.
  const parser = parse({ bom: true, info: true, raw: true });
  const source = await openZipEntry(zipPath, entry, budget);
  source.on("error", (error) => parser.destroy(error));
  source.pipe(parser);
  let columns: CsvColumn[] | undefined;
  let insert: Inserter | undefined;
  let pending: Record<string, unknown>[] = [];
  let pendingBytes = 0;
  let count = 0;
  // One batch is written while the next is parsed (Postgres works in its own process meanwhile); at most one waits.
  let writing: Promise<void> = Promise.resolve();
  const send = async (rows: Record<string, unknown>[]) => {
    await writing;
    writing = insert!(rows);
    writing.catch(() => undefined); // awaited (and thrown) by the next send or at the end
  };
  try {
    for await (const { record, info, raw } of parser as AsyncIterable<{ record: string[]; info: { lines: number }; raw: string }>) {
      if (!columns) {
        columns = readHeader(table.file, record, table, sameLevel);
        // The one secret a restore may write: the passwords given for it (users.csv never has the column).
        const withPasswords = table.name === "users" && passwords.size > 0;
        insert = bulkInserter(tx, database, table, withPasswords ? [...columns, PASSWORD_COLUMN] : columns);
        continue;
      }
      const where = `${table.file} line ${info.lines}`;
      const row: Record<string, unknown> = {};
      const emptyTexts = quotedEmptyFields(raw);
      columns.forEach((column, i) => {
        const field = record[i] ?? "";
        row[column.prop] = decodeValue(field === "" && !emptyTexts?.has(i) ? null : field, column, where);
      });
      if (table.name === "users" && passwords.size) row.passwordHash = passwords.get(String(row.email).toLowerCase()) ?? null;
      pending.push(row);
      pendingBytes += raw.length;
      count++;
      if (pending.length >= BATCH_ROWS || pendingBytes >= BATCH_BYTES) {
        await send(pending);
        pending = [];
        pendingBytes = 0;
      }
    }
  } catch (error) {
    source.destroy();
    await writing.catch(() => undefined);
    if (error instanceof CsvValueError || error instanceof ZipProblem) throw fail(error.message);
    if ((error as { code?: string }).code?.startsWith("CSV_")) throw fail(`${table.file} is not valid CSV: ${(error as Error).message}`);
    throw error;
  }
  if (!columns || !insert) throw fail(`${table.file} is empty; even a table without rows has a header line`);
  if (pending.length) await send(pending);
  await writing;
  if (count !== item.rows) throw fail(`${table.file} has ${count} rows but the manifest says ${item.rows}; the export is damaged`);
  return count;
}

/** Restores `zipPath` into `database`, which must be empty; returns the rows restored per table. */
export async function restoreCsvZip(database: Database, zipPath: string, options: CsvRestoreOptions = {}): Promise<Record<string, number>> {
  await assertAllTablesKnown(database, backupTables());
  await assertEmpty(database);
  let directory: ZipEntry[];
  try {
    directory = await readZipDirectory(zipPath);
  } catch (error) {
    if (error instanceof ZipProblem) throw fail(error.message);
    throw fail(`cannot read ${zipPath} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const entries = new Map(directory.map((e) => [e.name, e]));
  if (entries.size !== directory.length) throw fail(`${zipPath} holds two files of the same name; it is not a Factdesk export`);
  const budget = newBudget(options.maxUnpackedBytes);
  const { expected } = await database.migrations();
  const manifest = await readManifest(zipPath, entries, budget, expected).catch((error: Error) => {
    throw error instanceof ZipProblem ? fail(error.message) : error;
  });
  const items = plan(zipPath, manifest, entries);
  const passwords = new Map(Object.entries(options.passwords ?? {}).map(([email, hash]) => [email.trim().toLowerCase(), hash]));

  const counts: Record<string, number> = {};
  await database.transaction(async (tx) => {
    for (const item of items) counts[item.table.name] = await restoreTable(tx, database, zipPath, item, budget, manifest.migrations >= expected, passwords);
    if (passwords.size) await recordPasswords(tx, database, passwords);
    await finishRestore(tx, database.dialect);
  });
  return counts;
}

/** Every email given a password must be a restored user; each gets the audit event an admin's "Set password" records (db/queries/users.ts setUserPassword). */
async function recordPasswords(tx: Db, database: Database, passwords: Map<string, string>): Promise<void> {
  const { t } = database;
  const users = await tx.select({ id: t.users.id, email: t.users.email }).from(t.users);
  const byEmail = new Map(users.map((u) => [u.email.toLowerCase(), u.id]));
  const unknown = [...passwords.keys()].filter((email) => !byEmail.has(email));
  if (unknown.length) throw fail(`the export has no user with the email ${unknown.join(", ")}, so no password was set; nothing was restored`);
  const createdAt = new Date();
  await tx.insert(t.auditEvents).values(
    [...passwords.keys()].map((email) => ({ id: newId(), actorId: null, action: "user.password_set", entityType: "user", entityId: byEmail.get(email)!, before: null, after: { reason: "password given while restoring a CSV export" }, createdAt })),
  );
}
