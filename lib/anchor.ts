/**
 * Anchors: describing a reviewer's selection in a snapshot's canonical text
 * and finding it again, possibly in a later snapshot (DESIGN.md, "Anchors").
 * W3C Web Annotation compatible: TextQuoteSelector (exact/prefix/suffix) +
 * TextPositionSelector (start/end in Unicode code points).
 *
 * Shared by server and browser: plain TypeScript, no DOM, no node APIs.
 * Internally we work in UTF-16 indices (what String methods, Intl.Segmenter
 * and approx-string-match use) and convert to code points at the edges.
 */
import search from "approx-string-match";
import { codePointLength, fromUtf16, sliceCodePoints, toUtf16 } from "./text";

/** A claim's position in a snapshot; start/end are code points over the canonical text. */
export type TextAnchor = { exact: string; prefix: string; suffix: string; start: number; end: number };

/**
 * anchored: found at the stored position; moved: found elsewhere with
 * confidence; needs_review: a plausible match a human must confirm;
 * orphaned: nothing found (start/end keep their old values).
 */
export type AnchorStatus = "anchored" | "moved" | "needs_review" | "orphaned";

export type ResolvedAnchor = { start: number; end: number; status: AnchorStatus; score: number };

/** Maximum prefix/suffix length in code points (DESIGN.md). */
export const CONTEXT_LENGTH = 64;
/** Quotes shorter than this (code points) are never fuzzy-matched: too easy to match the wrong words. */
export const MIN_FUZZY_LENGTH = 10;
/** Fuzzy search bound, as a share of the quote length. */
const MAX_ERROR_RATE = 0.15;
/** Above this error share a fuzzy match is only a suggestion (needs_review). */
const CONFIDENT_ERROR_RATE = 0.075;
/** Prefix/suffix agreement (0..1) below which a match is doubtful. */
const CONTEXT_OK = 0.5;
/** A verbatim quote this long identifies itself even when its surroundings changed. */
const SELF_IDENTIFYING_LENGTH = 32;
/** Candidates whose totals are closer than this are a tie: a human decides. */
const TIE_MARGIN = 0.05;

// ---------------------------------------------------------------------------
// Segmentation (graphemes and words), with a regex fallback for runtimes
// without Intl.Segmenter. Offsets here are UTF-16.

type Seg = { start: number; end: number; wordLike: boolean };
/** Returns the segment containing UTF-16 index i (0 <= i < text.length). */
type SegmentAt = (i: number) => Seg;
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

