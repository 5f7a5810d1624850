/**
 * Grapheme and word segmentation for anchoring, with a regex fallback for
 * runtimes without Intl.Segmenter. Offsets here are UTF-16 indices.
 * Split from anchor.ts: it is the part that knows about Unicode text shape,
 * not about anchors.
 */

export type Seg = { start: number; end: number; wordLike: boolean };
/** Returns the segment containing UTF-16 index i (0 <= i < text.length). */
export type SegmentAt = (i: number) => Seg;
type Granularity = "grapheme" | "word";

const segmenterCache = new Map<Granularity, Intl.Segmenter>();

// Approximate extended grapheme cluster: a flag pair or any code point, plus
// combining marks, ZWNJ, skin-tone modifiers, emoji tags and ZWJ sequences.
const GRAPHEME = String.raw`(?:\p{RI}\p{RI}|[^])(?:[\p{M}\u200c\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}]|\u200d[^])*`;
// Approximate word: letters/digits/marks (not ideographs, which are words on their own), with inner apostrophes and digit separators.
const WORD_CHAR = String.raw`(?:(?!\p{Ideographic})[\p{L}\p{N}\p{M}\p{Pc}])`;
const FALLBACK: Record<Granularity, RegExp> = {
  grapheme: new RegExp(GRAPHEME, "uy"),
  word: new RegExp(String.raw`(${WORD_CHAR}+(?:['’]${WORD_CHAR}+|[.,]\p{N}+)*)|${GRAPHEME}`, "uy"),
};

/** Half-width (UTF-16 units) of the text window segmented around a lookup. */
const LOCAL = 256;
const isWs = (c: string | undefined) => c !== undefined && /\s/.test(c);
/** Code point at i can start a cluster after whitespace (not a mark, joiner, modifier or tag). */
const attaches = (text: string, i: number) => /^[\p{M}\p{Cf}\u{1F3FB}-\u{1F3FF}]/u.test(text.slice(i, i + 2));

/** Index at or after k where a new cluster can start (not inside a pair, not before a mark). */
const clusterStart = (text: string, k: number) => {
  while (k < text.length && ((text.charCodeAt(k) & 0xfc00) === 0xdc00 || attaches(text, k))) k++;
  // Flags pair up by parity from the start of their run: step onto a pair boundary.
  const isRI = (j: number) => /^\p{RI}/u.test(text.slice(j, j + 2));
  if (isRI(k)) {
    let before = 0;
    for (let j = k - 2; j >= 0 && isRI(j); j -= 2) before++;
    if (before % 2 === 1) k += 2;
  }
  return k;
};

/**
 * A window [lo, hi) around i to segment instead of the whole text (an
 * Intl lookup over a 300k-character article costs a fraction of a
 * millisecond each, and we make thousands). Edges sit just after / just
 * before whitespace, which are word and grapheme boundaries, so segments
 * match whole-text segmentation. Without whitespace nearby (CJK, long
 * tokens) the window is cut LOCAL units away; `safe` then excludes a
 * margin near such an edge from reuse.
 */
function localWindow(text: string, i: number): { lo: number; hi: number; safe: [number, number] } {
  let lo = i - LOCAL <= 0 ? 0 : -1;
  for (let k = Math.max(1, i - LOCAL); lo < 0 && k <= i; k++) {
    if (isWs(text[k - 1]) && !isWs(text[k]) && !attaches(text, k)) lo = k;
  }
  let hi = i + LOCAL >= text.length ? text.length : -1;
  for (let k = i + 1; hi < 0 && k < i + LOCAL; k++) {
    if (isWs(text[k]) && !isWs(text[k - 1])) hi = k;
  }
  const hardLo = lo < 0;
  const hardHi = hi < 0;
  if (hardLo) lo = clusterStart(text, i - LOCAL);
  if (lo > i) lo = 0; // a run of marks longer than the window: segment from the start
  if (hardHi) hi = clusterStart(text, i + LOCAL);
  return { lo, hi, safe: [hardLo ? lo + LOCAL / 4 : lo, hardHi ? hi - LOCAL / 4 : hi] };
}

export function segmenterFor(text: string, granularity: Granularity): SegmentAt {
  // Looked up at call time (not import time) so tests can stub it away.
  const Ctor = typeof Intl !== "undefined" ? (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter : undefined;
  if (typeof Ctor === "function") {
    let seg = segmenterCache.get(granularity);
    if (!seg || !(seg instanceof Ctor)) segmenterCache.set(granularity, (seg = new Ctor(undefined, { granularity })));
    const segmenter = seg;
    let win = { lo: 0, hi: 0, safe: [0, 0] };
    let segments: Intl.Segments | undefined;
    return (i) => {
      if (!segments || i < win.safe[0] || i >= win.safe[1]) {
        win = localWindow(text, i);
        segments = segmenter.segment(text.slice(win.lo, win.hi));
      }
      const s = segments.containing(i - win.lo)!;
      return { start: win.lo + s.index, end: win.lo + s.index + s.segment.length, wordLike: s.isWordLike === true };
    };
  }
  const re = FALLBACK[granularity];
  return (i) => {
    // Whitespace always starts a segment in practice, so scan from the last one before i.
    let k = i;
    while (k > 0 && !/\s/.test(text[k])) k--;
    for (;;) {
      re.lastIndex = k;
      const m = re.exec(text);
      const end = m ? k + m[0].length : k + 1;
      if (end > i) return { start: k, end, wordLike: granularity === "word" && m?.[1] !== undefined };
      k = end;
    }
  };
}

const isSpace = (s: string): boolean => /^\s+$/u.test(s);

/** snapSelection on UTF-16 offsets (0 <= a < b <= text.length), reusing the caller's segmenters. */
export function snapUtf16(text: string, a: number, b: number, g: SegmentAt, w: SegmentAt): [number, number] | null {
  a = g(a).start;
  b = g(b - 1).end;
  while (a < b && isSpace(text.slice(a, g(a).end))) a = g(a).end;
  while (b > a && isSpace(text.slice(g(b - 1).start, b))) b = g(b - 1).start;
  if (a >= b) return null;
  const first = w(a);
  if (first.wordLike && first.start < a) a = first.start;
  const last = w(b - 1);
  if (last.wordLike && last.end > b) b = last.end;
  // Word segments are grapheme-aligned in every engine we know; re-snap anyway so a quirky one cannot split a cluster.
  return [g(a).start, g(b - 1).end];
}
