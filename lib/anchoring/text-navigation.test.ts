import { describe, expect, it } from "vitest";
import { selectableUnits } from "./keyboard-selection";
import { countMatches, findUnit, foldForSearch, nextOf, previousOf, textNavigation } from "./text-navigation";
import { canonicalText, sliceCodePoints, type Block } from "./text";

const blocks: Block[] = [
  { kind: "heading", text: "Kratom 🌿" },
  { kind: "paragraph", text: "It acts on receptors. It is not a cure." },
  { kind: "heading", text: "Risks" },
  { kind: "paragraph", text: "Café owners sell it. The FDA warns about “kratom”." },
  { kind: "list_item", text: "Nausea" },
];
const text = canonicalText(blocks);
const units = selectableUnits(blocks);
const nav = textNavigation(blocks, text, units);
const show = (s: { start: number; end: number } | null) => (s ? sliceCodePoints(text, s.start, s.end) : null);

describe("text navigation", () => {
  it("jumps by block and by heading, from a sentence inside a paragraph", () => {
    expect(nav.blockStarts.map(show)).toEqual(["Kratom 🌿", "It acts on receptors.", "Risks", "Café owners sell it.", "Nausea"]);
    const second = units[2]!; // "It is not a cure."
    expect(show(nextOf(nav.blockStarts, second))).toBe("Risks");
    expect(show(previousOf(nav.blockStarts, second))).toBe("It acts on receptors.");
    expect(show(previousOf(nav.blockStarts, units[1]!))).toBe("Kratom 🌿");
    expect(show(nextOf(nav.headings, second))).toBe("Risks");
    expect(show(nextOf(nav.headings, null))).toBe("Kratom 🌿");
    expect(nextOf(nav.headings, units[3]!)).toBeNull();
    expect(show(previousOf(nav.headings, null))).toBe("Risks");
  });

  it("finds typed words ignoring case, accents and curly quotes, after the current one and wrapping", () => {
    expect(foldForSearch("Café  “Kratom”")).toBe('cafe "kratom"');
    expect(show(findUnit(nav, "cafe OWNERS", null))).toBe("Café owners sell it.");
    expect(show(findUnit(nav, '"kratom"', null))).toBe("The FDA warns about “kratom”.");
    expect(countMatches(nav, "it")).toBe(3);
    const first = findUnit(nav, "it", null);
    expect(show(first)).toBe("It acts on receptors.");
    const second = findUnit(nav, "it", first);
    expect(show(second)).toBe("It is not a cure.");
    expect(show(findUnit(nav, "it", { start: units[5]!.start, end: units[5]!.end }))).toBe("It acts on receptors.");
    // A caret (after a saved claim) searches from where it stands.
    expect(show(findUnit(nav, "it", { start: first!.end, end: first!.end }))).toBe("It is not a cure.");
    expect(findUnit(nav, "  ", null)).toBeNull();
    expect(findUnit(nav, "aspirin", null)).toBeNull();
  });
});
