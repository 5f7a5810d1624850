/**
 * Offset mapping through a text diff (old snapshot → new snapshot), the
 * second step of re-anchoring (DESIGN.md, "Anchors"). The diff tells where
 * each unchanged stretch of the old text went, so a claim whose quote sits
 * inside one such stretch is known to be the same text in the new snapshot
 * even when identical sentences exist elsewhere.
 *
 * Offsets here are UTF-16 indices (diff-match-patch works on them);
 * reanchor.ts converts at the edges.
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
};

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

/** The same diff, merged into readable chunks (whole words and phrases) for people to look at. */
export function readableDiff(oldText: string, newText: string): DiffOp[] {
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 2;
  const diffs = dmp.diff_main(oldText, newText, true);
  dmp.diff_cleanupSemantic(diffs);
  return diffs.map(([op, text]) => ({ op: op as DiffOp["op"], text }));
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
  return { mapStart, mapEnd, untouched, keptShare };
}
