import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readClaimReviewHtml, readClaimReviewJson } from "./claimreview-in";

const fixture = (name: string) => fs.readFileSync(path.resolve(import.meta.dirname, "../../fixtures/claimreview", name), "utf8");
// The single-review page is also served to the e2e tests by the fixture web server.
const webPage = (name: string) => fs.readFileSync(path.resolve(import.meta.dirname, "../../fixtures/web", name), "utf8");

describe("ClaimReview in", () => {
  it("reads one JSON-LD ClaimReview with its claimant, rating, date and language", () => {
    const { found, skipped } = readClaimReviewHtml(webPage("claimreview-page.html"), "https://checkers.example/vitamin-c");
    expect(skipped).toEqual([]);
    expect(found).toEqual([
      { claim: "Vitamin C cures the common cold", claimant: "A. Wellness Influencer", ratingLabel: "False", ratingValue: 1, url: "https://checkers.example/vitamin-c", datePublished: "2024-01-15", publisher: "Checkers Desk", language: "en" },
    ]);
  });

  it("finds reviews inside @graph, with itemReviewed as a CreativeWork and a 1–7 scale, and says which block is broken", () => {
    const { found, skipped } = readClaimReviewHtml(fixture("graph.html"), "https://verite.example/kratom");
    expect(found).toHaveLength(1);
    // 2 on a 1–7 scale is a sixth of the way up: 1 + 4/6 on this desk's 1–5 scale.
    expect(found[0]).toMatchObject({ claim: "Le kratom guérit le sevrage aux opioïdes", claimant: "Boutique Kratom", ratingLabel: "Plutôt faux", ratingValue: 1.7, datePublished: "2023-06-02", language: "fr" });
    expect(skipped).toEqual([{ where: "JSON-LD block 2", reason: "It is not valid JSON." }]);
  });

  it("reads an array of reviews and gives every unreadable one its own reason", () => {
    const { found, skipped } = readClaimReviewJson(fixture("array.json"), "array.json");
    expect(found.map((f) => [f.claim, f.ratingLabel, f.ratingValue, f.claimant, f.publisher])).toEqual([
      ["Kratom is an opioid", "Misleading", null, null, "Checkers Desk"],
      ["Kratom is legal everywhere", null, 3, null, null],
      ["Out of its own range", "Odd", null, null, null],
    ]);
    expect(skipped).toEqual([
      { where: "review 3 of array.json", reason: "It names no claim (claimReviewed is missing or empty)." },
      { where: "review 4 of array.json", reason: "It has no web address (url) to link to." },
      { where: "review 5 of array.json", reason: "It gives no rating (reviewRating has neither a label nor a value)." },
      { where: "review 6 of array.json", reason: "It has no web address (url) to link to." },
    ]);
  });

  it("reads a Data Commons-style DataFeed", () => {
    const { found, skipped } = readClaimReviewJson(fixture("datafeed.json"));
    expect(skipped).toEqual([]);
    expect(found.map((f) => [f.claim, f.ratingValue, f.url])).toEqual([
      ["Vitamin C cures the common cold", 1, "https://checkers.example/vitamin-c#claim-1"],
      ["Zinc shortens colds by a day", 4, "https://checkers.example/vitamin-c#claim-2"],
    ]);
  });

  it("reads microdata", () => {
    const { found } = readClaimReviewHtml(fixture("microdata.html"), "https://faktisk.example/kaffe");
    expect(found).toEqual([
      { claim: "Coffee dehydrates you", claimant: "A columnist", ratingLabel: "Mostly false", ratingValue: 2, url: "https://faktisk.example/kaffe", datePublished: "2022-11-03", publisher: "Faktisk Helse", language: null },
    ]);
  });

  it("never throws: not JSON, no reviews, hostile nesting", () => {
    expect(readClaimReviewJson("{", "x.json").skipped).toEqual([{ where: "x.json", reason: "It is not valid JSON." }]);
    expect(readClaimReviewJson('{"@type":"WebPage"}', "x.json").skipped[0]!.reason).toBe("It holds no ClaimReview.");
    const inner = JSON.stringify({ "@type": "ClaimReview", claimReviewed: "deep", url: "https://a.example", reviewRating: { alternateName: "False" } });
    const deep = `${'{"@graph":['.repeat(5_000)}${inner}${"]}".repeat(5_000)}`;
    expect(readClaimReviewJson(deep, "deep.json").found).toEqual([]); // searched 8 levels down, no further
    expect(readClaimReviewHtml("<p>plain page</p>", "https://a.example/").skipped[0]!.reason).toBe("The page carries no ClaimReview markup.");
  });
});
