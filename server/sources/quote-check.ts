/**
 * Is a citation's quote in the archived copy? Looked up the way claims are
 * anchored (lib/anchoring): words first, where case, spacing, punctuation and
 * typographic quote marks do not count ("found"); then the anchoring module's
 * fuzzy search with the claims' thresholds ("close", with the passage, for a
 * word diff); otherwise "not-found". An ellipsis in a quote marks words the
 * citer left out: each piece must appear, in order, close together.
 * Pure: no database, no network.
 */
import { resolveAnchor, snapSelection, MIN_FUZZY_LENGTH } from "@/lib/anchoring/anchor";
import { quoteWords, sameWords } from "@/lib/anchoring/quote-words";
import { canonicalText, codePointLength, fromUtf16, normalizeBlocks, normalizeText, sliceCodePoints, toUtf16, type Block } from "@/lib/anchoring/text";
import type { QuoteStatus } from "@/lib/sources";

type QuoteCheck = {
  status: Exclude<QuoteStatus, "pending">;
  /** The passage as the archived copy has it, when found or close; null otherwise. */
  match: string | null;
};

/** "…", "...", "[…]", "(...)": words left out of a quote. */
const ELLIPSIS = /\s*(?:\[\s*(?:…|\.{3})\s*\]|\(\s*(?:…|\.{3})\s*\)|…|\.{3,})\s*/u;
/** Quote marks around the whole quote are the citer's, not the source's. */
const WRAPPING_MARKS = /^["'“”‘’«»„‚‹›\s]+|["'“”‘’«»„‚‹›\s]+$/gu;
/**
 * The same word pattern as quoteWords (lib/anchoring/quote-words.ts), here to
 * know where each word of the source starts and ends.
 */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+|[.,]\p{N}+)*/gu;
/** The pieces of an elided quote may sit this far apart (UTF-16 units beyond the quote's own length), no further. */
const MAX_ELISION_SPAN = 2000;
/** Occurrences of a first piece tried before giving up on an elided quote (a common phrase can occur hundreds of times). */
const MAX_STARTS = 50;

const PUNCT_START = /^\p{P}+/u;
const PUNCT_END = /\p{P}+$/u;

type Word = { key: string; start: number; end: number };
type Found = { start: number; end: number; exact: boolean };

export function checkQuote(quote: string | null | undefined, blocks: Block[] | null | undefined): QuoteCheck {
  const notChecked: QuoteCheck = { status: "not-checked", match: null };
  if (!quote || !blocks) return notChecked;
  const pieces = normalizeText(quote)
    .replace(WRAPPING_MARKS, "")
    .split(ELLIPSIS)
    .map((p) => p.replace(WRAPPING_MARKS, ""))
    .filter((p) => quoteWords(p).length > 0);
  // A quote of punctuation only says nothing that could be looked up.
  if (pieces.length === 0) return notChecked;
  const text = canonicalText(normalizeBlocks(blocks));
  const words = wordsOf(text);
  const limit = pieces.reduce((n, p) => n + p.length, 0) + MAX_ELISION_SPAN;

  const found = findWords(words, pieces, limit) ?? findFuzzy(text, words, pieces, limit);
  if (!found) return { status: "not-found", match: null };
  return { status: found.exact ? "found" : "close", match: withPunctuation(text, found, pieces[0]!, pieces.at(-1)!) };
}

/** Words match words; the passage shown also takes the punctuation the quote has at its ends ("found." for "found."). */
function withPunctuation(text: string, found: Found, first: string, last: string): string {
  const head = PUNCT_START.exec(first)?.[0].length ?? 0;
  const tail = PUNCT_END.exec(last)?.[0].length ?? 0;
  const before = PUNCT_END.exec(text.slice(Math.max(0, found.start - head), found.start))?.[0].length ?? 0;
  const after = PUNCT_START.exec(text.slice(found.end, found.end + tail))?.[0].length ?? 0;
  return text.slice(found.start - before, found.end + after);
}

