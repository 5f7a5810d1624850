/**
 * Turning fetched bytes into text: a byte-order mark wins, then the HTTP
 * charset, then a <meta> declaration in the first bytes of an HTML page,
 * then UTF-8 if the bytes are valid UTF-8, else windows-1252 (what browsers
 * assume for legacy pages). iconv-lite, because Node's TextDecoder treats
 * windows-1252 as Latin-1 and so loses curly quotes and the euro sign.
 */
import iconv from "iconv-lite";

/** How far into an HTML page a <meta charset> is looked for (the HTML spec's prescan uses 1024; real pages are sloppier). */
const META_SCAN_BYTES = 4096;

export function decodeBody(body: Buffer, contentType: string, headerCharset: string | null): { text: string; charset: string } {
  const bom = sniffBom(body);
  if (bom) return { text: iconv.decode(body.subarray(bom.length), bom.charset), charset: bom.charset };
  const candidates = [headerCharset, contentType === "text/plain" ? null : metaCharset(body)];
  for (const label of candidates) {
    const charset = label?.trim().toLowerCase();
    if (charset && iconv.encodingExists(charset)) {
      // A page that says UTF-16 in a <meta> is ASCII-compatible in fact (the spec says to read it as UTF-8).
      const effective = /^utf-?16/.test(charset) && label !== headerCharset ? "utf-8" : charset;
      return { text: iconv.decode(body, effective), charset: effective };
    }
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), charset: "utf-8" };
  } catch {
    return { text: iconv.decode(body, "windows-1252"), charset: "windows-1252" };
  }
}

function sniffBom(body: Buffer): { charset: string; length: number } | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return { charset: "utf-8", length: 3 };
  if (body[0] === 0xfe && body[1] === 0xff) return { charset: "utf-16be", length: 2 };
  if (body[0] === 0xff && body[1] === 0xfe) return { charset: "utf-16le", length: 2 };
  return null;
}

/** <meta charset="…"> or <meta http-equiv="content-type" content="…; charset=…"> near the top of the page. */
function metaCharset(body: Buffer): string | null {
  const head = body.subarray(0, META_SCAN_BYTES).toString("latin1");
  const direct = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:-]+)/i.exec(head);
  return direct?.[1] ?? null;
}
