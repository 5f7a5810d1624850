/**
 * Re-anchoring every claim of a snapshot against a new snapshot (DESIGN.md,
 * "Anchors"): one diff of old → new text, then per claim
 *   1. the quote survived verbatim inside an unchanged stretch → anchored at
 *      the mapped offset (no search: a look-alike elsewhere cannot win);
 *   2. otherwise resolveAnchor searches, measuring distance from the mapped
 *      offset: scored exact matches, then fuzzy near it, then everywhere;
 *   3. nothing found but most of the quote survived in place → needs_review
 *      on the mapped range (the reviewer decides), else orphaned.
 * Pure and synchronous: the server runs it inside the import transaction.
 */
import { describeAnchor, resolveAnchor, snapSelection, type AnchorStatus, type TextAnchor } from "./anchor";
import { diffTexts, offsetMap } from "./anchor-diff";
import { textIndex } from "./anchor-scoring";

export type ReanchorOutcome = {
  status: AnchorStatus;
  score: number;
  /** The anchor in the new text; for an orphan, the old anchor unchanged. */
  anchor: TextAnchor;
};

/** Share of a quote that must survive in place for a failed search to still propose the mapped range. */
const MAPPED_PROPOSAL_SHARE = 0.5;
/** Slack (UTF-16 units) around the context budget when deciding that the context is untouched too. */
const CONTEXT_SLACK = 8;

/**
 * Re-anchors `anchors` (made on `oldText`) in `newText`. Outcomes come back
 * in the same order. Statuses never improve on their own: a claim that
 * needed review still needs it after another re-import (see `carryReview`).
 */
export function reanchorAll(oldText: string, newText: string, anchors: TextAnchor[]): ReanchorOutcome[] {
  if (oldText === newText) return anchors.map((anchor) => ({ status: "anchored", score: 1, anchor }));
  const map = offsetMap(diffTexts(oldText, newText));
  const oldIndex = textIndex(oldText);
  // textIndex caches one text at a time: copy what we need from the old one before indexing the new.
  const olds = anchors.map((a) => ({ from: oldIndex.toUtf16(a.start), to: oldIndex.toUtf16(a.end), length: oldIndex.cpLength }));
  const newIndex = textIndex(newText);
  return anchors.map((anchor, k) => {
    const { from, to } = olds[k]!;
    const newFrom = map.mapStart(from);
    const newTo = Math.max(newFrom, map.mapEnd(to));
    const startCp = newIndex.toCp(newFrom);
    const endCp = newIndex.toCp(newTo);
    if (map.untouched(from, to)) {
      // The quote is the same text; its context is too when the stretch around it is unchanged.
      const contextSame = map.untouched(Math.max(0, from - anchor.prefix.length - CONTEXT_SLACK), Math.min(oldText.length, to + anchor.suffix.length + CONTEXT_SLACK));
      const moved = contextSame ? { ...anchor, start: startCp, end: endCp } : describeAnchor(newText, startCp, endCp);
      return { status: "anchored", score: 1, anchor: moved };
    }
    const resolved = resolveAnchor(newText, anchor, { hint: startCp, trustHint: false });
    if (resolved.status !== "orphaned") {
      return { status: resolved.status, score: resolved.score, anchor: describeAnchor(newText, resolved.start, resolved.end) };
    }
    const kept = map.keptShare(from, to);
    const snapped = endCp > startCp ? snapSelection(newText, startCp, endCp) : null;
    if (kept >= MAPPED_PROPOSAL_SHARE && snapped) {
      return { status: "needs_review", score: Math.round(kept * 0.5 * 1000) / 1000, anchor: describeAnchor(newText, snapped.start, snapped.end) };
    }
    return { status: "orphaned", score: 0, anchor };
  });
}

/** A claim already waiting for a reviewer stays waiting: a later import must not confirm it silently. */
export function carryReview(previous: AnchorStatus, next: AnchorStatus): AnchorStatus {
  if (previous === "needs_review" && (next === "anchored" || next === "moved")) return "needs_review";
  return next;
}
