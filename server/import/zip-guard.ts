/**
 * Checks a .docx (a zip archive) before mammoth unpacks it: mammoth inflates
 * every part into memory, so a 2 MB "zip bomb" that expands to gigabytes
 * would take the server down. Here each entry is inflated with a hard output
 * cap (zlib's maxOutputLength), so the declared sizes in the archive — which
 * an attacker controls — are never trusted.
 */
import { inflateRawSync } from "node:zlib";

/** Text, styles and images of any real article are far below this once unpacked. */
export const MAX_DOCX_UNPACKED_BYTES = 64 * 1024 * 1024;
const MAX_ENTRIES = 2000;

export type ZipProblem = "damaged" | "too_large";

/** Returns what is wrong with the archive, or null when it is safe to hand to mammoth. */
export function checkZip(bytes: Buffer, limit = MAX_DOCX_UNPACKED_BYTES): ZipProblem | null {
  try {
    return scan(bytes, limit);
  } catch {
    return "damaged";
  }
}

function scan(bytes: Buffer, limit: number): ZipProblem | null {
  // End of central directory: the last 22 bytes, unless an archive comment (≤ 64 KB) follows it.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return "damaged";
  const entries = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  // ZIP64 markers: no Word document needs 4 GB parts or 65,535 entries.
  if (entries === 0xffff || at === 0xffffffff || entries > MAX_ENTRIES) return "too_large";
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (bytes.readUInt32LE(at) !== 0x02014b50) return "damaged";
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    if (compressedSize === 0xffffffff || localOffset === 0xffffffff) return "too_large";
    if (bytes.readUInt32LE(localOffset) !== 0x04034b50) return "damaged";
    const dataStart = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    const data = bytes.subarray(dataStart, dataStart + compressedSize);
    if (data.length !== compressedSize) return "damaged";
    if (method === 0) total += compressedSize;
    else if (method === 8) {
      try {
        total += inflateRawSync(data, { maxOutputLength: Math.max(1, limit - total) }).length;
      } catch (error) {
        if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError) return "too_large";
        return "damaged";
      }
    } else return "damaged"; // Word writes only stored and deflated parts.
    if (total > limit) return "too_large";
    at += 46 + nameLength + extraLength + commentLength;
  }
  return null;
}
