import { describe, expect, it } from "vitest";
import type { Block } from "@/lib/anchoring/text";
import { wordDiff } from "@/lib/text-diff";
import { checkQuote } from "./quote-check";

const p = (text: string): Block => ({ kind: "paragraph", text });

const SOURCE: Block[] = [
  { kind: "heading", text: "Vitamin D and respiratory infections" },
  p("In the trial, 5,660 adults took vitamin D or a placebo for two years. No effect on the incidence of colds was found, the authors wrote."),
  p("“We saw no difference between the groups,” said Dr Ana O’Neill, who led the study."),
  p("The results were unprecedentedly consistent across age groups. Funding came from a public grant."),
];

describe("checkQuote", () => {
  it("finds a verbatim quote", () => {
    expect(checkQuote("No effect on the incidence of colds was found", SOURCE)).toEqual({ status: "found", match: "No effect on the incidence of colds was found" });
  });

  it("has nothing to check without a quote or without a copy", () => {
    expect(checkQuote(null, SOURCE).status).toBe("not-checked");
    expect(checkQuote("   ", SOURCE).status).toBe("not-checked");
    expect(checkQuote("…", SOURCE).status).toBe("not-checked");
    expect(checkQuote("No effect", null).status).toBe("not-checked");
  });

  it("ignores straight versus curly quote marks and apostrophes, and the citer's own quote marks", () => {
    expect(checkQuote(`"We saw no difference between the groups," said Dr Ana O'Neill`, SOURCE)).toMatchObject({ status: "found", match: "We saw no difference between the groups,” said Dr Ana O’Neill" });
    expect(checkQuote("“No effect on the incidence of colds was found.”", SOURCE).status).toBe("found");
  });

  it("ignores case, spacing and punctuation", () => {
    expect(checkQuote("no EFFECT on the   incidence of colds, was found", SOURCE).status).toBe("found");
  });

  it("keeps digit groups whole: 5660 is not 5,660", () => {
    const result = checkQuote("5660 adults took vitamin D or a placebo", SOURCE);
    expect(result).toEqual({ status: "close", match: "5,660 adults took vitamin D or a placebo" });
  });

  it("accepts an ellipsis for words left out, in order", () => {
    expect(checkQuote("In the trial … adults took vitamin D … for two years", SOURCE)).toEqual({ status: "found", match: "In the trial, 5,660 adults took vitamin D or a placebo for two years" });
    expect(checkQuote("No effect on the incidence of colds [...] the authors wrote", SOURCE).status).toBe("found");
    // The same pieces in the wrong order are not the source's words.
    expect(checkQuote("for two years … In the trial", SOURCE).status).toBe("not-found");
  });

  it("finds a quote that runs from one block into the next", () => {
    expect(checkQuote("the authors wrote. We saw no difference", SOURCE)).toMatchObject({ status: "found" });
    expect(checkQuote("the authors wrote. We saw no difference", SOURCE).match).toContain("\n\n");
  });

  it("calls a quote with small changes close and returns the passage for a word diff", () => {
    const quote = "No effect on the incidence of colds was seen";
    const result = checkQuote(quote, SOURCE);
    expect(result).toEqual({ status: "close", match: "No effect on the incidence of colds was found" });
    const diff = wordDiff(quote, result.match!);
    expect(diff.segments.filter((s) => s.kind !== "same").map((s) => s.text)).toEqual(["seen", "found"]);
  });

  it("shows whole words when the close passage stops inside one", () => {
    expect(checkQuote("results were unprecedented consistent", SOURCE)).toEqual({ status: "close", match: "results were unprecedentedly consistent" });
  });

  it("finds a one-word quote only as a whole word, never fuzzily", () => {
    expect(checkQuote("placebo", SOURCE)).toEqual({ status: "found", match: "placebo" });
    expect(checkQuote("Placebos", SOURCE).status).toBe("not-found");
    expect(checkQuote("grou", SOURCE).status).toBe("not-found");
  });

  it("does not call unrelated text close", () => {
    expect(checkQuote("The vaccine prevented ninety percent of infections in older adults", SOURCE).status).toBe("not-found");
  });

  it("checks a very long quote, verbatim and with one word changed", () => {
    const long = Array.from({ length: 60 }, (_, i) => `Sentence ${i + 1} of the methods section describes step ${i + 1} in detail.`).join(" ");
    const blocks = [p("Preface."), p(long), p("Afterword.")];
    expect(checkQuote(long, blocks)).toEqual({ status: "found", match: long });
    const edited = long.replace("step 30 in detail", "step 30 in depth");
    expect(checkQuote(edited, blocks)).toEqual({ status: "close", match: long });
  });
});
