/**
 * PDF page geometry → lines in reading order. A PDF has no paragraphs, only
 * runs of glyphs placed on a page; this puts them back together:
 * runs on one baseline become a row, a row splits into fragments where a
 * gap wider than a space separates them, and a stretch of rows that all
 * leave the same vertical strip empty (a gutter) is either text set in
 * columns (read column by column) or a table (read row by row).
 * Coordinates are PDF points with y growing upwards; everything is relative
 * to the font size, so scale does not matter.
 */

/** One text item from pdf.js, in the page's upright frame: baseline origin, advance width, font size. */
export type TextRun = { text: string; x: number; y: number; width: number; size: number; rtl: boolean };

/** Runs on one baseline close enough to read as one piece of text. */
type Fragment = { text: string; x0: number; x1: number; y: number; size: number };

/** Everything on one baseline, left to right. */
export type Row = { y: number; size: number; fragments: Fragment[] };

/** A line of text as read: one row, or the part of a row inside one column. */
export type Line = { text: string; x0: number; x1: number; y: number; size: number };

/** Running text (paragraphs, headings) or a table, whose rows are kept whole. */
export type Section = { kind: "flow"; lines: Line[] } | { kind: "table"; rows: Line[] };

/** Wider than any word space, narrower than any column gutter or table cell gap (in ems). */
const GAP_EM = 1;
/** Baselines closer than this (in ems) are one row: sub- and superscripts (footnote markers), slightly misaligned runs. Lines are at least 1 em apart. */
const SAME_ROW_EM = 0.45;
/** What a table cell is joined with: the row stays one block and the reviewer still sees the cells. */
const CELL_SEPARATOR = " | ";

const byX = (a: { x0: number }, b: { x0: number }) => a.x0 - b.x0;
/** Math.max/min over a mapped array without spreading it: a page may hold a million runs, more arguments than a call takes. */
export const maxOf = <T>(xs: T[], f: (x: T) => number) => xs.reduce((m, x) => Math.max(m, f(x)), -Infinity);
export const minOf = <T>(xs: T[], f: (x: T) => number) => xs.reduce((m, x) => Math.min(m, f(x)), Infinity);

/** Joins two pieces of one line: a space where the gap is wider than letter spacing and neither side brings one. */
function joinPieces(left: string, right: string, gap: number, size: number): string {
  if (gap < 0.15 * size || /\s$/.test(left) || /^\s/.test(right)) return left + right;
  return `${left} ${right}`;
}

function fragmentsOf(runs: TextRun[]): Fragment[] {
  const sorted = [...runs].sort((a, b) => a.x - b.x);
  const groups: TextRun[][] = [];
  for (const run of sorted) {
    const group = groups.at(-1);
    const last = group?.at(-1);
    // Fake bold: the same text drawn twice, a hair apart.
    if (last && last.text === run.text && Math.abs(last.x - run.x) < 0.2 * run.size) continue;
    if (group && last && run.x - (last.x + last.width) <= GAP_EM * Math.max(run.size, last.size)) group.push(run);
    else groups.push([run]);
  }
  return groups.map((group) => {
    // Right-to-left scripts: pdf.js gives each run in logical order, but the runs of a line read from the right.
    const rtl = group.filter((r) => r.rtl).length * 2 > group.length;
    const ordered = rtl ? [...group].reverse() : group;
    let text = ordered[0]!.text;
    for (let i = 1; i < ordered.length; i++) {
      const [prev, cur] = [ordered[i - 1]!, ordered[i]!];
      text = joinPieces(text, cur.text, rtl ? prev.x - (cur.x + cur.width) : cur.x - (prev.x + prev.width), cur.size);
    }
    const x0 = minOf(group, (r) => r.x);
    const x1 = maxOf(group, (r) => r.x + r.width);
    return { text: text.trim(), x0, x1, y: group[0]!.y, size: maxOf(group, (r) => r.size) };
  });
}

