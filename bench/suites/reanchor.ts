import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { describeAnchor } from "../../lib/anchoring/anchor";
import { reanchorAll } from "../../lib/anchoring/reanchor";
import { blocksFromPlainText, canonicalText, codePointLength } from "../../lib/anchoring/text";
import { percentile, type BenchSuite } from "../types";

/** Deterministic pseudo-random numbers, so every run measures the same edits. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** A ~500,000-character article from the demo fixtures (real sentence shapes, many repeated sentences). */
function article(chars: number): string {
  const dir = new URL("../../fixtures/articles/", import.meta.url);
  const pieces = blocksFromPlainText(fs.readdirSync(dir).map((f) => fs.readFileSync(new URL(f, dir), "utf8")).join("\n\n")).map((b) => b.text);
  const paragraphs: string[] = [];
  for (let i = 0, n = 0; n < chars; i++) {
    const p = `${pieces[i % pieces.length]} (section ${i})`;
    paragraphs.push(p);
    n += p.length + 2;
  }
  return canonicalText(blocksFromPlainText(paragraphs.join("\n\n")));
}

/** 50 scattered edits: replacements, insertions and deletions of a few words each. */
function edit(text: string, count: number, next: () => number): string {
  const at = Array.from({ length: count }, () => Math.floor(next() * text.length)).sort((a, b) => b - a);
  let out = text;
  for (const [k, i] of at.entries()) {
    const kind = k % 3;
    if (kind === 0) out = `${out.slice(0, i)} newly inserted words${out.slice(i)}`;
    else if (kind === 1) out = out.slice(0, i) + out.slice(i + 15);
    else out = `${out.slice(0, i)}REPLACED${out.slice(i + 8)}`;
  }
  return out;
}

export const suite: BenchSuite = {
  name: "reanchor",
  async run() {
    const oldText = article(500_000);
    const length = codePointLength(oldText);
    const next = random(42);
    const anchors = Array.from({ length: 1000 }, (_, i) => {
      const start = Math.floor((i / 1000) * (length - 300) + next() * 100);
      return describeAnchor(oldText, start, start + 60 + Math.floor(next() * 120));
    });
    const newText = edit(oldText, 50, next);
    const times: number[] = [];
    let statuses: Record<string, number> = {};
    for (let run = 0; run < 7; run++) {
      const t0 = performance.now();
      const outcomes = reanchorAll(oldText, newText, anchors);
      times.push(performance.now() - t0);
      statuses = {};
      for (const o of outcomes) statuses[o.status] = (statuses[o.status] ?? 0) + 1;
    }
    return [
      {
        suite: "reanchor",
        metric: "1,000 claims, 50 edits, 500k chars (median of 7)",
        value: percentile(times, 50),
        unit: "ms",
        goal: 100,
        goalKind: "max",
        detail: { chars: oldText.length, first: times[0], statuses },
      },
    ];
  },
};
