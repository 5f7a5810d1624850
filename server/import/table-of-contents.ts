import type { DraftBlock } from "../../lib/import-draft";

export const TABLE_OF_CONTENTS = "Table of contents (its headings follow in the article)";

/** At least this many consecutive list items naming later headings make a table of contents. */
const MIN_ENTRIES = 3;

const key = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFKC")
    .replace(/^[\d.\s)]+/u, "") // "1. Introduction", "2) Methods"
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/**
 * A run of list items that repeat, in order, headings kept further down is the article's table of contents:
 * its text would be a second copy of every heading in the snapshot. It is left out (a reviewer can restore it).
 * Only headings after the run count, so a summary list that happens to share one heading's words stays.
 */
export function markTableOfContents(blocks: DraftBlock[]): DraftBlock[] {
  const out = blocks.slice();
  let i = 0;
  while (i < out.length) {
    if (out[i]!.kind !== "list_item" || out[i]!.drop) {
      i++;
      continue;
    }
    let end = i;
    while (end < out.length && out[end]!.kind === "list_item" && !out[end]!.drop) end++;
    const later = new Set(out.slice(end).filter((b) => b.kind === "heading" && !b.drop).map((b) => key(b.text)));
    const entries = out.slice(i, end).filter((b) => later.has(key(b.text))).length;
    if (entries >= MIN_ENTRIES && entries * 5 >= (end - i) * 4) {
      for (let j = i; j < end; j++) out[j] = { ...out[j]!, drop: true, reason: TABLE_OF_CONTENTS };
    }
    i = end;
  }
  return out;
}
