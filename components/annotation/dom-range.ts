/**
 * The other direction of selection.ts: canonical code-point offsets → a DOM
 * Range over <ArticleText>, so keyboard commands ("select next sentence",
 * "grow by a word") can set a real document selection that then flows
 * through the same selection → anchor path as a mouse drag.
 */
import { toUtf16 } from "@/lib/anchoring/text";

const RUN = "[data-start]";

/** The text node and UTF-16 offset for canonical offset `at`; `side` picks the run that ends (end) or starts (start) at a run boundary. */
function pointAt(runs: NodeListOf<Element>, at: number, side: "start" | "end"): { node: Node; offset: number } | null {
  // Runs are in document order with increasing data-start: binary search the last run starting at or before `at`.
  let lo = 0;
  let hi = runs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = Number(runs[mid]!.getAttribute("data-start"));
    if (start < at || (side === "start" && start === at)) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) found = 0;
  const run = runs[found];
  if (!run) return null;
  const text = run.firstChild;
  if (!text || text.nodeType !== Node.TEXT_NODE) return { node: run, offset: 0 };
  const cp = Math.max(0, at - Number(run.getAttribute("data-start")));
  return { node: text, offset: Math.min(toUtf16((text as Text).data, cp), (text as Text).data.length) };
}

/** A Range covering canonical [start, end) inside `root`, or null when the article has no text runs. */
export function offsetsToRange(root: Element, start: number, end: number): Range | null {
  const runs = root.querySelectorAll(RUN);
  const from = pointAt(runs, start, "start");
  const to = pointAt(runs, end, "end");
  if (!from || !to) return null;
  const range = root.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** Replaces the document selection with canonical [start, end) and scrolls it into view. */
export function selectOffsets(root: Element, start: number, end: number): boolean {
  const range = offsetsToRange(root, start, end);
  const selection = root.ownerDocument.getSelection();
  if (!range || !selection) return false;
  selection.removeAllRanges();
  selection.addRange(range);
  const node = range.startContainer.nodeType === Node.TEXT_NODE ? range.startContainer.parentElement : (range.startContainer as Element);
  node?.scrollIntoView?.({ block: "nearest" });
  return true;
}