/** Runs → rows, top of the page first. */
export function rowsOf(runs: TextRun[]): Row[] {
  const sorted = runs.filter((r) => r.text.trim() !== "" && r.size > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: { y: number; runs: TextRun[] }[] = [];
  for (const run of sorted) {
    const row = rows.at(-1);
    if (row && row.y - run.y <= SAME_ROW_EM * Math.max(run.size, row.runs[0]!.size)) row.runs.push(run);
    else rows.push({ y: run.y, runs: [run] });
  }
  return rows.map((r) => {
    // The row's baseline is its largest type's, not a raised footnote marker's.
    const main = r.runs.reduce((a, b) => (b.size > a.size ? b : a));
    return { y: main.y, size: main.size, fragments: fragmentsOf(r.runs) };
  });
}

export const rowText = (row: Row) => row.fragments.map((f) => f.text).join(" ");

const lineOf = (fragments: Fragment[], y: number): Line => ({
  text: fragments.map((f) => f.text).join(" "),
  x0: minOf(fragments, (f) => f.x0),
  x1: maxOf(fragments, (f) => f.x1),
  y,
  size: maxOf(fragments, (f) => f.size),
});

type Interval = [number, number];

/** More columns than this is scattered text (a chart's labels), not a layout; it also bounds the work per row. */
const MAX_COLUMNS = 16;

/** The empty strips between a band's fragments, at least a gap wide; none for scattered text. */
function gutters(rows: Row[]): Interval[] {
  const fragments = rows.flatMap((r) => r.fragments).sort(byX);
  const size = maxOf(rows, (r) => r.size);
  const found: Interval[] = [];
  let right = fragments[0]!.x1;
  for (const f of fragments.slice(1)) {
    if (f.x0 - right >= GAP_EM * size) found.push([right, f.x0]);
    right = Math.max(right, f.x1);
  }
  return found.length < MAX_COLUMNS ? found : [];
}

/** What is left of the strips once `rows` are laid over them. */
function narrow(strips: Interval[], rows: Row[], size: number): Interval[] {
  let left = strips;
  for (const f of rows.flatMap((r) => r.fragments)) {
    left = left.flatMap(([a, b]): Interval[] => {
      if (f.x1 <= a || f.x0 >= b) return [[a, b]];
      return ([[a, f.x0], [f.x1, b]] as Interval[]).filter(([c, d]) => d - c >= GAP_EM * size);
    });
  }
  return left;
}

/**
 * Rows that overlap vertically (baselines closer than a line) are one band:
 * two columns whose baselines do not line up still share bands, so their gutter shows.
 */
function bandsOf(rows: Row[]): Row[][] {
  const bands: Row[][] = [];
  for (const row of rows) {
    const band = bands.at(-1);
    const last = band?.at(-1);
    if (band && last && last.y - row.y < 0.7 * Math.max(last.size, row.size)) band.push(row);
    else bands.push([row]);
  }
  return bands;
}

/** Column `i` of a region: the strip between gutter i-1 and gutter i. */
function columnOf(f: Fragment, strips: Interval[]): number {
  const centre = (f.x0 + f.x1) / 2;
  return strips.filter(([a, b]) => centre > (a + b) / 2).length;
}

/**
 * Text set in a column fills its width: most of its lines run from one edge
 * to the other, and it is wide enough for a sentence. Table columns hold
 * short cells (names, numbers) of varied length.
 */
function isTextColumn(lines: Line[]): boolean {
  if (lines.length < 3) return false;
  const left = minOf(lines, (l) => l.x0);
  const width = maxOf(lines, (l) => l.x1) - left;
  const size = lines.reduce((s, l) => s + l.size, 0) / lines.length;
  const full = lines.filter((l) => l.x1 - l.x0 >= 0.7 * width).length;
  return width >= 15 * size && full * 2 >= lines.length;
}

/** A stretch of rows sharing gutters: columns of text, else a table. */
function regionSections(rows: Row[], strips: Interval[]): Section[] {
  const columns: Line[][] = strips.map(() => []).concat([[]]);
  for (const row of rows) {
    const parts: Fragment[][] = columns.map(() => []);
    for (const f of row.fragments) parts[columnOf(f, strips)]!.push(f);
    for (const [i, fragments] of parts.entries()) if (fragments.length > 0) columns[i]!.push(lineOf(fragments, row.y));
  }
  if (columns.every(isTextColumn)) return columns.map((lines) => ({ kind: "flow", lines }));
  const tableRow = (row: Row): Line => ({ ...lineOf(row.fragments, row.y), text: row.fragments.map((f) => f.text).join(CELL_SEPARATOR) });
  return [{ kind: "table", rows: rows.map(tableRow) }];
}

/** Body rows of one page → sections in reading order. */
export function sectionsOf(rows: Row[]): Section[] {
  const bands = bandsOf(rows);
  const sections: Section[] = [];
  // Rows outside any region run on as one flow until a region interrupts it.
  let flow: Line[] | null = null;
  for (let i = 0; i < bands.length; ) {
    let strips = gutters(bands[i]!);
    let j = i + 1;
    for (; j < bands.length && strips.length > 0; j++) {
      const size = maxOf(bands[j]!, (r) => r.size);
      const next = narrow(strips, bands[j]!, size);
      if (next.length === 0) break;
      strips = next;
    }
    const region = bands.slice(i, j).flat();
    // One row with a wide gap in it ("Figure 2      Source: WHO") is a line, not a layout.
    if (strips.length > 0 && region.length >= 2) {
      sections.push(...regionSections(region, strips));
      flow = null;
      i = j;
    } else {
      if (!flow) sections.push({ kind: "flow", lines: (flow = []) });
      for (const row of bands[i]!) flow.push(lineOf(row.fragments, row.y));
      i++;
    }
  }
  return sections;
}
