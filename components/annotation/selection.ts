/**
 * DOM edge of anchoring: turns a browser Range over <ArticleText> into
 * canonical code-point offsets. ArticleText puts every text run in an element
 * with `data-start` (its code-point offset in the canonical text) and nothing
 * else inside it, so a boundary inside a run is `data-start` + the code points
 * before it in that run. Boundaries that sit on block or list elements, between
 * blocks, or outside the article (a drag that overshoots) are resolved to the
 * nearest run edge or clamped to the text ends. The result is raw: callers
 * tidy it with snapSelection (lib/anchoring/anchor.ts), which trims the "\n\n" between
 * blocks and widens partial words.
 */
import { codePointLength } from "@/lib/anchoring/text";

export type CodePointRange = { start: number; end: number };

const RUN = "[data-start]";

function runStart(el: Element): number {
  return Number(el.getAttribute("data-start"));
}

function runEnd(el: Element): number {
  return runStart(el) + codePointLength(el.textContent ?? "");
}

/** The innermost `[data-start]` run holding (node), if it is inside `root`. */
function runAround(root: Element, node: Node): Element | null {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  const run = el?.closest(RUN) ?? null;
  return run && root.contains(run) ? run : null;
}

/**
 * Index of the first run whose start lies at or after the boundary point
 * (runs.length when none). Runs are in document order, so a binary search
 * over Range.comparePoint stays fast on long articles.
 */
function firstRunAtOrAfter(runs: ArrayLike<Element>, node: Node, offset: number): number {
  const point = (node.ownerDocument ?? document).createRange();
  point.setStart(node, offset);
  point.collapse(true);
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    // comparePoint(run, 0) >= 0: the run starts at or after the collapsed point.
    if (point.comparePoint(runs[mid]!, 0) >= 0) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The canonical code-point offset of one boundary point of a selection.
 * `side` decides which way a boundary between runs leans: a start moves
 * forward to the next run's first character, an end moves back to the
 * previous run's last one, so a selection never grows past what was selected.
 */
export function offsetAtBoundary(root: Element, node: Node, offset: number, side: "start" | "end", textLength: number): number {
  const doc = root.ownerDocument;
  const whole = doc.createRange();
  whole.selectNodeContents(root);
  let where: number;
  try {
    where = whole.comparePoint(node, offset);
  } catch {
    return side === "start" ? 0 : textLength; // another document or a doctype: treat as unbounded
  }
  if (where < 0) return 0;
  if (where > 0) return textLength;

  const run = runAround(root, node);
  if (run) {
    // Code points of the run's text before the boundary (the run holds text only).
    const before = doc.createRange();
    before.setStart(run, 0);
    before.setEnd(node, offset);
    return Math.min(runEnd(run), runStart(run) + codePointLength(before.toString()));
  }

  const runs = root.querySelectorAll(RUN);
  const i = firstRunAtOrAfter(runs, node, offset);
  if (side === "start") return i < runs.length ? runStart(runs[i]!) : textLength;
  return i > 0 ? runEnd(runs[i - 1]!) : 0;
}

/**
 * Maps a DOM Range to canonical code-point offsets over the text rendered in
 * `root`. Returns null when the range does not touch the article or covers
 * no text. `textLength` is the canonical text's length in code points.
 */
export function rangeToOffsets(root: Element, range: Range, textLength: number): CodePointRange | null {
  if (range.collapsed || !range.intersectsNode(root)) return null;
  const start = offsetAtBoundary(root, range.startContainer, range.startOffset, "start", textLength);
  const end = offsetAtBoundary(root, range.endContainer, range.endOffset, "end", textLength);
  return end > start ? { start, end } : null;
}

/** The current document selection inside `root`, in canonical code points, or null. */
export function selectionToOffsets(root: Element, textLength: number): CodePointRange | null {
  const selection = root.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  return rangeToOffsets(root, selection.getRangeAt(0), textLength);
}
