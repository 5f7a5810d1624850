/**
 * Canonical text: the single source of truth for anchoring (DESIGN.md).
 * Blocks are plain text, NFC-normalized with whitespace collapsed; the
 * snapshot's canonical text is the blocks joined by BLOCK_SEPARATOR.
 * All offsets exposed here are Unicode code points, as W3C anchors require;
 * UTF-16 offsets appear only at the DOM edge (see toUtf16 / fromUtf16).
 */
export const BLOCK_KINDS = ["heading", "paragraph", "list_item", "quote"] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];
/**
 * Where a block is in a source that is not a web page: the PDF page it starts on (1-based), or the transcript's
 * speaker and the time the turn starts and ends (milliseconds from the start of the recording). Not part of the
 * canonical text: anchoring never reads it.
 */
export type BlockPlace = { page?: number; speaker?: string; startMs?: number; endMs?: number };
export type Block = { kind: BlockKind; text: string; place?: BlockPlace };

export const BLOCK_SEPARATOR = "\n\n";
const SEPARATOR_LENGTH = 2;

/** NFC, every whitespace run (NBSP, tabs, newlines included) to one space, trimmed. */
export function normalizeText(raw: string): string {
  return raw.normalize("NFC").replace(/[\s\u00a0\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]+/gu, " ").trim();
}

/** Normalizes every block and drops the ones left empty. */
export function normalizeBlocks(blocks: Block[]): Block[] {
  return blocks.map((b) => ({ ...b, text: normalizeText(b.text) })).filter((b) => b.text.length > 0);
}

export function canonicalText(blocks: Block[]): string {
  return blocks.map((b) => b.text).join(BLOCK_SEPARATOR);
}

/** Length in code points (what W3C TextPositionSelector counts). */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) n++;
    else {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      n++;
    }
  }
  return n;
}

/** Converts a code-point offset in `s` to a UTF-16 index. */
export function toUtf16(s: string, codePoints: number): number {
  let i = 0;
  for (let n = 0; n < codePoints && i < s.length; n++) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
  }
  return i;
}

/** Converts a UTF-16 index in `s` to a code-point offset. */
export function fromUtf16(s: string, utf16: number): number {
  return codePointLength(s.slice(0, utf16));
}

/** Slices `s` by code-point offsets. */
export function sliceCodePoints(s: string, start: number, end?: number): string {
  const from = toUtf16(s, start);
  return end === undefined ? s.slice(from) : s.slice(from, toUtf16(s, end));
}

export type BlockSpan = Block & { index: number; start: number; end: number };

/** Each block with its code-point range in the canonical text. */
export function blockSpans(blocks: Block[]): BlockSpan[] {
  let offset = 0;
  return blocks.map((b, index) => {
    const start = offset;
    const end = start + codePointLength(b.text);
    offset = end + SEPARATOR_LENGTH;
    return { ...b, index, start, end };
  });
}

/**
 * Plain text (.txt, paste): blank lines separate blocks and single newlines are
 * soft wraps — unless the text has no blank line at all, as when a web page is
 * copied: then every line is a paragraph.
 */
export function blocksFromPlainText(raw: string): Block[] {
  const text = raw.replace(/\r\n?/g, "\n");
  const blankLine = /\n[ \t\u00a0]*\n/;
  const paragraphs = blankLine.test(text) ? text.split(blankLine) : text.split("\n");
  return normalizeBlocks(paragraphs.map((text) => ({ kind: "paragraph" as const, text })));
}
