import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { draftFromHtml } from "./extract-html";
import { HIDDEN_ON_PAGE, hiddenSelectorsFromHtml } from "./hidden";

const html = fs.readFileSync(path.resolve(import.meta.dirname, "../../fixtures/web/review-cases.html"), "utf8");
const draft = draftFromHtml(html, { url: "https://health.example/magnesium", source: { kind: "url", label: "review-cases" }, readerView: true, keepHtml: false });
const reasonOf = (start: string) => {
  const found = draft.blocks.filter((b) => b.text.startsWith(start));
  expect(found, start).not.toHaveLength(0);
  return found.map((b) => (b.drop ? b.reason : "kept"));
};

describe("hidden elements, bylines and block reasons", () => {
  it("reads the classes and ids the page's own style sheet hides, ignoring media queries and compound selectors", () => {
    const hidden = hiddenSelectorsFromHtml(html);
    expect([...hidden.classes].sort()).toEqual(["m-only", "tease"]);
    expect([...hidden.ids]).toEqual(["print-copy"]);
  });

  it("leaves out hidden copies of paragraphs but keeps the shown one", () => {
    expect(reasonOf("Magnesium is sold as a sleep aid")).toEqual(["kept", HIDDEN_ON_PAGE]);
    expect(reasonOf("A hidden copy of the second paragraph")).toEqual([HIDDEN_ON_PAGE]);
    expect(reasonOf("A print-only copy")).toEqual([HIDDEN_ON_PAGE]);
    expect(draft.blocks.some((b) => b.text.includes("hidden by attribute"))).toBe(false);
    expect(reasonOf("Small screens hide this paragraph")).toEqual(["kept"]);
  });

  it("drops hidden words inside a shown sentence", () => {
    const trial = draft.blocks.find((b) => b.text.startsWith("Two small trials"))!;
    expect(trial.text).not.toContain("pills.example");
    expect(trial.drop).toBe(false);
  });

  it("recognises the byline and the date line", () => {
    expect(reasonOf("By Priya Natarajan")[0]).toMatch(/Byline/);
    expect(reasonOf("May 2, 2024")[0]).toMatch(/date/i);
  });

  it("labels ads as ads, wherever they sit", () => {
    expect(reasonOf("Advertisement: Sleep better")).toEqual(["Advertisement"]);
    expect(reasonOf("Sponsored: the magnesium brand")).toEqual(["Advertisement"]);
  });

  it("takes a block's reason from the block, not from its first child", () => {
    expect(reasonOf("# dose used in the 2012 trial")).toEqual(["kept"]);
    // A listing the reader view splits into two blocks (at the blank line) is still the page's one block, kept.
    expect(reasonOf("// dose.c, as in the trial's appendix")).toEqual(["kept"]);
  });
});

describe("hidden selectors on hostile input", () => {
  it("reads 100,000 unclosed <style> tags in linear time", () => {
    const started = performance.now();
    expect(hiddenSelectorsFromHtml(`${"<style>.x{display:none}".repeat(100_000)}`).classes.size).toBe(0);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
