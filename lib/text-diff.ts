/**
 * Word-level differences between two texts, for revision history and the
 * conflict dialog. Built on jsdiff (Myers' algorithm) rather than our own.
 */
import { diffWordsWithSpace } from "diff";

export type DiffSegment = { kind: "same" | "added" | "removed"; text: string };

export function wordDiff(before: string, after: string): DiffSegment[] {
  return diffWordsWithSpace(before, after).map((c) => ({ kind: c.added ? "added" : c.removed ? "removed" : "same", text: c.value }));
}

// Punctuation changes show in the diff but are not counted as words.
const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

/** "+12 words, −3 words" style counts of what changed; both 0 when the texts are equal. */
export function diffStats(before: string, after: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const s of wordDiff(before, after)) {
    if (s.kind === "added") added += words(s.text);
    if (s.kind === "removed") removed += words(s.text);
  }
  return { added, removed };
}
