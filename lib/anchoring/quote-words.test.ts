import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quoteWordDiff, quoteWords, sameWords, sharedWordShare } from "./quote-words";

describe("sameWords", () => {
  it("ignores case, whitespace and punctuation", () => {
    expect(sameWords("Kratom, a tropical tree, is SAFE.", "kratom a  Tropical tree — is safe!")).toBe(true);
    expect(sameWords("well-known", "well known")).toBe(true);
    expect(sameWords("it's", "it’s")).toBe(true);
    expect(sameWords("Café", "Cafe\u0301")).toBe(true); // NFC and NFD spell the same word
  });

  it("sees every change of words, however small", () => {
    expect(sameWords("Kratom is safe", "Kratom is not safe")).toBe(false);
    expect(sameWords("Kratom is safe", "Kratom is unsafe")).toBe(false);
    expect(sameWords("About 5% of users", "About 6% of users")).toBe(false);
    expect(sameWords("4,000 patients", "4000 patients")).toBe(false);
    expect(sameWords("it's", "its")).toBe(false);
    expect(sameWords("Kratom may help", "Kratom will help")).toBe(false);
  });

  it("keeps numbers with separators and inner apostrophes as one word", () => {
    expect(quoteWords("Don’t pay 4,000.50 now.")).toEqual(["don't", "pay", "4,000.50", "now"]);
  });
});

describe("quoteWordDiff", () => {
  it("shows a negation as an added word", () => {
    expect(quoteWordDiff("Kratom is safe for adults.", "Kratom is not safe for adults.")).toEqual([
      { kind: "same", text: "Kratom is " },
      { kind: "added", text: "not " },
      { kind: "same", text: "safe for adults." },
    ]);
  });

  it("shows a replaced word as removed, then added", () => {
    expect(quoteWordDiff("About 5% of users", "About 6% of users")).toEqual([
      { kind: "same", text: "About " },
      { kind: "removed", text: "5% " },
      { kind: "added", text: "6% " },
      { kind: "same", text: "of users" },
    ]);
  });

  it("is one 'same' part when only punctuation or case changed", () => {
    expect(quoteWordDiff("Kratom, a tree.", "kratom a tree!")).toEqual([{ kind: "same", text: "kratom a tree!" }]);
    expect(quoteWordDiff("", "")).toEqual([]);
  });

  it("rebuilds the new quote exactly from its same and added parts, and the old words from same and removed", () => {
    const words = ["kratom", "is", "not", "safe", "5%", "users", "may", "will", "the"];
    const quote = fc.array(fc.constantFrom(...words), { maxLength: 12 }).map((w) => w.join(" "));
    fc.assert(
      fc.property(quote, quote, (a, b) => {
        const parts = quoteWordDiff(a, b);
        expect(parts.filter((p) => p.kind !== "removed").map((p) => p.text).join("")).toBe(b);
        expect(quoteWords(parts.filter((p) => p.kind !== "added").map((p) => p.text).join(""))).toEqual(quoteWords(a));
        expect(parts.every((p) => p.kind === "same")).toBe(sameWords(a, b));
      }),
      { numRuns: 300 },
    );
  });
});

describe("sharedWordShare", () => {
  it("is 1 for the same words, 0 for none in common, in between for an edit", () => {
    expect(sharedWordShare("Kratom is safe.", "kratom IS safe")).toBe(1);
    expect(sharedWordShare("Kratom is safe.", "Completely different text")).toBe(0);
    expect(sharedWordShare("Kratom is safe for adults", "Kratom is not safe for adults")).toBeCloseTo(10 / 11);
  });
});
