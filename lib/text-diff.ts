/**
 * The word diff people read: approvals (lib/revision-diff.ts), the verdict
 * history panel (lib/verdict-history.ts), the conflict dialog and the
 * snapshot comparison (lib/snapshot-diff.ts) all show this one. Built on
 * jsdiff's diffWords (Myers' algorithm): words and punctuation marks are the
 * tokens and whitespace does not count, so "a small" inserted between two
 * words reads as one insertion rather than "a", " ", "small". An unchanged
 * stretch carries the spacing of `after`.
 *
 * Two diffs are deliberately not this one: a re-anchored quote's diff
 * (lib/anchoring/quote-words.ts, same library) compares words the way the
 * anchoring rule does, case and punctuation aside; re-anchoring's
 * character-level diff (lib/anchoring/anchor-diff.ts) maps offsets and is
 * never shown.
 */
import { diffWords } from "diff";

export type DiffSegment = { kind: "same" | "added" | "removed"; text: string };

/** A word diff of one text, with counts of the words added and removed. */
export type TextChange = { segments: DiffSegment[]; added: number; removed: number };

// Punctuation changes show in the diff but are not counted as words.
const countWords = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

export function wordDiff(before: string, after: string): TextChange {
  let added = 0;
  let removed = 0;
  const segments = diffWords(before, after).map((part): DiffSegment => {
    if (part.added) added += countWords(part.value);
    if (part.removed) removed += countWords(part.value);
    return { kind: part.added ? "added" : part.removed ? "removed" : "same", text: part.value };
  });
  return { segments, added, removed };
}
