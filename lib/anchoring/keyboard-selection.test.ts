import { describe, expect, it } from "vitest";
import { extendByUnit, moveEndByWord, nextUnit, previousUnit, selectableUnits } from "./keyboard-selection";
import { canonicalText, sliceCodePoints, type Block } from "./text";

const blocks: Block[] = [
  { kind: "heading", text: "Kratom 🌿" },
  { kind: "paragraph", text: "It acts on receptors. It is not a cure." },
];
const text = canonicalText(blocks);
const units = selectableUnits(blocks);
const show = (s: { start: number; end: number } | null) => (s ? sliceCodePoints(text, s.start, s.end) : null);

describe("keyboard selection", () => {
  it("walks headings and sentences in reading order", () => {
    expect(units.map(show)).toEqual(["Kratom 🌿", "It acts on receptors.", "It is not a cure."]);
    expect(show(nextUnit(units, null))).toBe("Kratom 🌿");
    expect(show(nextUnit(units, units[0]!))).toBe("It acts on receptors.");
    expect(nextUnit(units, units[2]!)).toBeNull();
    expect(show(previousUnit(units, units[2]!))).toBe("It acts on receptors.");
    expect(show(previousUnit(units, null))).toBe("It is not a cure.");
  });

  it("extends by a sentence and moves the end by words (code points, emoji kept whole)", () => {
    expect(show(extendByUnit(units, units[1]!))).toBe("It acts on receptors. It is not a cure.");
    const first = units[0]!;
    expect(show(moveEndByWord(text, { start: first.start, end: first.start + 6 }, "grow"))).toBe("Kratom 🌿");
    expect(show(moveEndByWord(text, units[1]!, "shrink"))).toBe("It acts on");
    expect(show(moveEndByWord(text, { start: units[1]!.start, end: units[1]!.start + 2 }, "shrink"))).toBe("It");
  });
});
