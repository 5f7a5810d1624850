/**
 * Long jumps through an article for the keyboard: by paragraph, by heading
 * and to the sentence holding a few typed words. They land on the same units
 * as keyboard-selection.ts (sentences, whole headings and list items), so `]`
 * carries on from wherever a jump ended. Pure; the workspace turns the result
 * into a DOM selection (components/annotation/dom-range.ts).
 */
import type { Span } from "./keyboard-selection";
import { blockSpans, type Block } from "./text";

export type TextNavigation = {
  units: Span[];
  /** The first unit of every block, in reading order: paragraph jumps land here. */
  blockStarts: Span[];
  headings: Span[];
  /** Each unit's text folded for matching (foldForSearch), by unit index. */
  folded: string[];
};

/** Case, accents, curly quotes and runs of spaces do not count when looking for typed words. */
export function foldForSearch(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[‘’ʼ]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, " ");
}

export function textNavigation(blocks: Block[], text: string, units: Span[]): TextNavigation {
  // Code-point offsets: slice through an array only when the text has characters outside the BMP.
  const points = /[\ud800-\udfff]/.test(text) ? Array.from(text) : null;
  const slice = (s: Span) => (points ? points.slice(s.start, s.end).join("") : text.slice(s.start, s.end));
  const blockStarts: Span[] = [];
  const headings: Span[] = [];
  let u = 0;
  for (const block of blockSpans(blocks)) {
    while (u < units.length && units[u]!.start < block.start) u++;
    const first = units[u];
    if (!first || first.start > block.end) continue; // an empty block
    blockStarts.push(first);
    if (block.kind === "heading") headings.push(first);
  }
  return { units, blockStarts, headings, folded: units.map((unit) => foldForSearch(slice(unit))) };
}

/** The first of `spans` after the current position (or the first one). */
export function nextOf(spans: Span[], current: Span | null): Span | null {
  if (!current) return spans[0] ?? null;
  return spans.find((s) => s.start > current.start) ?? null;
}

/** The last of `spans` before the current position (or the last one): `{` inside a paragraph goes to its start first. */
export function previousOf(spans: Span[], current: Span | null): Span | null {
  if (!current) return spans.at(-1) ?? null;
  return spans.findLast((s) => s.start < current.start) ?? null;
}

/** How many units hold the typed words. */
export function countMatches(nav: TextNavigation, query: string): number {
  const q = foldForSearch(query).trim();
  return q ? nav.folded.reduce((n, t) => (t.includes(q) ? n + 1 : n), 0) : 0;
}

/**
 * The first unit holding the typed words after the current position,
 * wrapping to the top: typing again with the same words walks every match.
 */
export function findUnit(nav: TextNavigation, query: string, current: Span | null): Span | null {
  const q = foldForSearch(query).trim();
  if (!q) return null;
  const from = !current ? 0 : current.start === current.end ? current.start : current.start + 1;
  const n = nav.units.length;
  const first = nav.units.findIndex((unit) => unit.start >= from);
  const begin = first < 0 ? 0 : first;
  for (let i = 0; i < n; i++) {
    const at = (begin + i) % n;
    if (nav.folded[at]!.includes(q)) return nav.units[at]!;
  }
  return null;
}
