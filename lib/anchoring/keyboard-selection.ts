/**
 * Keyboard selection in the article: moving and stretching a selection by
 * sentence and by word, on canonical code-point offsets. Pure functions; the
 * workspace turns the result into a DOM selection (components/annotation/dom-range.ts).
 */
import { sentenceSpans } from "../sentences";
import { blockSpans, fromUtf16, toUtf16, type Block } from "./text";

export type Span = { start: number; end: number };

/** Every sentence of paragraphs and quotes, and every heading and list item whole, in reading order. */
export function selectableUnits(blocks: Block[]): Span[] {
  const units: Span[] = [...sentenceSpans(blocks), ...blockSpans(blocks).filter((b) => b.kind === "heading" || b.kind === "list_item")];
  return units.map(({ start, end }) => ({ start, end })).sort((a, b) => a.start - b.start);
}

/** The unit after the current selection (or the first one). */
export function nextUnit(units: Span[], current: Span | null): Span | null {
  if (!current) return units[0] ?? null;
  return units.find((u) => u.start >= current.end) ?? null;
}

/** The unit before the current selection (or the last one). */
export function previousUnit(units: Span[], current: Span | null): Span | null {
  if (!current) return units.at(-1) ?? null;
  return units.findLast((u) => u.end <= current.start) ?? null;
}

/** The selection stretched to the end of the next unit. */
export function extendByUnit(units: Span[], current: Span | null): Span | null {
  if (!current) return nextUnit(units, null);
  const next = units.find((u) => u.end > current.end);
  return next ? { start: current.start, end: next.end } : current;
}

/** The selection's end moved to the end of the next word (grow) or of the previous one (shrink, never to nothing). */
export function moveEndByWord(text: string, current: Span, direction: "grow" | "shrink"): Span {
  const end = toUtf16(text, current.end);
  const start = toUtf16(text, current.start);
  if (direction === "grow") {
    const rest = /^\s*[^\s]+/u.exec(text.slice(end));
    return rest ? { start: current.start, end: fromUtf16(text, end + rest[0].length) } : current;
  }
  const head = text.slice(start, end).replace(/\s*[^\s]+\s*$/u, "");
  return head.length > 0 ? { start: current.start, end: fromUtf16(text, start + head.trimEnd().length) } : current;
}
