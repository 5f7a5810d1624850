/**
 * "Full export": the whole organisation as one ZIP of documented CSV files
 * (what and why: ./csv-schema.ts; value rules: ./csv-values.ts).
 *
 *   README.md          generated from the schema (./csv-readme.ts)
 *   <table>.csv        one per table, parents first, rows in primary-key order
 *   manifest.json      format, version, migration level, time, row counts
 *
 * Built as a stream: rows are read a page at a time (pages sized to stay
 * around a few MB of CSV whatever the rows weigh), deflated as they come
 * (fflate's streaming Zip), and every chunk is handed to the output before
 * the next page is read, waiting whenever the output is full. So memory stays
 * bounded by a page, not the database. The manifest comes last because only
 * then are the row counts known; readers use the ZIP's central directory.
 */
import type { Writable } from "node:stream";
import { Zip, ZipDeflate } from "fflate";
import type { Database } from "../client";
import { assertAllTablesKnown, inReadSnapshot, tableRows } from "./export";
import { exportReadme } from "./csv-readme";
import { CSV_EXPORT_FORMAT, CSV_EXPORT_VERSION, csvTables, LEFT_OUT_TABLES, SECRET_COLUMNS } from "./csv-schema";
import { csvHeader, csvLine } from "./csv-values";
import { backupTables } from "./tables";

export type CsvExportManifest = {
  format: typeof CSV_EXPORT_FORMAT;
  version: number;
  /** How many migrations the source database had: a Factdesk with fewer cannot read the export. */
  migrations: number;
  dialect: Database["dialect"];
  exportedAt: string;
  tables: { name: string; file: string; rows: number }[];
  leftOut: { tables: string[]; columns: string[] };
};

/** A stream (back-pressure respected) or a function that takes each chunk (awaited when it returns a promise). */
export type ExportOutput = Writable | ((chunk: Uint8Array) => void | Promise<void>);

export type CsvExportResult = { counts: Record<string, number>; zipBytes: number; csvBytes: number };

/** Bytes of CSV per page of rows to aim for; the first page of each table is small until its rows' size is known. */
const PAGE_BYTES = 4 * 1024 * 1024;
const FIRST_PAGE = 100;
const MAX_PAGE = 2000;
/** Text is handed to the deflater in pieces about this big (fewer, larger deflate calls). */
const PIECE_BYTES = 256 * 1024;
/** fflate writes classic ZIP (no ZIP64): no entry, and no archive, may reach 4 GiB. */
const ZIP_LIMIT = 0xffff_ffff - 1024 * 1024;

function chunkWriter(output: ExportOutput): (chunk: Uint8Array) => Promise<void> {
  if (typeof output === "function") return async (chunk) => void (await output(chunk));
  return async (chunk) => {
    if (output.destroyed || output.writableEnded) throw new Error("export: the output closed before the export was complete (a cancelled download?)");
    if (output.write(chunk)) return;
    // Waits for room; a destroyed output (client went away) never drains, so "close" ends the wait too.
    await new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        output.off("drain", onDrain).off("close", onClose).off("error", done);
        if (error) reject(error);
        else resolve();
      };
      const onDrain = () => done();
      const onClose = () => done(new Error("export: the output closed before the export was complete (a cancelled download?)"));
      output.on("drain", onDrain).on("close", onClose).on("error", done);
    });
  };
}

export async function exportCsvZip(database: Database, output: ExportOutput, options: { level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 } = {}): Promise<CsvExportResult> {
  const tables = csvTables();
  await assertAllTablesKnown(database, backupTables());
  const { applied } = await database.migrations();
  const write = chunkWriter(output);
  const encoder = new TextEncoder();

  // fflate calls back synchronously as it deflates; chunks wait here until flushed to the output.
  let ready: Uint8Array[] = [];
  let failure: Error | null = null;
  let zipBytes = 0;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else ready.push(chunk);
  });
  const flush = async () => {
    if (failure) throw failure;
    const chunks = ready;
    ready = [];
    for (const chunk of chunks) {
      zipBytes += chunk.length;
      if (zipBytes > ZIP_LIMIT) throw new Error("export: the export would be larger than 4 GB, more than a ZIP file without ZIP64 can hold");
      await write(chunk);
    }
  };

  let csvBytes = 0;
  /** One file: `fill` hands it text; it is deflated and flushed piece by piece. */
  const addFile = async (name: string, fill: (put: (text: string) => Promise<void>) => Promise<void>) => {
    const file = new ZipDeflate(name, { level: options.level ?? 6 });
    zip.add(file);
    let pending = "";
    let size = 0;
    const push = async (final: boolean) => {
      const bytes = encoder.encode(pending);
      pending = "";
      size += bytes.length;
      if (size > ZIP_LIMIT) throw new Error(`export: ${name} would be larger than 4 GB, more than a ZIP file without ZIP64 can hold`);
      file.push(bytes, final);
      await flush();
    };
    await fill(async (text) => {
      pending += text;
      if (pending.length >= PIECE_BYTES) await push(false);
    });
    await push(true);
    csvBytes += size;
  };

  await addFile("README.md", async (put) => put(exportReadme(tables)));
  const exportedAt = new Date().toISOString();
  const counts: Record<string, number> = {};
  await inReadSnapshot(database, async (db) => {
    for (const table of tables) {
      let rows = 0;
      let page = FIRST_PAGE;
      await addFile(table.file, async (put) => {
        await put(csvHeader(table.columns));
        for await (const batch of tableRows(database, db, table, () => page)) {
          let bytes = 0;
          for (const row of batch) {
            const line = csvLine(row, table.columns);
            bytes += line.length;
            await put(line);
          }
          rows += batch.length;
          // Size the next page so it holds about PAGE_BYTES of CSV: big snapshots come a few at a time, claims by the thousand.
          page = Math.max(1, Math.min(MAX_PAGE, Math.floor((batch.length * PAGE_BYTES) / Math.max(1, bytes))));
        }
      });
      counts[table.name] = rows;
    }
  });

  const manifest: CsvExportManifest = {
    format: CSV_EXPORT_FORMAT,
    version: CSV_EXPORT_VERSION,
    migrations: applied,
    dialect: database.dialect,
    exportedAt,
    tables: tables.map((t) => ({ name: t.name, file: t.file, rows: counts[t.name] ?? 0 })),
    leftOut: { tables: Object.keys(LEFT_OUT_TABLES), columns: Object.keys(SECRET_COLUMNS) },
  };
  await addFile("manifest.json", async (put) => put(`${JSON.stringify(manifest, null, 2)}\n`));
  zip.end();
  await flush();
  return { counts, zipBytes, csvBytes };
}
