/**
 * Side-by-side comparison of two snapshots: blocks aligned by a diff over
 * whole blocks, and within a changed pair the changed words marked (the word
 * diff of lib/text-diff.ts). Pure data (text runs with a change flag) so the
 * page renders it as text; no markup is produced here.
 */
import { diffArrays } from "diff";
import type { Block } from "./anchoring/text";
import { wordDiff } from "./text-diff";

export type Run = { text: string; changed: boolean };
export type Side = { index: number; kind: Block["kind"]; runs: Run[] };
export type DiffRow = { kind: "same" | "changed" | "removed" | "added"; old: Side | null; new: Side | null };

/** Blocks compared by their text, diffed as sequences, then walked in order. */
export function diffSnapshots(oldBlocks: Block[], newBlocks: Block[]): DiffRow[] {
  const ops = diffArrays(oldBlocks, newBlocks, { comparator: (a, b) => a.text === b.text });
  const rows: DiffRow[] = [];
  let i = 0;
  let j = 0;
  const whole = (blocks: Block[], k: number, changed: boolean): Side => ({ index: k, kind: blocks[k]!.kind, runs: [{ text: blocks[k]!.text, changed }] });
  for (let k = 0; k < ops.length; k++) {
    const { added, removed, count } = ops[k]!;
    if (!added && !removed) {
      for (let n = 0; n < count; n++, i++, j++) rows.push({ kind: "same", old: whole(oldBlocks, i, false), new: whole(newBlocks, j, false) });
    } else if (removed && ops[k + 1]?.added) {
      // A replacement: pair removed and added blocks one to one and mark the changed words.
      const adds = ops[++k]!.count;
      for (let n = 0; n < Math.max(count, adds); n++) {
        if (n < count && n < adds) rows.push(changedPair(oldBlocks, i++, newBlocks, j++));
        else if (n < count) rows.push({ kind: "removed", old: whole(oldBlocks, i++, true), new: null });
        else rows.push({ kind: "added", old: null, new: whole(newBlocks, j++, true) });
      }
    } else if (removed) {
      for (let n = 0; n < count; n++) rows.push({ kind: "removed", old: whole(oldBlocks, i++, true), new: null });
    } else {
      for (let n = 0; n < count; n++) rows.push({ kind: "added", old: null, new: whole(newBlocks, j++, true) });
    }
  }
  return rows;
}

function changedPair(oldBlocks: Block[], i: number, newBlocks: Block[], j: number): DiffRow {
  const before = oldBlocks[i]!.text;
  const after = newBlocks[j]!.text;
  const { segments } = wordDiff(before, after);
  const oldRuns = runsOf(before, segments.filter((s) => s.kind !== "added").map((s) => ({ text: s.text, changed: s.kind === "removed" })));
  const newRuns = runsOf(after, segments.filter((s) => s.kind !== "removed").map((s) => ({ text: s.text, changed: s.kind === "added" })));
  return { kind: "changed", old: { index: i, kind: oldBlocks[i]!.kind, runs: oldRuns }, new: { index: j, kind: newBlocks[j]!.kind, runs: newRuns } };
}

const space = /\s/u;

/**
 * One side's runs cut from that side's own text. The word diff ignores
 * whitespace and gives unchanged stretches the new text's spacing, so the
 * old side is re-cut: each run takes as many non-space characters as the
 * diff gave it, and the space after them when the diff's run ended in space.
 */
function runsOf(text: string, parts: Run[]): Run[] {
  const runs: Run[] = [];
  let at = 0;
  parts.forEach((part, k) => {
    const from = at;
    let left = part.text.replace(/\s/gu, "").length;
    while (at < text.length && left > 0) if (!space.test(text[at++]!)) left--;
    if (k === parts.length - 1) at = text.length;
    else if (space.test(part.text.at(-1) ?? "")) while (at < text.length && space.test(text[at]!)) at++;
    if (at > from) runs.push({ text: text.slice(from, at), changed: part.changed });
  });
  return runs;
}
