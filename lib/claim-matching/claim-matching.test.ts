import { describe, expect, it } from "vitest";
import { profile, reasons } from "./features";
import { MATCH_DIM_BELOW, rerank } from "./index";
import { expandTags, fold, isNegated, names, numbers, searchTerms, words } from "./text";

const flat = () => 5;

describe("text as claim matching reads it", () => {
  it("folds accents, case, apostrophe and quote variants alike", () => {
    expect(words("Café can’t NAÏVE")).toEqual(words("cafe can't naive"));
    expect(fold("“Kratom” ‘works’")).toBe('"kratom" \'works\'');
    expect(searchTerms("O’Brien’s café")).toEqual(searchTerms("O'Brien's cafe"));
  });

  it("reads hashtags and handles as the words they join, and drops links", () => {
    expect(expandTags("#AustralianFires @BetoORourke #Trump2020")).toBe("#AustralianFires Australian Fires @BetoORourke Beto O Rourke #Trump2020 Trump 2020");
    expect(searchTerms("see https://t.co/abc pic.twitter.com/xyz #KratomWorks")).toEqual(["see", "kratomworks", "kratom", "works"]);
  });

  it("finds numbers however they are written, names, and denials", () => {
    expect([...numbers("4,000 IU; 1.50 mg; 3 in 4")]).toEqual(["4000", "1.5", "3", "4"]);
    expect(names("The CDC said Donald Trump met @BradTrost.")).toEqual(new Set(["cdc", "donald", "trump", "bradtrost", "brad", "trost"]));
    expect(isNegated("Kratom doesn’t cure withdrawal")).toBe(true);
    expect(isNegated("Kratom does not cure withdrawal")).toBe(true);
    expect(isNegated("Kratom cures withdrawal")).toBe(false);
  });
});

describe("re-ranking", () => {
  const candidate = (statement: string, indexScore: number, createdAt = "2024-01-01") => ({ statement, exact: statement, indexScore, createdAt });

  it("finds the check of the negated claim first, labelled, without a penalty", () => {
    const query = { statement: "Kratom does not cause liver damage", exact: "Kratom does not cause liver damage, a post says." };
    const ranked = rerank("sqlite", query, [candidate("Kratom causes liver damage", 10), candidate("Kratom is legal in Thailand", 4)], flat);
    expect(ranked[0]!.statement).toBe("Kratom causes liver damage");
    expect(ranked[0]!.saysOpposite).toBe(true);
    const same = rerank("sqlite", { statement: "Kratom causes liver damage", exact: "" }, [candidate("Kratom causes liver damage", 10)], flat);
    // Polarity is a label, not a penalty: the same score either way.
    expect(ranked[0]!.score).toBeCloseTo(rerank("sqlite", query, [candidate("Kratom causes liver damage", 10)], flat)[0]!.score, 3);
    expect(same[0]!.saysOpposite).toBe(false);
  });

  it("dims weak matches but never hides the first results", () => {
    const ranked = rerank("postgres", { statement: "Vitamin D prevents colds in winter", exact: "" }, [candidate("Zinc shortens colds", 1), candidate("Honey soothes coughs", 0.5)], flat);
    expect(ranked).toHaveLength(2);
    expect(ranked.some((m) => m.dimmed)).toBe(true);
    expect(ranked.every((m) => m.dimmed === m.score < MATCH_DIM_BELOW)).toBe(true);
  });

  it("says why a candidate matches: shared words, the same numbers, the same claimant", () => {
    const q = profile({ statement: "70% of protesters arrested in Charlotte came from out of state", exact: "", claimant: "A. Blogger" });
    const c = profile({ statement: "70 per cent of the persons arrested during protests in Charlotte had out-of-state IDs.", exact: "", claimant: "a. blogger" });
    expect(reasons(q, c, "70 per cent of the persons arrested during protests in Charlotte had out-of-state IDs.")).toEqual([
      "shares “charlotte”, “protests”, “arrested”, “state”",
      "same number 70",
      "same claimant",
    ]);
  });
});
