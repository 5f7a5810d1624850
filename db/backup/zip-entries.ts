/**
 * Reads a ZIP file from disk one entry at a time, as a stream, for restoring
 * a CSV export (./csv-restore.ts). The same distrust as server/import/zip-guard.ts
 * (which checks uploads held in memory): sizes in the archive are only
 * claims, so every entry's inflated bytes are counted as they come out and
 * must match what the central directory says, and the whole archive may
 * not inflate past a cap. Unlike the guard it never holds an entry in
 * memory, so exports of any size restore in bounded memory.
 */
import fs from "node:fs";
import { Transform, type Readable } from "node:stream";
import { createInflateRaw } from "node:zlib";

export type ZipEntry = { name: string; method: number; compressedSize: number; size: number; localOffset: number };

/** What an export of a very large organisation unpacks to is far below this. */
export const MAX_UNPACKED_BYTES = 32 * 1024 ** 3;
const MAX_ENTRIES = 1000;

export class ZipProblem extends Error {}

async function readAt(handle: fs.promises.FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** The entries listed in the central directory. Refuses damaged archives and ZIP64 (exports stay below 4 GB). */
export async function readZipDirectory(file: string): Promise<ZipEntry[]> {
  const damaged = () => new ZipProblem(`${file} is not a ZIP file, or it is damaged or incomplete`);
  const handle = await fs.promises.open(file, "r");
  try {
    const { size } = await handle.stat();
    // End of central directory: the last 22 bytes, unless an archive comment (≤ 64 KB) follows it.
    const tailStart = Math.max(0, size - 22 - 0xffff);
    const tail = await readAt(handle, tailStart, size - tailStart);
    let eocd = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw damaged();
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipProblem(`${file} is a ZIP64 archive; a Factdesk export never is`);
    if (count > MAX_ENTRIES) throw new ZipProblem(`${file} has ${count} entries; a Factdesk export has a few dozen`);
    if (dirOffset + dirSize > size) throw damaged();
    const dir = await readAt(handle, dirOffset, dirSize);
    const entries: ZipEntry[] = [];
    for (let at = 0, n = 0; n < count; n++) {
      if (at + 46 > dir.length || dir.readUInt32LE(at) !== 0x02014b50) throw damaged();
      const nameLength = dir.readUInt16LE(at + 28);
      const entry: ZipEntry = {
        name: dir.subarray(at + 46, at + 46 + nameLength).toString("utf8"),
        method: dir.readUInt16LE(at + 10),
        compressedSize: dir.readUInt32LE(at + 20),
        size: dir.readUInt32LE(at + 24),
        localOffset: dir.readUInt32LE(at + 42),
      };
      if (entry.compressedSize === 0xffffffff || entry.size === 0xffffffff || entry.localOffset === 0xffffffff) throw new ZipProblem(`${file} is a ZIP64 archive; a Factdesk export never is`);
      if (entry.method !== 0 && entry.method !== 8) throw new ZipProblem(`${file}: ${entry.name} is compressed in a way Factdesk does not read (method ${entry.method})`);
      if (entry.localOffset + 30 + entry.compressedSize > size) throw damaged();
      entries.push(entry);
      at += 46 + nameLength + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** Shared by the entries of one archive: how many bytes may still be inflated. */
export type InflateBudget = { remaining: number; limit: number };

export function newBudget(limit = MAX_UNPACKED_BYTES): InflateBudget {
  return { remaining: limit, limit };
}

/** One entry's contents as a stream of bytes, failing with a ZipProblem past the budget or when it differs from its stated size. */
export async function openZipEntry(file: string, entry: ZipEntry, budget: InflateBudget): Promise<Readable> {
  const handle = await fs.promises.open(file, "r");
  let header: Buffer;
  try {
    header = await readAt(handle, entry.localOffset, 30);
  } finally {
    await handle.close();
  }
  if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) throw new ZipProblem(`${file}: ${entry.name} is damaged`);
  const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const raw = fs.createReadStream(file, { start, end: start + entry.compressedSize - 1 });
  let seen = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      budget.remaining -= chunk.length;
      if (budget.remaining < 0) return done(new ZipProblem(`${file} unpacks to more than ${budget.limit} bytes; refusing it`));
      if (seen > entry.size) return done(new ZipProblem(`${file}: ${entry.name} is larger than the archive says; it is damaged`));
      done(null, chunk);
    },
    flush(done) {
      done(seen === entry.size ? null : new ZipProblem(`${file}: ${entry.name} is shorter than the archive says; it is damaged`));
    },
  });
  // pipe() does not forward errors: a read error or a bad deflate stream must reach the stream the caller reads.
  raw.on("error", (error) => counter.destroy(new ZipProblem(`${file}: could not read ${entry.name} (${error.message})`)));
  // A reader that stops early (a bad row) must not leave the file open.
  counter.on("close", () => raw.destroy());
  if (entry.method === 0) return raw.pipe(counter);
  const inflate = createInflateRaw();
  inflate.on("error", () => counter.destroy(new ZipProblem(`${file}: ${entry.name} is damaged (its compressed data does not inflate)`)));
  return raw.pipe(inflate).pipe(counter);
}

/** A whole (small) entry as text: the manifest. */
export async function readZipText(file: string, entry: ZipEntry, budget: InflateBudget, maxBytes = 16 * 1024 * 1024): Promise<string> {
  if (entry.size > maxBytes) throw new ZipProblem(`${file}: ${entry.name} is unexpectedly large`);
  const chunks: Buffer[] = [];
  for await (const chunk of await openZipEntry(file, entry, budget)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