/** Every word of the source with its place (UTF-16), compared as quoteWords compares. */
function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    for (const key of quoteWords(m[0])) out.push({ key, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Index of the first run of `keys` in `words` at or after `from`, or -1. */
function indexOfRun(words: Word[], keys: string[], from: number): number {
  outer: for (let i = from; i + keys.length <= words.length; i++) {
    for (let j = 0; j < keys.length; j++) if (words[i + j]!.key !== keys[j]) continue outer;
    return i;
  }
  return -1;
}

/** The pieces' words, in order, within `limit` of the first: the "found" test. */
function findWords(words: Word[], pieces: string[], limit: number): Found | null {
  const keys = pieces.map((p) => quoteWords(p));
  let tries = 0;
  for (let first = indexOfRun(words, keys[0]!, 0); first >= 0 && tries < MAX_STARTS; first = indexOfRun(words, keys[0]!, first + 1), tries++) {
    let next = first + keys[0]!.length;
    let ok = true;
    for (const k of keys.slice(1)) {
      const at = indexOfRun(words, k, next);
      if (at < 0) return null; // a later piece is nowhere after this start, so after no later start either
      next = at + k.length;
      if (words[next - 1]!.end - words[first]!.start > limit) {
        ok = false;
        break;
      }
    }
    if (ok) return { start: words[first]!.start, end: words[next - 1]!.end, exact: true };
  }
  return null;
}

/**
 * Piece by piece: the same words where they are, otherwise resolveAnchor's
 * fuzzy search (error budget and minimum length as for claims) in the text
 * after the previous piece. Quote marks, dashes and case are folded first so
 * the error budget is spent on words, not on typography.
 */
function findFuzzy(text: string, words: Word[], pieces: string[], limit: number): Found | null {
  const folded = fold(text);
  const textCp = codePointLength(text);
  let from = 0;
  let wordFrom = 0;
  let start = -1;
  let allExact = true;
  for (const piece of pieces) {
    const keys = quoteWords(piece);
    const at = indexOfRun(words, keys, wordFrom);
    let found: Found | null = null;
    if (at >= 0) found = { start: words[at]!.start, end: words[at + keys.length - 1]!.end, exact: true };
    else if (codePointLength(piece) >= MIN_FUZZY_LENGTH) found = fuzzyPiece(text, folded, textCp, fold(piece), from);
    if (!found) return null;
    if (start < 0) start = found.start;
    else if (found.end - start > limit) return null;
    allExact &&= found.exact;
    from = found.end;
    wordFrom = words.findIndex((w) => w.start >= from);
    if (wordFrom < 0) wordFrom = words.length;
  }
  return { start, end: from, exact: allExact };
}

function fuzzyPiece(text: string, folded: string, textCp: number, piece: string, fromUtf16Index: number): Found | null {
  const fromCp = fromUtf16(text, fromUtf16Index);
  // No stored context: the quote alone decides, as for a claim whose surroundings are unknown.
  const anchor = { exact: piece, prefix: "", suffix: "", start: fromCp, end: fromCp };
  const resolved = resolveAnchor(folded, anchor, { hint: fromCp, trustHint: false, within: { start: fromCp, end: textCp } });
  if (resolved.status === "orphaned") return null;
  // The search may stop inside a word ("unprecedented" in "unprecedentedly"): show the whole word, as a selection would.
  const snapped = snapSelection(text, resolved.start, resolved.end) ?? resolved;
  const start = toUtf16(text, snapped.start);
  const end = toUtf16(text, snapped.end);
  return { start, end, exact: sameWords(sliceCodePoints(text, snapped.start, snapped.end), piece) };
}

/** One UTF-16 unit for one: offsets in the folded text are offsets in the original. */
function fold(s: string): string {
  let out = "";
  for (const ch of s) {
    let c = ch;
    if (/[‘’‚‛′`]/u.test(c)) c = "'";
    else if (/[“”„‟″«»]/u.test(c)) c = '"';
    else if (/[‐‑‒–—―−]/u.test(c)) c = "-";
    else if (c === "\n") c = " ";
    else {
      const lower = c.toLowerCase();
      if (lower.length === c.length) c = lower;
    }
    out += c;
  }
  return out;
}
