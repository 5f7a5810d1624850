/**
 * Laid-out PDF pages → draft blocks: lines grouped into paragraphs by the
 * gaps and indents between them, headings by their larger type, list items
 * by their bullets, words hyphenated at a line end joined again, and
 * running headers, footers and page numbers kept but pre-marked (`drop`),
 * as web boilerplate is, so the reviewer can restore one.
 */
import { normalizeText, type BlockKind } from "@/lib/anchoring/text";
import type { DraftBlock } from "../../lib/import-draft";
import { maxOf, minOf, rowText, sectionsOf, type Line, type Row, type Section } from "./pdf-layout";

/** One page's rows, top first; `height` is the page's, in the same units as the rows' baselines. */
export type LaidOutPage = { rows: Row[]; height: number };

export const REPEATED = "Repeated across pages (header or footer)";
export const PAGE_NUMBER = "Page number";

/** Running headers and footers sit in the page's margins: its top and bottom 8% (an A4 page's top 67 points). */
const MARGIN = 0.08;
/** "7", "- 7 -", "Page 7", "p. 7", "7 of 12", "7/12", "vii". */
const PAGE_NUMBER_LINE = /^[\s\-–—([]*(?:(?:page|p\.|pg\.?)\s*)?(?:\d{1,4}|(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3}))(?:\s*(?:of|\/)\s*\d{1,4})?[\s\-–—)\]]*$/i;
/** Type this much larger than the body text is a heading. */
const HEADING_RATIO = 1.15;
/** Longer than this it is large body text (an introduction set big), not a heading. */
const MAX_HEADING_CHARS = 200;
const BULLET = /^[•▪◦●○■□‣⁃∙·*]\s+/u;
const NUMBERED = /^\d{1,2}[.)]\s+\S/;

/**
 * Margin rows that are running headers, footers or page numbers, with the reason.
 * A row counts as repeated when the same text, digits aside ("Page 3 of 9", a date), sits in the same margin
 * on at least two pages and at least 40% of them (alternating left- and right-page headers reach half).
 * Running text is set no larger than the body; a heading at the top of every page ("Section 3") is not furniture.
 */
function furniture(pages: LaidOutPage[], body: number): Map<Row, string> {
  const candidates: { row: Row; key: string }[] = [];
  const pagesWith = new Map<string, Set<number>>();
  pages.forEach((page, index) => {
    for (const row of page.rows) {
      const zone = row.y >= page.height * (1 - MARGIN) ? "top" : row.y <= page.height * MARGIN ? "bottom" : null;
      if (!zone || row.size >= body * HEADING_RATIO) continue;
      const key = `${zone} ${normalizeText(rowText(row)).toLowerCase().replace(/\d+/g, "#")}`;
      candidates.push({ row, key });
      pagesWith.set(key, (pagesWith.get(key) ?? new Set()).add(index));
    }
  });
  const needed = Math.max(2, Math.ceil(pages.length * 0.4));
  const reasons = new Map<Row, string>();
  for (const { row, key } of candidates) {
    if (PAGE_NUMBER_LINE.test(rowText(row))) reasons.set(row, PAGE_NUMBER);
    else if (pagesWith.get(key)!.size >= needed) reasons.set(row, REPEATED);
  }
  return reasons;
}

