/**
 * Scoring helpers for resolving anchors: offset conversion over a whole
 * text, context agreement and cheap fingerprints. Pure functions, shared by
 * anchor.ts (one claim) and reanchor.ts (all claims of a snapshot).
 */

/** Offsets in both units over one text, built once (identity for BMP-only text). */
export type TextIndex = { toCp: (utf16: number) => number; toUtf16: (cp: number) => number; cpLength: number };

let lastIndexed: { text: string; index: TextIndex } | undefined;

/**
 * UTF-16 ↔ code point conversion in O(1) after one O(n) pass. The last
 * text's index is kept: re-anchoring a thousand claims asks about the same
 * 500,000-character snapshot a thousand times.
 */
export function textIndex(text: string): TextIndex {
  if (lastIndexed?.text === text) return lastIndexed.index;
  let index: TextIndex;
  if (!/[\ud800-\udfff]/.test(text)) {
    index = { toCp: (i) => i, toUtf16: (cp) => Math.min(cp, text.length), cpLength: text.length };
  } else {
    const toCp = new Int32Array(text.length + 1);
    const toUnit = new Int32Array(text.length + 1);
    let n = 0;
    for (let i = 0; i < text.length; n++) {
      const c = text.charCodeAt(i);
      const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      toUnit[n] = i;
      toCp[i] = n;
      // An index inside a pair counts as the pair's start.
      if (pair) toCp[i + 1] = n;
      i += pair ? 2 : 1;
    }
    toCp[text.length] = n;
    toUnit[n] = text.length;
    const cpLength = toCp[text.length]!;
    index = { toCp: (i) => toCp[i]!, toUtf16: (cp) => (cp >= cpLength ? text.length : toUnit[cp]!), cpLength };
  }
  lastIndexed = { text, index };
  return index;
}

/**
 * How well `actual` agrees with the stored context (0..1), tolerant of small
 * edits: edit distance in code points, aligned at the quote's edge, with the
 * far end of `actual` free (it is cut with some slack). A plain DP: contexts
 * are at most 64 code points, and approx-string-match's start search is far
 * slower when every position is within the error budget.
 */
export function contextSimilarity(expected: string, actual: string, side: "prefix" | "suffix"): number {
  if (expected === "") return actual === "" ? 1 : 0.5; // stored at a text edge: neutral elsewhere
  if (side === "prefix" ? actual.endsWith(expected) : actual.startsWith(expected)) return 1;
  const e = codePoints(expected, side === "prefix");
  const t = codePoints(actual, side === "prefix");
  let prev = new Int32Array(t.length + 1).map((_, j) => j);
  let cur = new Int32Array(t.length + 1);
  for (let i = 1; i <= e.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= t.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (e[i - 1] === t[j - 1] ? 0 : 1));
    }
    [prev, cur] = [cur, prev];
  }
  let errors = e.length;
  for (const d of prev) errors = Math.min(errors, d);
  return 1 - errors / e.length;
}

/** Code points of s as numbers, optionally reversed (prefixes are compared from the quote outwards). */
function codePoints(s: string, reversed: boolean): Int32Array {
  const out = new Int32Array(s.length);
  let n = 0;
  for (const ch of s) out[n++] = ch.codePointAt(0)!;
  const cps = out.subarray(0, n);
  return reversed ? cps.reverse() : cps;
}

/** Distinct trigrams of s: a cheap, edit-tolerant fingerprint (one edit touches at most three). */
export function trigrams(s: string): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i + 3 <= s.length; i++) set.add(s.slice(i, i + 3));
  return set;
}

/** How many trigrams of s occur in `set`. */
export function sharedTrigrams(set: Set<string>, s: string): number {
  let n = 0;
  for (let i = 0; i + 3 <= s.length; i++) if (set.has(s.slice(i, i + 3))) n++;
  return n;
}
