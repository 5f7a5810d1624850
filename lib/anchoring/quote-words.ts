/**
 * The words of a claim's quote, compared the way the anchoring rule needs
 * (DESIGN.md, "Anchors"): case, whitespace and punctuation do not count,
 * every other change does — "is" → "is not", "safe" → "unsafe", "5" → "6".
 * A re-anchored quote whose words changed goes to a reviewer with the word
 * diff below. Pure functions, shared by server and browser.
 */
import { diffArrays } from "diff";

export type WordDiffPart = { kind: "same" | "added" | "removed"; text: string };

// A word: letters, marks and digits, with inner apostrophes ("don't") and digit
// groups ("4,000", "2.5") kept whole, so "4,000" → "4000" still reads as a change.
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+|[.,]\p{N}+)*/gu;

/** Case-folded words; typographic apostrophes count as plain ones. */
export function quoteWords(text: string): string[] {
  return [...text.normalize("NFKC").matchAll(WORD)].map((m) => m[0].toLowerCase().replace(/’/g, "'"));
}

/** Whether two quotes say the same words (case, whitespace and punctuation aside). */
export function sameWords(a: string, b: string): boolean {
  const x = quoteWords(a);
  const y = quoteWords(b);
  return x.length === y.length && x.every((w, i) => w === y[i]);
}

/** A word with the punctuation and space that follow it; `key` is what is compared. */
type Piece = { key: string; text: string };

function pieces(text: string): Piece[] {
  const matches = [...text.matchAll(WORD)];
  if (matches.length === 0) return text ? [{ key: "", text }] : [];
  return matches.map((m, i) => {
    // Leading punctuation (an opening quote mark) belongs to the first word.
    const from = i === 0 ? 0 : m.index;
    const to = i + 1 < matches.length ? matches[i + 1]!.index : text.length;
    return { key: quoteWords(m[0])[0] ?? "", text: text.slice(from, to) };
  });
}

/**
 * Word diff of an old quote against its proposed replacement, for a reviewer.
 * "same" and "added" parts concatenate to exactly the new quote, "same" and
 * "removed" ones to the old quote's words (punctuation as in the new one,
 * a space added where a removed word would otherwise touch its neighbour).
 * Adjacent parts of one kind are merged; a replacement lists removed first.
 */
export function quoteWordDiff(oldQuote: string, newQuote: string): WordDiffPart[] {
  const changes = diffArrays(pieces(oldQuote), pieces(newQuote), { comparator: (a, b) => a.key === b.key });
  const out: WordDiffPart[] = [];
  for (const change of changes) {
    const kind = change.added ? "added" : change.removed ? "removed" : "same";
    const text = change.value.map((p) => p.text).join("");
    const last = out.at(-1);
    if (last?.kind === kind) last.text += text;
    else if (text) out.push({ kind, text });
  }
  // Removed words sit between text of the new quote, which may lack a space on that side ("safe" + "kratom").
  out.forEach((part, i) => {
    if (part.kind !== "removed") return;
    const before = out[i - 1]?.text ?? "";
    const after = out[i + 1]?.text ?? "";
    if (before && !/\s$/u.test(before) && !/^\s/u.test(part.text)) part.text = ` ${part.text}`;
    if (after && !/\s$/u.test(part.text) && !/^\s/u.test(after)) part.text = `${part.text} `;
  });
  return out;
}

/**
 * How much of two quotes' wording is shared, in order (0..1): twice the
 * longest common word sequence over both word counts. Tells a claim's own
 * sentence, edited, from text that merely took its place.
 */
export function sharedWordShare(a: string, b: string): number {
  const x = quoteWords(a);
  const y = quoteWords(b);
  if (x.length + y.length === 0) return 1;
  let prev = new Array<number>(y.length + 1).fill(0);
  for (const w of x) {
    const cur = [0];
    for (let j = 1; j <= y.length; j++) cur[j] = w === y[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    prev = cur;
  }
  return (2 * prev[y.length]!) / (x.length + y.length);
}
