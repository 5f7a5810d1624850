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
import { contextSimilarity, sharedTrigrams, textIndex, trigrams } from "./anchor-scoring";
import { segmenterFor, snapUtf16 } from "./anchor-segments";
import { sameWords } from "./quote-words";
import { codePointLength } from "./text";
import type { AnchorStatus } from "../workflow";

/** A claim's position in a snapshot; start/end are code points over the canonical text. */
export type TextAnchor = { exact: string; prefix: string; suffix: string; start: number; end: number };

export type ResolvedAnchor = { start: number; end: number; status: AnchorStatus; score: number };

/** Maximum prefix/suffix length in code points (DESIGN.md). */
export const CONTEXT_LENGTH = 64;
/** Quotes shorter than this (code points) are never fuzzy-matched: too easy to match the wrong words. */
export const MIN_FUZZY_LENGTH = 10;
/** Fuzzy search bound, as a share of the quote length. */
const MAX_ERROR_RATE = 0.15;
/**
 * Prefix/suffix agreement (0..1) a match needs to be trusted without a person:
 * below it a match found in the text is doubtful, and a re-anchored claim that
 * moved far does not move silently (lib/anchoring/reanchor.ts).
 */
export const CONTEXT_OK = 0.5;
/** A verbatim quote this long identifies itself even when its surroundings changed. */
const SELF_IDENTIFYING_LENGTH = 32;
/** Candidates whose evidence (half quote similarity, half context) is this close are equally good. */
const EVIDENCE_MARGIN = 0.01;
/** Among equally good candidates, position decides only with this much lead (in position score). */
const POSITION_MARGIN = 0.25;
/** Exact occurrences beyond this many are pre-ranked cheaply before full context scoring. */
const MAX_SCORED = 32;
/** Punctuation at the start / end of a string (not symbols: an emoji is a grapheme to keep whole). */
const PUNCT_START = /^\p{P}+/u;
const PUNCT_END = /\p{P}+$/u;
/** Distance (code points) at which the position score has halved. */
const POSITION_SCALE = 1000;

/**
 * Tidies a raw selection (code points) into what a reviewer meant: trims
 * whitespace at the edges, widens partial words to whole words and never
 * splits a grapheme (emoji sequences, combining marks, flags). A selection
 * spanning blocks (across the "\n\n" separator) is fine. Returns null when
 * nothing but whitespace is selected.
 */
export function snapSelection(text: string, start: number, end: number): { start: number; end: number } | null {
  const index = textIndex(text);
  const len = index.cpLength;
  const s = Math.max(0, Math.min(len, Math.min(start, end)));
  const e = Math.max(0, Math.min(len, Math.max(start, end)));
  if (!(e > s)) return null;
  const snapped = snapUtf16(text, index.toUtf16(s), index.toUtf16(e), segmenterFor(text, "grapheme"), segmenterFor(text, "word"));
  return snapped && { start: index.toCp(snapped[0]), end: index.toCp(snapped[1]) };
}

/**
 * Builds the anchor for text[start..end) (code points). Prefix and suffix
 * hold up to CONTEXT_LENGTH code points each, cut at word boundaries so the
 * stored context reads naturally — unless the context is a single word
 * longer than the budget, in which case it is cut at a grapheme boundary.
 */
