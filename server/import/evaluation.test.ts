import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateAll, inArticle, PAGES_DIR } from "./evaluation";

describe("import evaluation on real pages", () => {
  it("matches blocks to the expected article by the written rule", () => {
    const expected = ["home", "kratom is a tropical tree native to southeast asia", "its leaves are chewed"];
    const joined = ` ${expected.join(" | ")} `;
    expect(inArticle("home", expected, joined)).toBe(true);
    expect(inArticle("tree", expected, joined)).toBe(false);
    expect(inArticle("a tropical tree native to", expected, joined)).toBe(true);
    expect(inArticle("kratom is a tropical tree native to southeast asia its leaves are chewed", expected, joined)).toBe(true);
    expect(inArticle("subscribe to our newsletter today", expected, joined)).toBe(false);
  });

  it("no page needs more hand changes than recorded in results.json (npm run eval:import -- --write)", () => {
    const recorded = JSON.parse(fs.readFileSync(path.join(PAGES_DIR, "results.json"), "utf8")) as Record<string, number>;
    const results = evaluateAll();
    expect(results.length).toBeGreaterThan(0);
    const worse = results.filter((r) => r.changes > (recorded[r.name] ?? 0)).map((r) => `${r.name}: ${r.changes} > ${recorded[r.name]}`);
    expect(worse).toEqual([]);
  });
});
