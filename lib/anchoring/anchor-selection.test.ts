import { afterEach, describe, expect, it } from "vitest";
import { snapSelection } from "./anchor";
import { sliceCodePoints } from "./text";

/** Selections snap to whole words and never split a grapheme (lib/anchoring/anchor.ts snapSelection). */

const snapped = (text: string, start: number, end: number) => {
  const r = snapSelection(text, start, end);
  return r && sliceCodePoints(text, r.start, r.end);
};

describe("snapSelection", () => {
  const text = "The cat sat on the mat.";

  it("keeps a clean word selection as is", () => {
    expect(snapSelection(text, 4, 7)).toEqual({ start: 4, end: 7 });
  });
  it("trims whitespace at the edges", () => {
    expect(snapSelection(text, 3, 8)).toEqual({ start: 4, end: 7 });
    expect(snapped("a\n\n  b  c", 1, 7)).toBe("b");
  });
  it("expands partial words to whole words", () => {
    expect(snapped(text, 2, 6)).toBe("The cat");
    expect(snapped(text, 20, 21)).toBe("mat");
    expect(snapped(text, 16, 23)).toBe("the mat.");
  });
  it("returns null for empty or whitespace-only selections", () => {
    expect(snapSelection(text, 5, 5)).toBeNull();
    expect(snapSelection(text, 3, 4)).toBeNull();
    expect(snapSelection("a \n\n b", 1, 5)).toBeNull();
    expect(snapSelection("", 0, 0)).toBeNull();
  });
  it("accepts reversed offsets and clamps out-of-range ones", () => {
    expect(snapSelection(text, 7, 4)).toEqual({ start: 4, end: 7 });
    expect(snapSelection(text, -5, 3)).toEqual({ start: 0, end: 3 });
    expect(snapSelection(text, 19, 999)).toEqual({ start: 19, end: 23 });
  });
  it("allows a selection across the block separator", () => {
    const t = "First para ends.\n\nSecond para starts.";
    expect(snapped(t, 13, 21)).toBe("ends.\n\nSecond");
  });
  it("never splits an emoji ZWJ sequence or a flag", () => {
    const t = "We \u{1F468}\u200d\u{1F469}\u200d\u{1F467} it";
    // code points: W e ␠ 👨 ZWJ 👩 ZWJ 👧 ␠ i t
    expect(snapped(t, 3, 4)).toBe("\u{1F468}\u200d\u{1F469}\u200d\u{1F467}");
    expect(snapped(t, 5, 6)).toBe("\u{1F468}\u200d\u{1F469}\u200d\u{1F467}");
    const flags = "\u{1F1EB}\u{1F1F7}\u{1F1E9}\u{1F1EA}"; // 🇫🇷🇩🇪
    expect(snapSelection(flags, 1, 3)).toEqual({ start: 0, end: 4 });
    expect(snapSelection(flags, 2, 3)).toEqual({ start: 2, end: 4 });
  });
  it("keeps combining marks with their base", () => {
    const t = "go a\u0332b\u0332 now"; // underlined letters: no precomposed form, survive NFC
    expect(snapped(t, 3, 4)).toBe("a\u0332b\u0332");
    expect(snapped("\u{1F44D}\u{1F3FD} ok", 0, 1)).toBe("\u{1F44D}\u{1F3FD}");
  });
  it("counts astral characters as one code point each", () => {
    const t = "\u{1D400}\u{1D401}\u{1D402} is bold"; // 𝐀𝐁𝐂: 3 code points, 6 UTF-16 units
    expect(snapSelection(t, 5, 6)).toEqual({ start: 4, end: 6 });
    expect(snapSelection(t, 1, 2)).toEqual({ start: 0, end: 3 });
    expect(snapped("\u{1F600} smile \u{1F600}", 3, 5)).toBe("smile");
  });

  describe("without Intl.Segmenter (regex fallback)", () => {
    const original = Intl.Segmenter;
    afterEach(() => {
      (Intl as { Segmenter?: unknown }).Segmenter = original;
    });
    it("still expands words, trims and keeps graphemes whole", () => {
      (Intl as { Segmenter?: unknown }).Segmenter = undefined;
      expect(snapped(text, 2, 6)).toBe("The cat");
      expect(snapSelection(text, 3, 8)).toEqual({ start: 4, end: 7 });
      expect(snapped("it's 4,000 now", 1, 7)).toBe("it's 4,000");
      expect(snapped("We \u{1F468}\u200d\u{1F469}\u200d\u{1F467} it", 5, 6)).toBe("\u{1F468}\u200d\u{1F469}\u200d\u{1F467}");
      expect(snapSelection("\u{1F1EB}\u{1F1F7}\u{1F1E9}\u{1F1EA}", 1, 3)).toEqual({ start: 0, end: 4 });
      expect(snapped("go a\u0332b\u0332 now", 3, 4)).toBe("a\u0332b\u0332");
      expect(snapSelection("a  b", 1, 3)).toBeNull();
    });
  });
});