export function describeAnchor(text: string, start: number, end: number): TextAnchor {
  const index = textIndex(text);
  const len = index.cpLength;
  const s = Math.max(0, Math.min(len, Math.min(start, end)));
  const e = Math.max(0, Math.min(len, Math.max(start, end)));
  const a = index.toUtf16(s);
  const b = index.toUtf16(e);
  const w = segmenterFor(text, "word");
  const g = segmenterFor(text, "grapheme");

  // A cut inside a word moves to the word's edge, unless that leaves no words
  // at all (one long word fills the budget): then only graphemes are kept whole.
  const hasWords = (from: number, to: number) => /[\p{L}\p{N}]/u.test(text.slice(from, to));
  let p = index.toUtf16(Math.max(0, s - CONTEXT_LENGTH));
  if (p > 0 && p < a) {
    const seg = w(p);
    if (seg.start < p) p = seg.end < a && hasWords(seg.end, a) ? seg.end : g(p).start < p ? g(p).end : p;
  }
  let q = index.toUtf16(Math.min(len, e + CONTEXT_LENGTH));
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

export type ResolveOptions = {
  /**
   * Where the quote is expected (code points), when it differs from the
   * stored position: for a new snapshot, the old position mapped through the
   * text diff (see reanchor.ts). Distances are measured from here.
   */
  hint?: number;
  /**
   * Whether the text at the hint may be accepted on sight. True for the
   * stored position in the same snapshot; for a new snapshot only when the
   * diff says the quote itself was left untouched (an identical sentence
   * that merely lands on the mapped offset must still win on context).
   */
  trustHint?: boolean;
  /**
   * Only matches lying inside this range (code points) count. Re-anchoring
   * uses it to keep a claim whose own region was edited in that region, when
   * a verbatim copy of its old quote elsewhere would otherwise win.
   */
  within?: { start: number; end: number };
};

/**
 * Finds `anchor` in `text` (code points throughout). Order: position check
 * → every exact occurrence ranked by context and distance → fuzzy search
 * near the old position, then everywhere. Doubtful outcomes (ties, weak
 * context, many edits, any changed word) come back as needs_review with
 * the best guess, so nothing moves silently. A fuzzy match is confident only
 * when it has the same words (it differs in case, spacing or punctuation).
 */
export function resolveAnchor(text: string, anchor: TextAnchor, options: ResolveOptions = {}): ResolvedAnchor {
  const { exact } = anchor;
  const orphaned: ResolvedAnchor = { start: anchor.start, end: anchor.end, status: "orphaned", score: 0 };
  if (exact === "") return orphaned;
  const index = textIndex(text);
  const toCp = index.toCp;
  const expected = Math.max(0, Math.min(index.cpLength, options.hint ?? anchor.start));
  const trustHint = options.trustHint ?? options.hint === undefined;
  const hint = index.toUtf16(expected);
  if (trustHint && anchor.start >= 0 && text.startsWith(exact, hint)) {
    const end = toCp(hint + exact.length);
    return { start: expected, end, status: "anchored", score: 1 };
  }
  const quoteCp = codePointLength(exact);
  const g = segmenterFor(text, "grapheme");
  const w = segmenterFor(text, "word");
  const onBoundary = (i: number) => i === 0 || i === text.length || g(i).start === i;
  const lo = options.within ? index.toUtf16(options.within.start) : 0;
  const hi = options.within ? index.toUtf16(options.within.end) : text.length;
  const inside = (a: number, b: number) => a >= lo && b <= hi;

  // Shared scoring: context agreement and nearness to the old position (see `decide`).
  const measure = (a: number, b: number) => {
    const before = text.slice(Math.max(0, a - anchor.prefix.length - 8), a);
    const after = text.slice(b, b + anchor.suffix.length + 8);
    const context = (contextSimilarity(anchor.prefix, before, "prefix") + contextSimilarity(anchor.suffix, after, "suffix")) / 2;
    const start = toCp(a);
    // Absolute scale (not relative to the text length) so "near" means the same in a short note and a long feature.
    const position = 1 / (1 + Math.abs(start - expected) / POSITION_SCALE);
    return { start, end: toCp(b), context, position };
  };

  // (2) Exact occurrences — all of them: the first hit may be a look-alike.
  let hits: number[] = [];
  for (let i = text.indexOf(exact); i !== -1; i = text.indexOf(exact, i + 1)) {
    if (onBoundary(i) && onBoundary(i + exact.length) && inside(i, i + exact.length)) hits.push(i); // skips e.g. "👍" inside "👍🏽"
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
    // Evidence on the fuzzy scale (half quote similarity, half context) with a perfect quote.
    return { start: m.start, end: m.end, evidence: 0.5 + 0.5 * m.context, position: m.position, confident };
  });
  const exactResult = decide(exactCandidates, "exact");
  if (exactResult) return exactResult;

  // (3) Fuzzy. Short quotes would match random words, so they stop here.
  if (quoteCp < MIN_FUZZY_LENGTH) return orphaned;
  const maxErrors = Math.max(1, Math.floor(exact.length * MAX_ERROR_RATE));
  const tail = PUNCT_END.exec(exact)?.[0] ?? "";
  const head = PUNCT_START.exec(exact)?.[0] ?? "";
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
      if (!snapped) continue;
      let [a, b] = snapped;
      // An equal-cost alignment may leave out the closing (or opening) punctuation the quote has, as
      // it is, or changed ("." → "!"): take back as much punctuation as the quote had there.
      if (tail && !PUNCT_END.test(text.slice(a, b))) b += PUNCT_START.exec(text.slice(b, b + tail.length))?.[0].length ?? 0;
      if (head && !PUNCT_START.test(text.slice(a, b))) a -= PUNCT_END.exec(text.slice(Math.max(0, a - head.length), a))?.[0].length ?? 0;
      if (a < lastEnd || !inside(a, b)) continue;
      lastEnd = b;
      const m = measure(a, b);
      const quoteSim = 1 - f.errors / exact.length;
      // Any changed word (a digit, "not", "unsafe") is a change of meaning: a human confirms it. The same
      // words in another case, spacing or punctuation are the same claim, whatever the character count.
      const confident = m.context >= CONTEXT_OK && sameWords(text.slice(a, b), exact);
      out.push({ start: m.start, end: m.end, evidence: 0.5 * quoteSim + 0.5 * m.context, position: m.position, confident });
    }
    return out;
  };

  const radius = Math.max(1000, 4 * exact.length);
  const from = Math.max(lo, hint - radius);
  const to = Math.min(hi, hint + exact.length + radius);
  const near = decide(fuzzy(from, to), "fuzzy");
  if (near?.status === "moved") return near;
  const everywhere = from === lo && to === hi ? null : decide(fuzzy(lo, hi), "fuzzy");
  if (everywhere?.status === "moved") return everywhere;
  const best = [near, everywhere].filter((r): r is ResolvedAnchor => r !== null).sort((x, y) => y.score - x.score)[0];
  return best ?? orphaned;
}

/**
 * Evidence first, position only between equals: a spot whose context
 * matches better wins however far it moved (a nearer look-alike must not
 * capture the claim), and equally good spots are told apart only by a clear
 * lead in nearness. Otherwise, or when the winner is doubtful, a human
 * reviews the best guess. Scores are banded so that an exact match never
 * scores below a fuzzy one: exact in [0.5, 1], fuzzy below 0.5.
 */
function decide(candidates: Candidate[], kind: "exact" | "fuzzy"): ResolvedAnchor | null {
  if (candidates.length === 0) return null;
  const top = Math.max(...candidates.map((c) => c.evidence));
  const equals = candidates.filter((c) => c.evidence >= top - EVIDENCE_MARGIN).sort((x, y) => y.position - x.position);
  const [best, second] = equals;
  const tied = second !== undefined && best.position - second.position < POSITION_MARGIN;
  const status: AnchorStatus = !tied && best.confident ? "moved" : "needs_review";
  const strength = 0.8 * best.evidence + 0.2 * best.position;
  const score = kind === "exact" ? 0.5 + 0.5 * strength : Math.min(0.499, 0.5 * strength);
  return { start: best.start, end: best.end, status, score: Math.round(score * 1000) / 1000 };
}
