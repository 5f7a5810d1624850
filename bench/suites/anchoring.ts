import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { describeAnchor, resolveAnchor } from "../../lib/anchoring/anchor";
import { segmentBlocks } from "../../lib/anchoring/highlight";
import { blocksFromPlainText, canonicalText, codePointLength } from "../../lib/anchoring/text";
import { percentile, type BenchSuite } from "../types";

/** A long article built from the demo fixtures, so the text has real sentence shapes and repetitions. */
export function longArticle(words: number) {
  const dir = new URL("../../fixtures/articles/", import.meta.url);
  const source = fs.readdirSync(dir).map((f) => fs.readFileSync(new URL(f, dir), "utf8")).join("\n\n");
  const paragraphs: string[] = [];
  let count = 0;
  const pieces = blocksFromPlainText(source).map((b) => b.text);
  for (let i = 0; count < words; i++) {
    const text = `${pieces[i % pieces.length]} (section ${i})`;
    paragraphs.push(text);
    count += text.split(" ").length;
  }
  return blocksFromPlainText(paragraphs.join("\n\n"));
}

export const suite: BenchSuite = {
  name: "anchoring",
  async run() {
    const blocks = longArticle(50_000);
    const text = canonicalText(blocks);
    const length = codePointLength(text);
    const anchors = Array.from({ length: 500 }, (_, i) => {
      const start = Math.floor((i / 500) * (length - 200));
      return describeAnchor(text, start, start + 80);
    });
    const t0 = performance.now();
    segmentBlocks(
      blocks,
      anchors.map((a, i) => ({ id: String(i), start: a.start, end: a.end })),
    );
    const segmentMs = performance.now() - t0;
    const resolveTimes = anchors.map((a) => {
      const s = performance.now();
      resolveAnchor(text, a);
      return performance.now() - s;
    });
    return [
      { suite: "anchoring", metric: "segment 50k words / 500 claims", value: segmentMs, unit: "ms" },
      { suite: "anchoring", metric: "resolve anchor in place, p95", value: percentile(resolveTimes, 95), unit: "ms" },
    ];
  },
};
