/**
 * Side-by-side comparison of two snapshots: blocks aligned by a diff over
 * whole blocks, and within a changed pair the changed words marked. Pure
 * data (text runs with a change flag) so the page renders it as text; no
 * markup is produced here.
 */
import DiffMatchPatch from "diff-match-patch";
import { readableDiff } from "./anchoring/anchor-diff";
import type { Block } from "./anchoring/text";

export type Run = { text: string; changed: boolean };
export type Side = { index: number; kind: Block["kind"]; runs: Run[] };
export type DiffRow = { kind: "same" | "changed" | "removed" | "added"; old: Side | null; new: Side | null };

/** Blocks as one character each (as diff-match-patch's line mode does), diffed, then walked in order. */
export function diffSnapshots(oldBlocks: Block[], newBlocks: Block[]): DiffRow[] {
  const codes = new Map<string, string>();
  const encode = (blocks: Block[]) =>
    blocks
      .map((b) => {
        let c = codes.get(b.text);
        if (!c) codes.set(b.text, (c = String.fromCharCode(0xe000 + codes.size)));
        return c;
      })
      .join("");
  const dmp = new DiffMatchPatch();
  const ops = dmp.diff_main(encode(oldBlocks), encode(newBlocks), false);
  const rows: DiffRow[] = [];
  let i = 0;
  let j = 0;
  const whole = (blocks: Block[], k: number, changed: boolean): Side => ({ index: k, kind: blocks[k]!.kind, runs: [{ text: blocks[k]!.text, changed }] });
  for (let k = 0; k < ops.length; k++) {
    const [op, chars] = ops[k]!;
    if (op === 0) {
      for (let n = 0; n < chars.length; n++, i++, j++) rows.push({ kind: "same", old: whole(oldBlocks, i, false), new: whole(newBlocks, j, false) });
    } else if (op === -1 && ops[k + 1]?.[0] === 1) {
      // A replacement: pair removed and added blocks one to one and mark the changed words.
      const added = ops[++k]![1].length;
      const removed = chars.length;
      for (let n = 0; n < Math.max(removed, added); n++) {
        if (n < removed && n < added) rows.push(changedPair(oldBlocks, i++, newBlocks, j++));
        else if (n < removed) rows.push({ kind: "removed", old: whole(oldBlocks, i++, true), new: null });
        else rows.push({ kind: "added", old: null, new: whole(newBlocks, j++, true) });
      }
    } else if (op === -1) {
      for (let n = 0; n < chars.length; n++) rows.push({ kind: "removed", old: whole(oldBlocks, i++, true), new: null });
    } else {
      for (let n = 0; n < chars.length; n++) rows.push({ kind: "added", old: null, new: whole(newBlocks, j++, true) });
    }
  }
  return rows;
}

function changedPair(oldBlocks: Block[], i: number, newBlocks: Block[], j: number): DiffRow {
  const oldRuns: Run[] = [];
  const newRuns: Run[] = [];
  for (const { op, text } of readableDiff(oldBlocks[i]!.text, newBlocks[j]!.text)) {
    if (op !== 1) oldRuns.push({ text, changed: op === -1 });
    if (op !== -1) newRuns.push({ text, changed: op === 1 });
  }
  return { kind: "changed", old: { index: i, kind: oldBlocks[i]!.kind, runs: oldRuns }, new: { index: j, kind: newBlocks[j]!.kind, runs: newRuns } };
}
