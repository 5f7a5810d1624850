import { describe, expect, it } from "vitest";
import { LOAD_PARTS, parseOptions } from "./options";

describe("parseOptions", () => {
  it("defaults to the full load: 10,000 fact-checks, 100,000 claims, every part, both dialects", () => {
    expect(parseOptions([])).toEqual({ suites: [], articles: 10_000, claims: 100_000, seconds: 10, connections: 50, parts: [...LOAD_PARTS], dialects: ["sqlite", "postgres"] });
  });

  it("takes suite names and scaled-down flags, with a space or an equals sign", () => {
    const o = parseOptions(["load", "--articles", "1000", "--seconds=3", "--parts", "public,search", "--dialects", "sqlite"]);
    expect(o).toMatchObject({ suites: ["load"], articles: 1000, claims: 10_000, seconds: 3, parts: ["public", "search"], dialects: ["sqlite"] });
  });

  it("refuses unknown flags, bad numbers and unknown parts", () => {
    expect(() => parseOptions(["--article", "5"])).toThrow(/unknown option/);
    expect(() => parseOptions(["--articles", "many"])).toThrow(/positive number/);
    expect(() => parseOptions(["--parts", "everything"])).toThrow(/not one of/);
  });
});
