import { describe, expect, it } from "vitest";
import { describeHistory, describeRevision } from "./verdict-history";
import { wordDiff } from "./text-diff";

const cdc = { url: "https://www.cdc.gov/kratom/", title: "CDC on kratom" };
const fda = { url: "https://www.fda.gov/kratom", title: "FDA on kratom" };
const study = { url: "https://doi.org/10.1/x", title: "A study" };

describe("verdict history", () => {
  it("describes the first proposal", () => {
    const change = describeRevision(null, { revision: 1, ratingLabel: "Unsupported", rationale: "No evidence.", citations: [cdc] });
    expect(change.summary).toBe("First proposal: Unsupported, 1 citation");
    expect(change.citationsAdded).toEqual(["CDC on kratom"]);
  });

  it("reports rating, rationale and citation changes", () => {
    const change = describeRevision(
      { revision: 1, ratingLabel: "Unsupported", rationale: "No good evidence was found.", citations: [cdc, fda] },
      { revision: 2, ratingLabel: "Inaccurate", rationale: "Strong evidence contradicts it, and no good evidence was found.", citations: [{ ...fda, url: "https://WWW.fda.gov/kratom/" }, study] },
    );
    expect(change.rating).toEqual({ from: "Unsupported", to: "Inaccurate" });
    expect(change.citationsAdded).toEqual(["A study"]);
    expect(change.citationsRemoved).toEqual(["CDC on kratom"]);
    expect(change.rationale?.added).toBeGreaterThan(0);
    expect(change.summary).toBe(`Rating Unsupported → Inaccurate · rationale +${change.rationale!.added}/−${change.rationale!.removed} words · 1 citation added · 1 citation removed`);
  });

  it("says when a revision changed nothing, and lists newest first", () => {
    const r = { revision: 1, ratingLabel: "Accurate", rationale: "Yes.", citations: [cdc] };
    const history = describeHistory([r, { ...r, revision: 2 }, { ...r, revision: 3, rationale: "Yes, indeed." }]);
    expect(history.map((h) => h.revision)).toEqual([3, 2, 1]);
    expect(history[1]!.summary).toBe("Resubmitted without changes");
    expect(history[0]!.summary).toBe("Rationale +1/−0 words");
  });

  it("diffs words", () => {
    expect(wordDiff("a b c", "a x c").segments.filter((s) => s.kind !== "same")).toEqual([
      { kind: "removed", text: "b" },
      { kind: "added", text: "x" },
    ]);
    expect(wordDiff("same text", "same text")).toMatchObject({ added: 0, removed: 0 });
  });
});
