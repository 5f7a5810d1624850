// @vitest-environment jsdom
/**
 * Selection → anchor → marks, through a real DOM (jsdom): ArticleText is
 * rendered, a DOM Range is laid over it as a browser selection would be, and
 * the pipeline the workspace uses (rangeToOffsets → snapSelection →
 * describeAnchor → segmentBlocks → ArticleText) must give back marks over
 * exactly the words meant — across paragraphs, overlapping, nested,
 * adjacent, after emoji and in right-to-left text.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ArticleText } from "@/components/article/article-text";
import { describeAnchor, snapSelection } from "@/lib/anchoring/anchor";
import type { HighlightRange } from "@/lib/anchoring/highlight";
import { canonicalText, codePointLength, sliceCodePoints, type Block } from "@/lib/anchoring/text";
import { offsetsToRange } from "./dom-range";
import { rangeToOffsets } from "./selection";

const BLOCKS: Block[] = [
  { kind: "heading", text: "Kratom 🌿 and withdrawal" },
  { kind: "paragraph", text: "Kratom contains alkaloids 👩‍⚕️ that interact with opioid receptors. It is not a cure." },
  { kind: "paragraph", text: "النص العربي يقول إن الكراتوم آمن. Studies show 40% of users report relief." },
];
const TEXT = canonicalText(BLOCKS);
const LENGTH = codePointLength(TEXT);

function render(ranges: HighlightRange[]): HTMLElement {
  document.body.innerHTML = `<div id="root">${renderToStaticMarkup(<ArticleText blocks={BLOCKS} ranges={ranges} />)}</div>`;
  return document.getElementById("root")!;
}

/** A DOM Range from the UTF-16 index of `from` in a rendered text node to that of `to` (partial words allowed, as a sloppy drag). */
function domRange(root: HTMLElement, fromText: string, fromAt: number, toText: string, toAt: number): Range {
  const find = (needle: string) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if ((n as Text).data.includes(needle)) return n as Text;
    throw new Error(`no text node with ${needle}`);
  };
  const a = find(fromText);
  const b = find(toText);
  const range = document.createRange();
  range.setStart(a, a.data.indexOf(fromText) + fromAt);
  range.setEnd(b, b.data.indexOf(toText) + toAt);
  return range;
}

/** The full pipeline; returns the anchor and the text of the marks rendered for it. */
function select(root: HTMLElement, range: Range, existing: HighlightRange[] = []) {
  const raw = rangeToOffsets(root, range, LENGTH)!;
  const snapped = snapSelection(TEXT, raw.start, raw.end)!;
  const anchor = describeAnchor(TEXT, snapped.start, snapped.end);
  const after = render([...existing, { id: "new", start: anchor.start, end: anchor.end }]);
  const marks = [...after.querySelectorAll('mark[data-claim-id="new"]')].map((m) => m.textContent).join("|");
  return { anchor, marks, root: after };
}

describe("selection → anchor → marks", () => {
  it("snaps a sloppy drag to whole words and trims spaces", () => {
    const root = render([]);
    // From inside "contains" to inside "interact" (with the space before "contains").
    const { anchor, marks } = select(root, domRange(root, " contains", 2, "interact", 3));
    expect(anchor.exact).toBe("contains alkaloids 👩‍⚕️ that interact");
    expect(marks).toBe("contains alkaloids 👩‍⚕️ that interact");
  });

  it("keeps code-point offsets after emoji (ZWJ sequence counted per code point, never split)", () => {
    const root = render([]);
    const { anchor } = select(root, domRange(root, "opioid", 0, "receptors", 9));
    expect(anchor.exact).toBe("opioid receptors");
    expect(sliceCodePoints(TEXT, anchor.start, anchor.end)).toBe("opioid receptors");
    expect(anchor.start).toBe(codePointLength(TEXT.slice(0, TEXT.indexOf("opioid receptors"))));
    expect(anchor.start).toBeLessThan(TEXT.indexOf("opioid receptors")); // UTF-16 would be larger
  });

  it("crosses paragraphs: one claim, a mark in each block, none in the separator", () => {
    const root = render([]);
    const { anchor, marks, root: after } = select(root, domRange(root, "not a cure", 0, "النص", 4));
    expect(anchor.exact).toBe("not a cure.\n\nالنص");
    expect(marks).toBe("not a cure.|النص");
    expect(after.querySelectorAll('mark[data-claim-id="new"]')).toHaveLength(2);
  });

  it("handles right-to-left text by logical order", () => {
    const root = render([]);
    const { anchor, marks } = select(root, domRange(root, "العربي", 1, "الكراتوم", 3));
    expect(anchor.exact).toBe("العربي يقول إن الكراتوم");
    expect(marks).toBe("العربي يقول إن الكراتوم");
  });

  it("selects inside an existing highlight (nested), across its edge (overlap) and right after it (adjacent)", () => {
    const outerText = "Kratom contains alkaloids 👩‍⚕️ that interact with opioid receptors.";
    const outerStart = codePointLength(TEXT.slice(0, TEXT.indexOf(outerText)));
    const outer = { id: "outer", start: outerStart, end: outerStart + codePointLength(outerText) };
    let root = render([outer]);

    const nested = select(root, domRange(root, "opioid", 0, "opioid", 6), [outer]);
    expect(nested.anchor.exact).toBe("opioid");
    const inner = nested.root.querySelector('mark[data-claim-id="new"]')!;
    expect(inner.closest('mark[data-claim-id="outer"]')).not.toBeNull(); // nested inside the outer mark

    root = render([outer]);
    const overlap = select(root, domRange(root, "receptors.", 0, "It is not", 5), [outer]);
    expect(overlap.anchor.exact).toBe("receptors. It is");
    expect(overlap.marks).toBe("receptors.| It is");

    root = render([outer]);
    const adjacent = select(root, domRange(root, " It is not", 0, " It is not", 6), [outer]);
    expect(adjacent.anchor.exact).toBe("It is");
    expect(adjacent.anchor.start).toBe(outer.end + 1);
  });

  it("maps offsets back to a DOM range (keyboard selection) that round-trips", () => {
    const root = render([{ id: "x", start: 10, end: 40 }]);
    for (const needle of ["alkaloids 👩‍⚕️ that", "cure.\n\nالنص", "40% of users"]) {
      const start = codePointLength(TEXT.slice(0, TEXT.indexOf(needle)));
      const end = start + codePointLength(needle);
      const range = offsetsToRange(root, start, end)!;
      expect(rangeToOffsets(root, range, LENGTH)).toEqual({ start, end });
    }
  });
});
