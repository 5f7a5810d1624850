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
/** Candidates whose evidence (context, quote similarity) is this close are equally good. */
const EVIDENCE_MARGIN = 0.02;
/** Among equally good candidates, position decides only with this much lead (in position score). */
const POSITION_MARGIN = 0.25;
/** Exact occurrences beyond this many are pre-ranked cheaply before full context scoring. */
const MAX_SCORED = 32;
/** Distance (code points) at which the position score has halved. */
const POSITION_SCALE = 1000;

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

function segmenterFor(text: string, granularity: Granularity): SegmentAt {
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
  const snapped = snapUtf16(text, toUtf16(text, s), toUtf16(text, e), segmenterFor(text, "grapheme"), segmenterFor(text, "word"));
  return snapped && { start: fromUtf16(text, snapped[0]), end: fromUtf16(text, snapped[1]) };
}

/** snapSelection on UTF-16 offsets (0 <= a < b <= text.length), reusing the caller's segmenters. */
function snapUtf16(text: string, a: number, b: number, g: SegmentAt, w: SegmentAt): [number, number] | null {
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

  // A cut inside a word moves to the word's edge, unless that leaves no words
  // at all (one long word fills the budget): then only graphemes are kept whole.
  const hasWords = (from: number, to: number) => /[\p{L}\p{N}]/u.test(text.slice(from, to));
  let p = toUtf16(text, Math.max(0, s - CONTEXT_LENGTH));
  if (p > 0 && p < a) {
    const seg = w(p);
    if (seg.start < p) p = seg.end < a && hasWords(seg.end, a) ? seg.end : g(p).start < p ? g(p).end : p;
  }
  let q = toUtf16(text, Math.min(len, e + CONTEXT_LENGTH));
  if (q < text.length && q > b) {
    const seg = w(q);
    if (seg.start < q) q = seg.start > b && hasWords(b, seg.start) ? seg.start : g(q).start;
  }
  // Whitespace at the far ends only pads the context; drop it unless that empties it.
  const prefix = p > 0 ? text.slice(p, a).replace(/^\s+/u, "") || text.slice(p, a) : text.slice(0, a);
  const suffix = q < text.length ? text.slice(b, q).replace(/\s+$/u, "") || text.slice(b, q) : text.slice(b);
  return { exact: text.slice(a, b), prefix, suffix, start: s, end: e };
}

// ---------------------------------------------------------------------------
// Resolving

/** evidence: how well quote and context agree (0..1); position: nearness to the old start (0..1]. */
type Candidate = { start: number; end: number; evidence: number; position: number; confident: boolean };

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

/**
 * How well `actual` agrees with the stored context (0..1), tolerant of small
 * edits: edit distance in code points, aligned at the quote's edge, with the
 * far end of `actual` free (it is cut with some slack). A plain DP: contexts
 * are at most 64 code points, and approx-string-match's start search is far
 * slower when every position is within the error budget.
 */
function contextSimilarity(expected: string, actual: string, side: "prefix" | "suffix"): number {
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
function trigrams(s: string): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i + 3 <= s.length; i++) set.add(s.slice(i, i + 3));
  return set;
}

