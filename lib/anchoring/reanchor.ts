/**
 * Re-anchoring every claim of a snapshot against a new snapshot (DESIGN.md,
 * "Anchors"): one diff of old → new text, then per claim
 *   1. the quote survived verbatim inside an unchanged stretch → anchored at
 *      the mapped offset (no search: a look-alike elsewhere cannot win);
 *   2. the claim's own region (its old range mapped through the diff) still
 *      holds most of its words → it was edited in place: it is searched for
 *      in that region only, so a verbatim copy of the old quote elsewhere (a
 *      table of contents, a summary box) cannot capture it;
 *   3. otherwise resolveAnchor searches everywhere, measuring distance from
 *      the mapped offset — but text that already stood elsewhere in the old
 *      snapshot is a copy, not the claim (orphaned), and a match elsewhere
 *      moves silently only when its surroundings came along, its whole block
 *      moved, or it was plainly cut and pasted; otherwise it is a suggestion.
 * Only the same words may land silently (anchored, moved): any change of
 * words inside the quote (beyond case, whitespace, punctuation) is
 * needs_review with a word diff.
 * Pure and synchronous: the server runs it inside the import transaction.
 */
import { CONTEXT_OK, describeAnchor, resolveAnchor, snapSelection, type TextAnchor } from "./anchor";
import type { AnchorStatus } from "../workflow";
import { diffTexts, offsetMap } from "./anchor-diff";
import { contextSimilarity, textIndex } from "./anchor-scoring";
import { quoteWordDiff, sameWords, sharedWordShare, type WordDiffPart } from "./quote-words";

export type { WordDiffPart } from "./quote-words";

export type ReanchorOutcome = {
  status: AnchorStatus;
  score: number;
  /** The anchor in the new text; for an orphan, the old anchor unchanged. */
  anchor: TextAnchor;
  /** The new quote's words differ from the old quote's (case, whitespace, punctuation aside): always needs_review. */
  wordsChanged: boolean;
  /** Old quote → new quote, word by word, for the reviewer; null when the words are the same. */
  wordDiff: WordDiffPart[] | null;
};

/** Share of the quote's words (in order) the mapped region must still hold to count as the claim, edited. */
const REGION_WORDS_KEPT = 0.5;
/** Slack (UTF-16 units) around the mapped region: a diff can cut a word or a space short. */
const REGION_SLACK = 16;
/** Below this share of its words left at its place, a quote has left (cut, or replaced by other words). */
const LEFT_ITS_PLACE = 0.2;
/** Characters a diff may shift between an insertion and the equal text next to it ("x. Quote." vs "x. Quote" + "."). */
const EDGE_SHIFT = 2;
/** Slack (UTF-16 units) around the context budget when deciding that the context is untouched too. */
const CONTEXT_SLACK = 8;

const isSilent = (s: AnchorStatus) => s === "anchored" || s === "moved";
const round = (x: number) => Math.round(x * 1000) / 1000;

/** The blank-line-separated block(s) around text[a, b). */
function blockAround(text: string, a: number, b: number): string {
  const s = text.lastIndexOf("\n\n", a - 1);
  const e = text.indexOf("\n\n", b);
  return text.slice(s < 0 ? 0 : s + 2, e < 0 ? text.length : e);
}

/**
 * Re-anchors `anchors` (made on `oldText`) in `newText`. Outcomes come back
 * in the same order. Statuses never improve on their own: a claim that
 * needed review still needs it after another re-import (see `carryReview`).
 */
