import { describe, expect, it } from "vitest";
import { DEFAULT_RATING_SCALE } from "./rating-scale";
import { badgeContrastProblem, contrastRatio, parseHexColour, textColourOn } from "./contrast";

describe("contrast", () => {
  it("computes WCAG ratios", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#fff", "#ffffff")).toBeCloseTo(1, 5);
    // WebAIM's reference value for #767676 on white.
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });

  it("parses three- and six-digit hex only", () => {
    expect(parseHexColour("#abc")).toEqual([0xaa, 0xbb, 0xcc]);
    expect(parseHexColour("#1A7F37")).toEqual([0x1a, 0x7f, 0x37]);
    for (const bad of ["red", "#12345", "1a7f37", "#ggg000", ""]) expect(parseHexColour(bad), bad).toBeNull();
  });

  it("accepts every default rating colour and refuses light ones", () => {
    for (const r of DEFAULT_RATING_SCALE) expect(badgeContrastProblem(r.colour), r.label).toBeNull();
    expect(badgeContrastProblem("#ffd700")).toMatch(/contrast of 1\.\d\d:1.*at least 4.5:1/);
    expect(badgeContrastProblem("#777777")).toMatch(/4\.4\d:1/);
    expect(badgeContrastProblem("green-ish")).toMatch(/hex code/);
  });

  it("linearises sRGB channels at the IEC threshold 0.04045", () => {
    // 10/255 ≈ 0.0392 is on the linear side and 11/255 ≈ 0.0431 on the power side, under 0.04045 and the older 0.03928 alike.
    expect(contrastRatio("#0a0a0a", "#000000")).toBeCloseTo((0.2126 + 0.7152 + 0.0722) * (10 / 255 / 12.92) / 0.05 + 1, 10);
    expect(contrastRatio("#0b0b0b", "#000000")).toBeCloseTo((((11 / 255 + 0.055) / 1.055) ** 2.4 + 0.05) / 0.05, 10);
  });

  it("picks white badge text unless near-black reads better", () => {
    for (const r of DEFAULT_RATING_SCALE) expect(textColourOn(r.colour), r.label).toBe("#ffffff");
    expect(textColourOn("#ffd700")).toBe("#1b1f24");
    expect(textColourOn("#abc")).toBe("#1b1f24");
    expect(textColourOn(" #1A7F37 ")).toBe("#ffffff");
    // Whichever text colour is chosen has the better contrast of the two.
    for (const colour of ["#767676", "#777777", "#808080", "#b35900", "#3b82f6"]) {
      expect(contrastRatio(colour, textColourOn(colour))).toBe(Math.max(contrastRatio(colour, "#ffffff")!, contrastRatio(colour, "#1b1f24")!));
    }
  });

  it("keeps white text on a value that is not a hex colour", () => {
    for (const bad of ["red", "", "var(--x)", "#12345"]) expect(textColourOn(bad), bad).toBe("#ffffff");
  });
});