/** How many trigrams of s occur in `set`. */
function sharedTrigrams(set: Set<string>, s: string): number {
  let n = 0;
  for (let i = 0; i + 3 <= s.length; i++) if (set.has(s.slice(i, i + 3))) n++;
  return n;
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
  const hint = toUtf16(text, Math.max(0, anchor.start));
  const quoteCp = codePointLength(exact);
  const g = segmenterFor(text, "grapheme");
  const w = segmenterFor(text, "word");
  const onBoundary = (i: number) => i === 0 || i === text.length || g(i).start === i;

  // Shared scoring: context agreement and nearness to the old position (see `decide`).
  const measure = (a: number, b: number) => {
    const before = text.slice(Math.max(0, a - anchor.prefix.length - 8), a);
    const after = text.slice(b, b + anchor.suffix.length + 8);
    const context = (contextSimilarity(anchor.prefix, before, "prefix") + contextSimilarity(anchor.suffix, after, "suffix")) / 2;
    const start = toCp(a);
    // Absolute scale (not relative to the text length) so "near" means the same in a short note and a long feature.
    const position = 1 / (1 + Math.abs(start - anchor.start) / POSITION_SCALE);
    return { start, end: toCp(b), context, position };
  };

  // (2) Exact occurrences — all of them: the first hit may be a look-alike.
  let hits: number[] = [];
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) {
    if (onBoundary(i) && onBoundary(i + exact.length)) hits.push(i); // skips e.g. "👍" inside "👍🏽"
  }
  if (hits.length > MAX_SCORED) {
    // A common short quote can occur thousands of times: pre-rank by shared context trigrams
    // (cheap, tolerant of small edits), then score only the best few with the full DP. Should
    // the true spot still lose here, what wins has weaker context than the stored one, and
    // `decide` sends doubtful winners to needs_review, so pruning cannot move a claim silently.
    const pre = trigrams(anchor.prefix);
    const suf = trigrams(anchor.suffix);
    const overlap = (i: number) =>
      sharedTrigrams(pre, text.slice(Math.max(0, i - anchor.prefix.length), i)) +
      sharedTrigrams(suf, text.slice(i + exact.length, i + exact.length + anchor.suffix.length));
    hits = hits
      .map((i) => ({ i, v: overlap(i), d: Math.abs(i - hint) }))
      .sort((x, y) => y.v - x.v || x.d - y.d)
      .slice(0, MAX_SCORED)
      .map((h) => h.i);
  }
  const exactCandidates = hits.map((i): Candidate => {
    const m = measure(i, i + exact.length);
    const confident = m.context >= CONTEXT_OK || quoteCp >= SELF_IDENTIFYING_LENGTH;
    return { start: m.start, end: m.end, evidence: m.context, position: m.position, confident };
  });
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
      // Myers picks the longest start with equal cost, often swallowing a space or a block
      // separator; tidy the match the way a reviewer's selection is tidied.
      const snapped = snapUtf16(text, from + f.start, from + f.end, g, w);
      // Myers also reports neighbouring end positions of one match separately: keep one per overlapping run.
      if (!snapped || snapped[0] < lastEnd) continue;
      const [a, b] = snapped;
      lastEnd = b;
      const m = measure(a, b);
      const quoteSim = 1 - f.errors / exact.length;
      const confident =
        f.errors <= exact.length * CONFIDENT_ERROR_RATE && m.context >= CONTEXT_OK && digitsOf(text.slice(a, b)) === digitsOf(exact);
      out.push({ start: m.start, end: m.end, evidence: 0.5 * quoteSim + 0.5 * m.context, position: m.position, confident });
    }
    return out;
  };

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

/**
 * Evidence first, position only between equals: a spot whose context
 * matches better wins however far it moved (a nearer look-alike must not
 * capture the claim), and equally good spots are told apart only by a clear
 * lead in nearness. Otherwise, or when the winner is doubtful, a human
 * reviews the best guess.
 */
function decide(candidates: Candidate[]): ResolvedAnchor | null {
  if (candidates.length === 0) return null;
  const top = Math.max(...candidates.map((c) => c.evidence));
  const equals = candidates.filter((c) => c.evidence >= top - EVIDENCE_MARGIN).sort((x, y) => y.position - x.position);
  const [best, second] = equals;
  const tied = second !== undefined && best.position - second.position < POSITION_MARGIN;
  const status: AnchorStatus = !tied && best.confident ? "moved" : "needs_review";
  const score = 0.8 * best.evidence + 0.2 * best.position;
  return { start: best.start, end: best.end, status, score: Math.round(score * 1000) / 1000 };
}
