import { describe, expect, it } from "vitest";
import { DEFAULT_RATING_SCALE } from "./rating-scale";
import { badgeContrastProblem, contrastRatio, parseHexColour } from "./contrast";

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
});
