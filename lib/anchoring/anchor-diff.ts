/**
 * Offset mapping through a text diff (old snapshot → new snapshot), the
 * second step of re-anchoring (DESIGN.md, "Anchors"). The diff tells where
 * each unchanged stretch of the old text went, so a claim whose quote sits
 * inside one such stretch is known to be the same text in the new snapshot
 * even when identical sentences exist elsewhere.
 *
 * Offsets here are UTF-16 indices (diff-match-patch works on them);
 * reanchor.ts converts at the edges.
 *
 * This character-level diff is for offset maths only; what people read is
 * the word diff in lib/text-diff.ts (jsdiff). The re-anchoring corpus
 * (reanchor-corpus.test.ts) was tuned on diff-match-patch's output, and
 * jsdiff (diffChars or diffWordsWithSpace after a line-level diffArrays)
 * lands some claims differently, so the anchoring maths keep this library.
 */
import DiffMatchPatch from "diff-match-patch";

export type DiffOp = { op: -1 | 0 | 1; text: string };

/** One piece of the diff with its ranges in both texts. */
type Piece = { op: -1 | 0 | 1; oldFrom: number; oldTo: number; newFrom: number; newTo: number };

export type OffsetMap = {
  /** New offset of an old quote start: text inserted right at it stays in front of the quote. */
  mapStart: (oldOffset: number) => number;
  /** New offset of an old (exclusive) quote end: text inserted right after it stays behind the quote. */
  mapEnd: (oldOffset: number) => number;
  /** Whether old[from, to) survived verbatim as one unchanged stretch. */
  untouched: (from: number, to: number) => boolean;
  /** Share (0..1) of old[from, to) that survived unchanged, wherever it is now. */
  keptShare: (from: number, to: number) => number;
  /**
   * Where new[from, to) came from: the share (0..1) of it that is unchanged
   * old text, and the old range that unchanged part spans (null when it is
   * all new). Tells a verbatim copy that was already in the old text (a
   * table of contents, a summary box) from text that was moved there.
   */
  origin: (from: number, to: number) => { keptShare: number; oldFrom: number; oldTo: number } | null;
  /**
   * The whole run of inserted text that new[from, to) lies in, or null when
   * part of it is old text. A cut-and-paste shows as a run that holds the
   * pasted words and nothing else.
   */
  insertedRun: (from: number, to: number) => { from: number; to: number } | null;
};

/** Equal stretches this short inside an insertion are chance matches of a character or two, not kept text. */
const CHANCE_MATCH = 2;

/**
 * Diffs two texts. Line mode first (blocks are separated by blank lines, so
 * unchanged paragraphs are skipped cheaply), then characters within the
 * changed lines. The timeout bounds a pathological diff; the result is then
 * coarser but still correct, and coarse only means more claims go through
 * the slower context search.
 */
export function diffTexts(oldText: string, newText: string, timeoutSeconds = 2): DiffOp[] {
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = timeoutSeconds;
  return dmp.diff_main(oldText, newText, true).map(([op, text]) => ({ op: op as DiffOp["op"], text }));
}

export function offsetMap(diff: DiffOp[]): OffsetMap {
  const pieces: Piece[] = [];
  let oldAt = 0;
  let newAt = 0;
  for (const { op, text } of diff) {
    const oldLen = op === 1 ? 0 : text.length;
    const newLen = op === -1 ? 0 : text.length;
    pieces.push({ op, oldFrom: oldAt, oldTo: oldAt + oldLen, newFrom: newAt, newTo: newAt + newLen });
    oldAt += oldLen;
    newAt += newLen;
  }
  const oldLength = oldAt;
  const newLength = newAt;
  // Pieces that cover old text (equal and deleted), in order: binary-searchable by old offset.
  const covering = pieces.filter((p) => p.op !== 1);

  /** Index of the covering piece containing old offset i (0 <= i < oldLength). */
  const indexAt = (i: number): number => {
    let lo = 0;
    let hi = covering.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (covering[mid]!.oldFrom <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const pieceAt = (i: number): Piece => covering[indexAt(i)]!;

  const mapStart = (i: number): number => {
    if (i >= oldLength) return newLength;
    const p = pieceAt(Math.max(0, i));
    // Inside deleted text the quote start lands where the deletion was (its replacement follows).
    return p.op === 0 ? p.newFrom + (i - p.oldFrom) : p.newFrom;
  };
  const mapEnd = (i: number): number => {
    if (i <= 0) return 0;
    const p = pieceAt(Math.min(oldLength, i) - 1);
    return p.op === 0 ? p.newFrom + (Math.min(oldLength, i) - p.oldFrom) : p.newFrom;
  };
  const untouched = (from: number, to: number): boolean => {
    if (to <= from || to > oldLength) return false;
    const p = pieceAt(from);
    return p.op === 0 && to <= p.oldTo;
  };
  const keptShare = (from: number, to: number): number => {
    if (to <= from) return 0;
    let kept = 0;
    for (let k = indexAt(from); k < covering.length && covering[k]!.oldFrom < to; k++) {
      const p = covering[k]!;
      if (p.op === 0) kept += Math.min(to, p.oldTo) - Math.max(from, p.oldFrom);
    }
    return kept / (to - from);
  };
  // Pieces that cover new text (equal and inserted), in order, for `origin`.
  const produced = pieces.filter((p) => p.op !== -1);
  const origin = (from: number, to: number) => {
    let kept = 0;
    let oldFrom = -1;
    let oldTo = -1;
    for (const p of produced) {
      if (p.newTo <= from || p.newFrom >= to || p.op !== 0) continue;
      const a = Math.max(from, p.newFrom);
      const b = Math.min(to, p.newTo);
      kept += b - a;
      if (oldFrom < 0) oldFrom = p.oldFrom + (a - p.newFrom);
      oldTo = p.oldFrom + (b - p.newFrom);
    }
    return kept === 0 || to <= from ? null : { keptShare: kept / (to - from), oldFrom, oldTo };
  };
  const insertedRun = (from: number, to: number) => {
    const inside = (p: Piece) => p.op === 1 || p.newTo - p.newFrom <= CHANCE_MATCH;
    let first = produced.findIndex((p) => p.newTo > from);
    if (first < 0 || produced[first]!.op !== 1) return null;
    let last = first;
    while (last + 1 < produced.length && produced[last]!.newTo < to) {
      if (!inside(produced[++last]!)) return null;
    }
    if (produced[last]!.op !== 1) return null;
    while (first > 0 && inside(produced[first - 1]!) && (produced[first - 1]!.op === 1 || produced[first - 2]?.op === 1)) first--;
    while (last + 1 < produced.length && inside(produced[last + 1]!) && (produced[last + 1]!.op === 1 || produced[last + 2]?.op === 1)) last++;
    return { from: produced[first]!.newFrom, to: produced[last]!.newTo };
  };
  return { mapStart, mapEnd, untouched, keptShare, origin, insertedRun };
}
