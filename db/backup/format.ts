/**
 * The backup file: NDJSON, gzip-compressed when the name ends in .gz.
 *
 *   {"format":"factdesk-backup","version":1,"dialect":"sqlite","migrations":7,"createdAt":"…","tables":["users",…]}
 *   {"table":"users","row":{…}}            one line per row, tables in foreign-key order
 *   {"table":"users","end":12}             after each table: how many rows it had
 *   {"end":true}                           the file is complete (a truncated copy is refused)
 *
 * Values are the app's own (dialect-neutral) values: booleans as booleans,
 * JSON columns as JSON, timestamps as ISO strings. So a SQLite backup
 * restores into Postgres and back.
 */
import { once } from "node:events";
import fs from "node:fs";
import readline from "node:readline";
import { createGunzip, createGzip } from "node:zlib";
import type { Readable, Writable } from "node:stream";

export const BACKUP_FORMAT = "factdesk-backup";
export const BACKUP_VERSION = 1;

export type BackupHeader = { format: typeof BACKUP_FORMAT; version: number; dialect: string; migrations: number; createdAt: string; tables: string[] };
export type BackupLine = { table: string; row: Record<string, unknown> } | { table: string; end: number } | { end: true };

const gzipped = (file: string) => file.endsWith(".gz");

/** A line writer that respects back-pressure, so large databases stream instead of piling up in memory. */
export function openBackupWriter(file: string): { line(value: unknown): Promise<void>; close(): Promise<void> } {
  const out = fs.createWriteStream(file);
  const sink: Writable = gzipped(file) ? createGzip() : out;
  if (sink !== out) (sink as Readable & Writable).pipe(out);
  return {
    line: async (value) => {
      // events.once rejects on "error" and removes its listeners either way.
      if (!sink.write(`${JSON.stringify(value)}\n`)) await once(sink, "drain");
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        out.once("finish", resolve).once("error", reject);
        sink.end();
      }),
  };
}

export async function* readBackupLines(file: string): AsyncGenerator<unknown> {
  const input: Readable = gzipped(file) ? fs.createReadStream(file).pipe(createGunzip()) : fs.createReadStream(file);
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const text of lines) {
    n++;
    if (!text.trim()) continue;
    try {
      yield JSON.parse(text);
    } catch {
      throw new Error(`${file}: line ${n} is not JSON; the backup is damaged`);
    }
  }
}
