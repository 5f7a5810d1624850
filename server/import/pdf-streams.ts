/**
 * A decompression-bomb check before pdf.js sees a file. Text is read from
 * Flate-compressed content streams (and fonts), which deflate up to 1000:1:
 * a 3 MB upload can unpack to 3 GB, which pdf.js would hold in memory and
 * parse until the time limit stopped it. Counting what every such stream
 * unpacks to, up to a budget, refuses that file in about a second.
 * Image streams are skipped (text extraction never decodes them), and so is
 * anything not plainly Flate (encrypted streams, LZW, nested filters):
 * those still meet the worker's time and heap limits.
 */
import { promisify } from "node:util";
import zlib from "node:zlib";

/** Far above the content and fonts of any 300-page report (tens of MB), far below what would strain the server. */
export const MAX_PDF_UNPACKED_BYTES = 256 * 1024 * 1024;

const inflate = promisify(zlib.inflate);
const STREAM = Buffer.from("stream");
const END_STREAM = Buffer.from("endstream");
/** A stream's dictionary comes right before its data; no real one is this long. */
const DICT_WINDOW = 4096;

/** What `data` inflates to, counting at most `limit` + 1 bytes; damaged data counts for what came out before the damage. */
async function inflatedLength(data: Buffer, limit: number): Promise<number> {
  try {
    // Off the event loop (zlib's thread pool), and cut off past the limit.
    return (await inflate(data, { maxOutputLength: limit + 1, finishFlush: zlib.constants.Z_SYNC_FLUSH })).length;
  } catch (error) {
    return (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? limit + 1 : 0;
  }
}

/** Whether the file's Flate-compressed, non-image streams together unpack to more than `limit` bytes. */
export async function unpacksTooLarge(bytes: Uint8Array, limit = MAX_PDF_UNPACKED_BYTES): Promise<boolean> {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let total = 0;
  for (let at = file.indexOf(STREAM); at !== -1; at = file.indexOf(STREAM, at + STREAM.length)) {
    const isEnd = at >= 3 && file.toString("latin1", at - 3, at) === "end";
    const dict = file.toString("latin1", Math.max(0, at - DICT_WINDOW), at);
    const ownDict = dict.slice(dict.lastIndexOf(" obj") + 1);
    if (isEnd || !/\/FlateDecode\b|\/Fl\b/.test(ownDict) || /\/Subtype\s*\/Image\b/.test(ownDict)) continue;
    const start = at + STREAM.length + (file[at + STREAM.length] === 0x0d ? 2 : 1);
    const end = file.indexOf(END_STREAM, start);
    total += await inflatedLength(file.subarray(start, end === -1 ? file.length : end), limit - total);
    if (total > limit) return true;
    if (end !== -1) at = end + END_STREAM.length - STREAM.length;
  }
  return false;
}