export function reanchorAll(oldText: string, newText: string, anchors: TextAnchor[]): ReanchorOutcome[] {
  const same = (anchor: TextAnchor): ReanchorOutcome => ({ status: "anchored", score: 1, anchor, wordsChanged: false, wordDiff: null });
  if (oldText === newText) return anchors.map(same);
  const map = offsetMap(diffTexts(oldText, newText));
  const oldIndex = textIndex(oldText);
  // textIndex caches one text at a time: copy what we need from the old one before indexing the new.
  const olds = anchors.map((a) => ({ from: oldIndex.toUtf16(a.start), to: oldIndex.toUtf16(a.end) }));
  const newIndex = textIndex(newText);
  const { toCp, toUtf16 } = newIndex;

  return anchors.map((anchor, k) => {
    const { from, to } = olds[k]!;
    const newFrom = map.mapStart(from);
    const newTo = Math.max(newFrom, map.mapEnd(to));
    const startCp = toCp(newFrom);
    const endCp = toCp(newTo);
    const orphaned: ReanchorOutcome = { status: "orphaned", score: 0, anchor, wordsChanged: false, wordDiff: null };
    if (map.untouched(from, to)) {
      // The quote is the same text; its context is too when the stretch around it is unchanged.
      const contextSame = map.untouched(Math.max(0, from - anchor.prefix.length - CONTEXT_SLACK), Math.min(oldText.length, to + anchor.suffix.length + CONTEXT_SLACK));
      return same(contextSame ? { ...anchor, start: startCp, end: endCp } : describeAnchor(newText, startCp, endCp));
    }

    /** The final word on a span: a silent status survives only if the words are the same. */
    const outcome = (start: number, end: number, status: AnchorStatus, score: number): ReanchorOutcome => {
      const moved = describeAnchor(newText, start, end);
      const wordsChanged = !sameWords(anchor.exact, moved.exact);
      return {
        status: wordsChanged && isSilent(status) ? "needs_review" : status,
        score,
        anchor: moved,
        wordsChanged,
        wordDiff: wordsChanged ? quoteWordDiff(anchor.exact, moved.exact) : null,
      };
    };
    /** Text that already stood, with the quote's words, somewhere else in the old snapshot: a copy, not this claim. */
    const isOldCopy = (start: number, end: number) => {
      const source = map.origin(toUtf16(start), toUtf16(end));
      return (
        source !== null &&
        source.keptShare >= 0.9 &&
        (source.oldTo <= from || source.oldFrom >= to) &&
        sameWords(oldText.slice(source.oldFrom, source.oldTo), anchor.exact)
      );
    };

    const regionShare = sharedWordShare(anchor.exact, newText.slice(newFrom, newTo));
    if (regionShare >= REGION_WORDS_KEPT) {
      // Edited in place: look only in and right around the region.
      const within = { start: toCp(Math.max(0, newFrom - REGION_SLACK)), end: toCp(Math.min(newText.length, newTo + REGION_SLACK)) };
      const found = resolveAnchor(newText, anchor, { hint: startCp, trustHint: false, within });
      const usable = found.status !== "orphaned" && !isOldCopy(found.start, found.end);
      if (usable && sameWords(anchor.exact, newText.slice(toUtf16(found.start), toUtf16(found.end)))) return outcome(found.start, found.end, found.status, found.score);
      // Words changed (or too many edits for the fuzzy search): a reviewer sees the region as the diff
      // maps it — the diff knows which words replaced which, a fuzzy alignment only guesses.
      const snapped = endCp > startCp ? snapSelection(newText, startCp, endCp) : null;
      if (snapped) return outcome(snapped.start, snapped.end, "needs_review", usable ? found.score : round(0.5 * regionShare));
      if (usable) return outcome(found.start, found.end, found.status, found.score);
    }

    const found = resolveAnchor(newText, anchor, { hint: startCp, trustHint: false });
    if (found.status === "orphaned" || isOldCopy(found.start, found.end)) return orphaned;
    const a = toUtf16(found.start);
    const b = toUtf16(found.end);
    if (isSilent(found.status)) {
      // Found elsewhere while its own region lost it. Believable when its surroundings came along, when the
      // whole block moved, or as a plain cut-and-paste: the quote left its place and arrived alone.
      // A box quoting it ("Key point: …") arrives with other words. The diff may credit a character
      // at either edge of the pasted text to the old text around it, hence the shrunk range.
      const run = b - a > 2 * EDGE_SHIFT ? map.insertedRun(a + EDGE_SHIFT, b - EDGE_SHIFT) : null;
      const cutAndPaste = regionShare < LEFT_ITS_PLACE && run !== null && sameWords(newText.slice(run.from, run.to), anchor.exact);
      const context =
        (contextSimilarity(anchor.prefix, newText.slice(Math.max(0, a - anchor.prefix.length - CONTEXT_SLACK), a), "prefix") +
          contextSimilarity(anchor.suffix, newText.slice(b, b + anchor.suffix.length + CONTEXT_SLACK), "suffix")) /
        2;
      const blockMoved = sameWords(blockAround(oldText, from, to), blockAround(newText, a, b));
      if (context < CONTEXT_OK && !blockMoved && !cutAndPaste) return outcome(found.start, found.end, "needs_review", found.score);
    }
    return outcome(found.start, found.end, found.status, found.score);
  });
}

/** A claim already waiting for a reviewer stays waiting: a later import must not confirm it silently. */
export function carryReview(previous: AnchorStatus, next: AnchorStatus): AnchorStatus {
  if (previous === "needs_review" && (next === "anchored" || next === "moved")) return "needs_review";
  return next;
}