function segmenterFor(text: string, granularity: Granularity): SegmentAt {
  // Looked up at call time (not import time) so tests can stub it away.
  const Ctor = typeof Intl !== "undefined" ? (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter : undefined;
  if (typeof Ctor === "function") {
    let seg = segmenterCache.get(granularity);
    if (!seg || !(seg instanceof Ctor)) segmenterCache.set(granularity, (seg = new Ctor(undefined, { granularity })));
    const segments = seg.segment(text);
    return (i) => {
      const s = segments.containing(i)!;
      return { start: s.index, end: s.index + s.segment.length, wordLike: s.isWordLike === true };
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

/**
 * Tidies a raw selection (code points) into what a reviewer meant: trims
 * whitespace at the edges, widens partial words to whole words and never
 * splits a grapheme (emoji sequences, combining marks, flags). A selection
 * spanning blocks (across the "\n\n" separator) is fine. Returns null when
 * nothing but whitespace is selected.
 */
export function snapSelection(text: string, start: number, end: number): { start: number; end: number } | null {
  const len = codePointLength(text);
  const s = Math.max(0, Math.min(len, Math.min(start, end)));
  const e = Math.max(0, Math.min(len, Math.max(start, end)));
  if (!(e > s)) return null;
  const g = segmenterFor(text, "grapheme");
  let a = g(toUtf16(text, s)).start;
  let b = g(toUtf16(text, e) - 1).end;
  while (a < b && isSpace(text.slice(a, g(a).end))) a = g(a).end;
  while (b > a && isSpace(text.slice(g(b - 1).start, b))) b = g(b - 1).start;
  if (a >= b) return null;
  const w = segmenterFor(text, "word");
  const first = w(a);
  if (first.wordLike && first.start < a) a = first.start;
  const last = w(b - 1);
  if (last.wordLike && last.end > b) b = last.end;
  // Word segments are grapheme-aligned in every engine we know; re-snap anyway so a quirky one cannot split a cluster.
  a = g(a).start;
  b = g(b - 1).end;
  return { start: fromUtf16(text, a), end: fromUtf16(text, b) };
}

/**
 * Builds the anchor for text[start..end) (code points). Prefix and suffix
 * hold up to CONTEXT_LENGTH code points each, cut at word boundaries so the
 * stored context reads naturally — unless the context is a single word
 * longer than the budget, in which case it is cut at a grapheme boundary.
 */
export function describeAnchor(text: string, start: number, end: number): TextAnchor {
  const len = codePointLength(text);
  const s = Math.max(0, Math.min(len, Math.min(start, end)));
  const e = Math.max(0, Math.min(len, Math.max(start, end)));
  const a = toUtf16(text, s);
  const b = toUtf16(text, e);
  const w = segmenterFor(text, "word");
  const g = segmenterFor(text, "grapheme");

  let p = toUtf16(text, Math.max(0, s - CONTEXT_LENGTH));
  if (p > 0 && p < a) {
    const seg = w(p);
    if (seg.start < p) p = seg.end < a ? seg.end : g(p).start < p ? g(p).end : p;
  }
  let q = toUtf16(text, Math.min(len, e + CONTEXT_LENGTH));
  if (q < text.length && q > b) {
    const seg = w(q);
    if (seg.start < q) q = seg.start > b ? seg.start : g(q).start;
  }
  // Whitespace at the far ends only pads the context; drop it unless that empties it.
  const prefix = p > 0 ? text.slice(p, a).replace(/^\s+/u, "") || text.slice(p, a) : text.slice(0, a);
  const suffix = q < text.length ? text.slice(b, q).replace(/\s+$/u, "") || text.slice(b, q) : text.slice(b);
  return { exact: text.slice(a, b), prefix, suffix, start: s, end: e };
}

// ---------------------------------------------------------------------------
// Resolving

type Candidate = { start: number; end: number; total: number; context: number; confident: boolean };

/** UTF-16 index → code-point offset, O(1) after one O(n) pass (identity for BMP-only text). */
function codePointIndex(text: string): (i: number) => number {
  if (!/[\ud800-\udfff]/.test(text)) return (i) => i;
  const map = new Int32Array(text.length + 1);
  for (let i = 0, n = 0; i <= text.length; i++) {
    map[i] = n;
    const c = text.charCodeAt(i);
    if (!(c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00)) n++;
  }
  return (i) => map[i];
}

/** How well `actual` agrees with the stored context (0..1), tolerant of small edits. */
function contextSimilarity(expected: string, actual: string, side: "prefix" | "suffix"): number {
  if (expected === "") return actual === "" ? 1 : 0.5; // stored at a text edge: neutral elsewhere
  if (side === "prefix" ? actual.endsWith(expected) : actual.startsWith(expected)) return 1;
  const matches = search(actual, expected, expected.length);
  const errors = matches.length > 0 ? Math.min(...matches.map((m) => m.errors)) : expected.length;
  return 1 - errors / expected.length;
}

const digitsOf = (s: string): string => s.replace(/\P{Nd}/gu, "");

/**
 * Finds `anchor` in `text` (code points throughout). Order: position check
 * → every exact occurrence ranked by context and distance → fuzzy search
 * near the old position, then everywhere. Doubtful outcomes (ties, weak
 * context, many edits, any changed digit) come back as needs_review with
 * the best guess, so nothing moves silently.
 */
export function resolveAnchor(text: string, anchor: TextAnchor): ResolvedAnchor {
  const { exact } = anchor;
  const orphaned: ResolvedAnchor = { start: anchor.start, end: anchor.end, status: "orphaned", score: 0 };
  if (exact === "") return orphaned;
  if (anchor.start >= 0 && sliceCodePoints(text, anchor.start, anchor.end) === exact) {
    return { start: anchor.start, end: anchor.end, status: "anchored", score: 1 };
  }

  const toCp = codePointIndex(text);
  const totalCp = toCp(text.length);
  const quoteCp = codePointLength(exact);
  const g = segmenterFor(text, "grapheme");
  const onBoundary = (i: number) => i === 0 || i === text.length || g(i).start === i;

  // Shared scoring: context dominates, distance from the old position breaks near-ties only.
  const measure = (a: number, b: number) => {
    const before = text.slice(Math.max(0, a - anchor.prefix.length - 8), a);
    const after = text.slice(b, b + anchor.suffix.length + 8);
    const context = (contextSimilarity(anchor.prefix, before, "prefix") + contextSimilarity(anchor.suffix, after, "suffix")) / 2;
    const start = toCp(a);
    const position = 1 - Math.min(1, Math.abs(start - anchor.start) / Math.max(totalCp, 1));
    return { start, end: toCp(b), context, position };
  };

  // (2) Exact occurrences — all of them: the first hit may be a look-alike.
  const exactCandidates: Candidate[] = [];
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) {
    if (!onBoundary(i) || !onBoundary(i + exact.length)) continue; // e.g. "👍" inside "👍🏽"
    const m = measure(i, i + exact.length);
    const confident = m.context >= CONTEXT_OK || quoteCp >= SELF_IDENTIFYING_LENGTH;
    exactCandidates.push({ start: m.start, end: m.end, context: m.context, total: 0.8 * m.context + 0.2 * m.position, confident });
  }
  const exactResult = decide(exactCandidates);
  if (exactResult) return exactResult;

  // (3) Fuzzy. Short quotes would match random words, so they stop here.
  if (quoteCp < MIN_FUZZY_LENGTH) return orphaned;
  const maxErrors = Math.max(1, Math.floor(exact.length * MAX_ERROR_RATE));
  const fuzzy = (from: number, to: number): Candidate[] => {
    if (from > 0 && (text.charCodeAt(from) & 0xfc00) === 0xdc00) from--; // keep surrogate pairs whole
    if (to < text.length && (text.charCodeAt(to) & 0xfc00) === 0xdc00) to++;
    const found = search(text.slice(from, to), exact, maxErrors).sort((x, y) => x.start - y.start || x.end - y.end);
    const out: Candidate[] = [];
    let lastEnd = -1;
    for (const f of found) {
      // Myers reports neighbouring end positions of one match separately: keep one per overlapping run.
      if (f.start < lastEnd) continue;
      lastEnd = f.end;
      let a = from + f.start;
      let b = from + f.end;
      if (a < text.length && !onBoundary(a)) a = g(a).start;
      if (b > 0 && !onBoundary(b)) b = g(b - 1).end;
      const m = measure(a, b);
      const quoteSim = 1 - f.errors / exact.length;
      const confident =
        f.errors <= exact.length * CONFIDENT_ERROR_RATE && m.context >= CONTEXT_OK && digitsOf(text.slice(a, b)) === digitsOf(exact);
      out.push({ start: m.start, end: m.end, context: m.context, total: 0.5 * quoteSim + 0.4 * m.context + 0.1 * m.position, confident });
    }
    return out;
  };

  const hint = toUtf16(text, Math.max(0, anchor.start));
  const radius = Math.max(1000, 4 * exact.length);
  const from = Math.max(0, hint - radius);
  const to = Math.min(text.length, hint + exact.length + radius);
  const near = decide(fuzzy(from, to));
  if (near?.status === "moved") return near;
  const everywhere = from === 0 && to === text.length ? null : decide(fuzzy(0, text.length));
  if (everywhere?.status === "moved") return everywhere;
  const best = [near, everywhere].filter((r): r is ResolvedAnchor => r !== null).sort((x, y) => y.score - x.score)[0];
  return best ?? orphaned;
}

/** Picks the best candidate; a near-tie or an unconfident winner becomes needs_review. */
function decide(candidates: Candidate[]): ResolvedAnchor | null {
  if (candidates.length === 0) return null;
  candidates.sort((x, y) => y.total - x.total);
  const [best, second] = candidates;
  const tied = second !== undefined && best.total - second.total < TIE_MARGIN;
  const status: AnchorStatus = !tied && best.confident ? "moved" : "needs_review";
  return { start: best.start, end: best.end, status, score: Math.round(best.total * 1000) / 1000 };
}