/** The size most of the text is set in (by characters), to half a point. */
function bodySize(rows: Row[]): number {
  const chars = new Map<number, number>();
  for (const f of rows.flatMap((r) => r.fragments)) {
    const size = Math.round(f.size * 2) / 2;
    chars.set(size, (chars.get(size) ?? 0) + f.text.length);
  }
  return [...chars].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

/**
 * The distance between baselines inside a paragraph of body text: the lower quartile of the steps between
 * consecutive body lines, since paragraph gaps only ever add to it.
 */
function bodyLeading(sections: Section[], body: number): number {
  const isBody = (l: Line) => Math.abs(l.size - body) < 0.1 * body;
  const steps: number[] = [];
  for (const s of sections) {
    if (s.kind !== "flow") continue;
    for (let i = 1; i < s.lines.length; i++) {
      const [a, b] = [s.lines[i - 1]!, s.lines[i]!];
      const step = a.y - b.y;
      if (isBody(a) && isBody(b) && step > 0.8 * body && step < 3 * body) steps.push(step);
    }
  }
  steps.sort((a, b) => a - b);
  return steps[Math.floor(steps.length / 4)] ?? 1.2 * body;
}

type Flow = { left: number; right: number; body: number; leading: number };

/** Whether `line` starts a new block after `prev` in the same flow. */
function startsBlock(prev: Line, line: Line, kind: BlockKind, flow: Flow): boolean {
  const step = prev.y - line.y;
  // Moving up the page: the next column.
  if (step <= 0) return true;
  if (Math.abs(prev.size - line.size) > 0.1 * Math.max(prev.size, line.size)) return true;
  if (BULLET.test(line.text) || NUMBERED.test(line.text)) return true;
  if (step > 1.35 * Math.max(flow.leading * (line.size / flow.body), 1.05 * line.size)) return true;
  if (kind === "heading") return false;
  // Without a gap: a first-line indent, or a sentence that ended well short of the right edge.
  const ended = /[.!?:;"”’)]$/.test(prev.text);
  const short = prev.x1 < flow.right - 0.3 * (flow.right - flow.left);
  const indented = line.x0 - flow.left > 0.8 * line.size && prev.x0 - flow.left < 0.3 * line.size;
  return (indented && (ended || short)) || (short && ended);
}

/**
 * Lines of one block → its text. A word broken at a line end ("treat-" / "ment") is joined when a lowercase
 * letter comes before the hyphen and after the break; otherwise ("non-" / "EU", "COVID-" / "19") the hyphen is
 * real and stays, with no space after it, as does a dash ("word—" / "next").
 */
function joinLines(lines: Line[]): string {
  let text = lines[0]!.text;
  for (const { text: next } of lines.slice(1)) {
    if (text.endsWith("\u00ad") || (/\p{Ll}[-\u2010]$/u.test(text) && /^\p{Ll}/u.test(next))) text = text.slice(0, -1) + next;
    else if (/[\p{L}\p{N}][-\u2010\u2013\u2014]$/u.test(text)) text += next;
    else text = `${text} ${next}`;
  }
  // Soft hyphens elsewhere are invisible break hints.
  return normalizeText(text.replace(/\u00ad/g, ""));
}

type Pending = { kind: BlockKind; lines: Line[] };

function flowBlocks(lines: Line[], body: number, leading: number): Pending[] {
  const flow: Flow = { left: minOf(lines, (l) => l.x0), right: maxOf(lines, (l) => l.x1), body, leading };
  const blocks: Pending[] = [];
  lines.forEach((line, i) => {
    const current = blocks.at(-1);
    const prev = lines[i - 1];
    if (current && prev && !startsBlock(prev, line, current.kind, flow)) current.lines.push(line);
    else blocks.push({ kind: line.size >= body * HEADING_RATIO ? "heading" : BULLET.test(line.text) || NUMBERED.test(line.text) ? "list_item" : "paragraph", lines: [line] });
  });
  return blocks.map((b) => (b.kind === "heading" && (b.lines.length > 3 || joinLines(b.lines).length > MAX_HEADING_CHARS) ? { ...b, kind: "paragraph" } : b));
}

function sectionBlocks(section: Section, body: number, leading: number): { kind: BlockKind; text: string }[] {
  if (section.kind === "table") return section.rows.map((row) => ({ kind: "paragraph", text: normalizeText(row.text) }));
  return flowBlocks(section.lines, body, leading).map((b) => {
    const text = joinLines(b.lines);
    // The bullet is list markup; a number ("3.") may be referred to, so it stays.
    return { kind: b.kind, text: b.kind === "list_item" ? text.replace(BULLET, "") : text };
  });
}

/** Every page's blocks in reading order, each with the page it is on; margin rows first or last on their page. */
export function blocksOf(pages: LaidOutPage[]): DraftBlock[] {
  // Measured over all rows: running headers and page numbers are a small share of any document's text.
  const body = bodySize(pages.flatMap((p) => p.rows));
  const reasons = furniture(pages, body);
  const sections = pages.map((p) => sectionsOf(p.rows.filter((r) => !reasons.has(r))));
  const leading = bodyLeading(sections.flat(), body);
  return pages.flatMap((page, i) => {
    const place = { page: i + 1 };
    const marked = (top: boolean): DraftBlock[] =>
      page.rows
        .filter((r) => reasons.has(r) && r.y > page.height / 2 === top)
        .map((r) => ({ kind: "paragraph", text: normalizeText(rowText(r)), place, drop: true, reason: reasons.get(r)! }));
    const text: DraftBlock[] = sections[i]!.flatMap((s) => sectionBlocks(s, body, leading)).map((b) => ({ ...b, place, drop: false, reason: null }));
    return [...marked(true), ...text, ...marked(false)].filter((b) => b.text !== "");
  });
}
