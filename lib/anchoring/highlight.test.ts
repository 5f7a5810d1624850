import { describe, expect, it } from "vitest";
import { segmentBlocks, type BlockSegments, type HighlightRange } from "./highlight";
import { blockSpans, canonicalText, codePointLength, sliceCodePoints, type Block } from "./text";

const p = (text: string): Block => ({ kind: "paragraph", text });
/** Compact view: [text, ids] per segment. */
const view = (out: BlockSegments[]) => out.map((b) => b.segments.map((s) => [s.text, s.ids.join(",")]));

describe("segmentBlocks", () => {
  it("returns each block whole when there are no ranges", () => {
    const blocks: Block[] = [{ kind: "heading", text: "Title" }, p("Body text.")];
    expect(segmentBlocks(blocks, [])).toEqual([
      { index: 0, kind: "heading", start: 0, segments: [{ text: "Title", start: 0, end: 5, ids: [] }] },
      { index: 1, kind: "paragraph", start: 7, segments: [{ text: "Body text.", start: 7, end: 17, ids: [] }] },
    ]);
  });

  it("splits a block around one range", () => {
    const out = segmentBlocks([p("The cat sat.")], [{ id: "a", start: 4, end: 7 }]);
    expect(out[0].segments).toEqual([
      { text: "The ", start: 0, end: 4, ids: [] },
      { text: "cat", start: 4, end: 7, ids: ["a"] },
      { text: " sat.", start: 7, end: 12, ids: [] },
    ]);
  });

  it("lists nested ranges outermost first", () => {
    const out = segmentBlocks([p("one two three four")], [
      { id: "inner", start: 4, end: 7 },
      { id: "outer", start: 0, end: 13 },
    ]);
    expect(view(out)).toEqual([[["one ", "outer"], ["two", "outer,inner"], [" three", "outer"], [" four", ""]]]);
  });

  it("handles overlapping ranges, longest first where both cover", () => {
    const out = segmentBlocks([p("abcdefghij")], [
      { id: "x", start: 1, end: 5 },
      { id: "y", start: 3, end: 9 },
    ]);
    expect(view(out)).toEqual([[["a", ""], ["bc", "x"], ["de", "y,x"], ["fghi", "y"], ["j", ""]]]);
  });

  it("keeps adjacent ranges in separate segments", () => {
    const out = segmentBlocks([p("abcdef")], [
      { id: "second", start: 3, end: 6 },
      { id: "first", start: 0, end: 3 },
    ]);
    expect(view(out)).toEqual([[["abc", "first"], ["def", "second"]]]);
  });

  it("orders equal-length ranges deterministically and keeps identical ranges", () => {
    const out = segmentBlocks([p("abcdef")], [
      { id: "b", start: 1, end: 4 },
      { id: "a", start: 1, end: 4 },
      { id: "c", start: 2, end: 5 },
    ]);
    expect(view(out)).toEqual([[["a", ""], ["b", "a,b"], ["cd", "a,b,c"], ["e", "c"], ["f", ""]]]);
  });

  it("shows a range spanning blocks in every block it touches, not in separators", () => {
    const blocks = [p("First block."), { kind: "quote", text: "Second block." } as Block, p("Third block.")];
    // canonical: "First block.\n\nSecond block.\n\nThird block." — range from "block." (6) to "Third" end (38)
    const text = canonicalText(blocks);
    const start = text.indexOf("block.");
    const end = text.indexOf("Third") + 5;
    const out = segmentBlocks(blocks, [{ id: "span", start, end }]);
    expect(view(out)).toEqual([
      [["First ", ""], ["block.", "span"]],
      [["Second block.", "span"]],
      [["Third", "span"], [" block.", ""]],
    ]);
    expect(out.map((b) => [b.index, b.kind, b.start])).toEqual([[0, "paragraph", 0], [1, "quote", 14], [2, "paragraph", 29]]);
  });

  it("ignores empty, inverted and separator-only ranges, and clips ranges past the text", () => {
    const blocks = [p("ab"), p("cd")]; // "ab\n\ncd"
    const out = segmentBlocks(blocks, [
      { id: "empty", start: 1, end: 1 },
      { id: "inverted", start: 2, end: 0 },
      { id: "sep", start: 2, end: 4 },
      { id: "past", start: 5, end: 99 },
    ]);
    expect(view(out)).toEqual([[["ab", ""]], [["c", ""], ["d", "past"]]]);
  });

  it("uses code points, so astral characters are never split", () => {
    const blocks = [p("\u{1F600}\u{1F601} ok \u{1D400}"), p("\u{1F1EB}\u{1F1F7} fin")];
    // code points: 😀 0, 😁 1, ␠ 2, o 3, k 4, ␠ 5, 𝐀 6 | sep 7-8 | 🇫 9 🇷 10 ␠ 11 f 12 i 13 n 14
    const out = segmentBlocks(blocks, [
      { id: "a", start: 1, end: 4 },
      { id: "b", start: 6, end: 11 },
    ]);
    expect(view(out)).toEqual([
      [["\u{1F600}", ""], ["\u{1F601} o", "a"], ["k ", ""], ["\u{1D400}", "b"]],
      [["\u{1F1EB}\u{1F1F7}", "b"], [" fin", ""]],
    ]);
    expect(out[1].segments[0]).toMatchObject({ start: 9, end: 11 });
  });

  it("returns no segments for an empty block", () => {
    expect(segmentBlocks([p("")], [{ id: "a", start: 0, end: 1 }])).toEqual([{ index: 0, kind: "paragraph", start: 0, segments: [] }]);
  });

  it("handles a 50,000-word article with 500 overlapping claims correctly", () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const vocab = ["the", "study", "found", "\u00e9t\u00e9", "4,000", "cases", "\u{1F600}", "na\u00efve", "\u{1D400}x", "claims"];
    const blocks: Block[] = [];
    for (let b = 0; b < 500; b++) {
      const words = Array.from({ length: 100 }, () => vocab[Math.floor(rnd() * vocab.length)]);
      blocks.push({ kind: b % 10 === 0 ? "heading" : "paragraph", text: words.join(" ") });
    }
    const text = canonicalText(blocks);
    const total = codePointLength(text);
    const ranges: HighlightRange[] = Array.from({ length: 500 }, (_, i) => {
      const start = Math.floor(rnd() * total);
      const length = i % 50 === 0 ? 20000 : 1 + Math.floor(rnd() * 800); // a few span many blocks
      return { id: `c${i}`, start, end: Math.min(total, start + length) };
    });

    const out = segmentBlocks(blocks, ranges);
    expect(out).toHaveLength(500);
    const spans = blockSpans(blocks);
    const covered = new Map<string, number>();
    for (const [i, b] of out.entries()) {
      // Segments tile the block exactly.
      expect(b.segments.map((s) => s.text).join("")).toBe(blocks[i].text);
      expect(b.segments[0].start).toBe(spans[i].start);
      expect(b.segments.at(-1)!.end).toBe(spans[i].end);
      for (const s of b.segments) {
        expect(codePointLength(s.text)).toBe(s.end - s.start);
        for (const id of s.ids) covered.set(id, (covered.get(id) ?? 0) + s.end - s.start);
      }
    }
    // Each range covers exactly its overlap with the blocks (separators excluded).
    for (const r of ranges) {
      const expected = spans.reduce((n, s) => n + Math.max(0, Math.min(r.end, s.end) - Math.max(r.start, s.start)), 0);
      expect(covered.get(r.id) ?? 0).toBe(expected);
    }
    // Spot-check ids per segment against a brute-force scan, including their order.
    for (let k = 0; k < 200; k++) {
      const b = out[Math.floor(rnd() * out.length)];
      const s = b.segments[Math.floor(rnd() * b.segments.length)];
      const expected = ranges
        .filter((r) => r.start <= s.start && r.end >= s.end)
        .sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start || (x.id < y.id ? -1 : 1))
        .map((r) => r.id);
      expect(s.ids).toEqual(expected);
      expect(sliceCodePoints(text, s.start, s.end)).toBe(s.text);
    }
  });
});
