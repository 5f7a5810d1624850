/**
 * Highlight layout: turns blocks + claim ranges into render segments, with
 * no DOM involved, so the reviewer UI and the public page can render claim
 * highlights as plain React elements (DESIGN.md: render from blocks).
 *
 * Ranges are canonical code-point offsets (the same numbers anchors store).
 * The work is a sweep over ranges sorted once by start, so a 50,000-word
 * article with hundreds of claims costs O((blocks + ranges) log ranges)
 * plus the size of the output, never blocks × ranges.
 */
import { blockSpans, type Block, type BlockKind } from "./text";

/** A highlighted span of the canonical text (code points, end exclusive). */
export type HighlightRange = { id: string; start: number; end: number };

/**
 * A run of a block's text covered by the same set of ranges. start/end are
 * canonical code points; ids are the covering ranges, outermost (longest)
 * first, so the last id is the innermost claim.
 */
export type Segment = { text: string; start: number; end: number; ids: string[] };

/** One block's segments; `start` is the block's canonical code-point offset. */
export type BlockSegments = { index: number; kind: BlockKind; start: number; segments: Segment[] };

/** Outermost first: longer ranges before shorter, then earlier start, then id, so output is deterministic. */
function outerFirst(x: HighlightRange, y: HighlightRange): number {
  return y.end - y.start - (x.end - x.start) || x.start - y.start || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
}

/**
 * Splits every block's text at each range boundary inside it. Overlapping,
 * nested and adjacent ranges all show up; a range spanning several blocks
 * appears in each block it touches (never in the "\n\n" separators). Empty
 * or inverted ranges are ignored; ranges past the text are clipped.
 */
export function segmentBlocks(blocks: Block[], ranges: HighlightRange[]): BlockSegments[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((x, y) => x.start - y.start);
  const spans = blockSpans(blocks);
  let next = 0; // first range in `sorted` not yet considered
  let open: HighlightRange[] = []; // ranges that started before the current block's end and may still reach it
  const result: BlockSegments[] = [];

  for (const span of spans) {
    while (next < sorted.length && sorted[next].start < span.end) open.push(sorted[next++]);
    // Ranges that ended before this block can never come back (blocks are in order).
    open = open.filter((r) => r.end > span.start);
    result.push({ index: span.index, kind: span.kind, start: span.start, segments: splitBlock(span.text, span.start, span.end, open) });
  }
  return result;
}

/** Boundary events inside one block: at `pos`, `range` opens (open=true) or closes. */
type Event = { pos: number; open: boolean; range: HighlightRange };

function splitBlock(text: string, blockStart: number, blockEnd: number, active: HighlightRange[]): Segment[] {
  if (blockEnd <= blockStart) return [];
  // Most blocks of a long article carry no claim: skip the code-point walk for them.
  if (active.length === 0) return [{ text, start: blockStart, end: blockEnd, ids: [] }];
  const events: Event[] = [];
  for (const r of active) {
    events.push({ pos: Math.max(r.start, blockStart), open: true, range: r });
    events.push({ pos: Math.min(r.end, blockEnd), open: false, range: r });
  }
  // All events at a position are applied before the next segment is emitted, so the
  // order among them does not matter (adjacent ranges still get separate segments).
  events.sort((x, y) => x.pos - y.pos);

  const slicer = codePointSlicer(text, blockStart);
  const segments: Segment[] = [];
  let covering: HighlightRange[] = []; // kept in outerFirst order
  let pos = blockStart;
  let i = 0;
  while (pos < blockEnd) {
    for (; i < events.length && events[i].pos <= pos; i++) {
      const e = events[i];
      if (!e.open) covering = covering.filter((r) => r !== e.range);
      else {
        // Insertion keeps the order without re-sorting: depth is small in practice.
        let at = covering.length;
        while (at > 0 && outerFirst(e.range, covering[at - 1]) < 0) at--;
        covering.splice(at, 0, e.range);
      }
    }
    const stop = i < events.length ? Math.min(events[i].pos, blockEnd) : blockEnd;
    segments.push({ text: slicer(pos, stop), start: pos, end: stop, ids: covering.map((r) => r.id) });
    pos = stop;
  }
  return segments;
}

/**
 * Slices `text` by absolute code-point offsets that only ever increase, in
 * one forward pass (no repeated O(n) conversions for astral-heavy text).
 */
function codePointSlicer(text: string, base: number): (from: number, to: number) => string {
  if (!/[\ud800-\udfff]/.test(text)) return (from, to) => text.slice(from - base, to - base);
  let cp = 0;
  let unit = 0;
  const advance = (target: number): number => {
    while (cp < target && unit < text.length) {
      const c = text.charCodeAt(unit);
      unit += c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(unit + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      cp++;
    }
    return unit;
  };
  return (from, to) => {
    const a = advance(from - base);
    return text.slice(a, advance(to - base));
  };
}
