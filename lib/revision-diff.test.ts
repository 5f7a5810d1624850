import { describe, expect, it } from "vitest";
import type { Claimant } from "./claimant";
import { comparisonBaselines, diffCitations, diffRevisions, diffText, type ComparableCitation, type ComparableRevision } from "./revision-diff";

const cdc: ComparableCitation = { url: "https://www.cdc.gov/kratom/", title: "CDC on kratom", quote: "Kratom can cause dependence.", stance: "supports", publisher: "CDC", kind: "agency" };
const fda: ComparableCitation = { url: "https://www.fda.gov/kratom", title: "FDA on kratom", quote: null, stance: "context", publisher: "FDA", kind: "agency" };
const study: ComparableCitation = { url: "https://doi.org/10.1/x", title: "A randomised trial", quote: "No effect was found.", stance: "refutes", kind: "study" };

const claimant: Claimant = { claimantName: "A. Writer", claimantKind: "person", claimantRole: null, appearanceUrl: "https://example.test/post", appearanceDate: "2025-01-15" };
const accurate = { id: "r5", label: "Accurate", colour: "#1a7f37" };
const inaccurate = { id: "r1", label: "Inaccurate", colour: "#b42318" };

function revision(overrides: Partial<ComparableRevision> = {}): ComparableRevision {
  return {
    id: "v1",
    revision: 1,
    rating: accurate,
    rationale: "The alkaloids act on opioid receptors, as the article says.",
    citations: [cdc, fda],
    statement: "Kratom acts on opioid receptors",
    claimant,
    withdrawnReason: null,
    ...overrides,
  };
}

/** The diff as readable text: [+added] and [-removed] around changed words. */
const render = (change: ReturnType<typeof diffText>) =>
  change?.segments.map((s) => (s.kind === "added" ? `[+${s.text}]` : s.kind === "removed" ? `[-${s.text}]` : s.text)).join("");

describe("diffText", () => {
  it("is null for equal texts, ignoring surrounding space", () => {
    expect(diffText("Same words.", "  Same words.\n")).toBeNull();
    expect(diffText(null, "")).toBeNull();
  });

  it("marks the words added and removed, keeping the rest in order", () => {
    const change = diffText("The trial found no effect.", "The 2025 trial found a small effect.");
    expect(render(change)).toBe("The [+2025 ]trial found [-no][+a small] effect.");
    expect(change).toMatchObject({ added: 3, removed: 1 });
  });

  it("treats text added to an empty value as all added", () => {
    expect(diffText(null, "Now quoted.")?.segments).toEqual([{ kind: "added", text: "Now quoted." }]);
  });

  it("keeps paragraph breaks in the unchanged text, so a markdown rationale still reads as written", () => {
    expect(render(diffText("One.\n\nTwo is here.", "One.\n\nTwo was here.\n\n- a new point"))).toBe("One.\n\nTwo [-is][+was] here.\n\n[+- a new point]");
  });
});

describe("diffCitations", () => {
  it("finds added and removed citations by URL, ignoring case and a trailing slash", () => {
    const diff = diffCitations([cdc, fda], [{ ...fda, url: "https://WWW.fda.gov/kratom/" }, study]);
    expect(diff.added).toEqual([study]);
    expect(diff.removed).toEqual([cdc]);
    expect(diff.unchanged).toBe(0);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]).toMatchObject({ title: null, quote: null, stance: null, url: { from: fda.url, to: "https://WWW.fda.gov/kratom/" }, details: [] });
  });

  it("reports a changed title, quote and stance on the same URL as one changed citation", () => {
    const diff = diffCitations([cdc], [{ ...cdc, title: "CDC: kratom facts", quote: "Kratom can cause dependence and withdrawal.", stance: "context" }]);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    const [change] = diff.changed;
    expect(render(change!.title)).toBe("CDC[- on][+:] kratom [+facts]");
    expect(render(change!.quote)).toBe("Kratom can cause dependence [+and withdrawal].");
    expect(change!.stance).toEqual({ from: "supports", to: "context" });
  });

  it("counts other reader-visible fields (publisher, date, kind, archive, page) as changes", () => {
    const diff = diffCitations([study], [{ ...study, publisher: "Journal of Examples", archiveUrl: "https://web.archive.org/x", locator: "p. 12" }]);
    expect(diff.changed[0]!.details).toEqual(["publisher", "archiveUrl", "locator"]);
    // Null and empty are the same: no change.
    expect(diffCitations([{ ...study, publisher: null }], [{ ...study, publisher: "" }]).unchanged).toBe(1);
  });

  it("pairs repeated URLs in order and reports a new order of the same citations", () => {
    const second = { ...cdc, title: "CDC, second page" };
    const diff = diffCitations([cdc, second], [cdc]);
    expect(diff.removed).toEqual([second]);
    expect(diff.unchanged).toBe(1);
    expect(diffCitations([cdc, fda], [fda, cdc])).toMatchObject({ unchanged: 2, reordered: true, added: [], removed: [] });
    expect(diffCitations([cdc, fda], [cdc, fda]).reordered).toBe(false);
  });
});

describe("diffRevisions", () => {
  it("says nothing changed when only the id and number differ", () => {
    const diff = diffRevisions(revision(), revision({ id: "v2", revision: 2 }));
    expect(diff.changed).toBe(false);
    expect(diff).toMatchObject({ rating: null, statement: null, claimant: null, presence: null, rationale: null });
  });

  it("compares rating, statement, claimant and rationale", () => {
    const after = revision({
      id: "v2",
      rating: inaccurate,
      statement: "Kratom acts on all opioid receptors",
      claimant: { ...claimant, claimantRole: "columnist", appearanceDate: "2025-01-16" },
      rationale: "The alkaloids act on some opioid receptors only.",
    });
    const diff = diffRevisions(revision(), after);
    expect(diff.changed).toBe(true);
    expect(diff.rating).toEqual({ from: accurate, to: inaccurate });
    expect(render(diff.statement)).toBe("Kratom acts on [+all ]opioid receptors");
    expect(diff.claimant?.fields).toEqual(["claimantRole", "appearanceDate"]);
    expect(diff.rationale?.added).toBeGreaterThan(0);
    expect(diff.rationale?.removed).toBeGreaterThan(0);
  });

  it("reports a removal from the public page, a re-inclusion and a new reason", () => {
    const removed = revision({ id: "v2", withdrawnReason: "Not a factual claim." });
    expect(diffRevisions(revision(), removed).presence).toEqual({ kind: "removed", reason: "Not a factual claim." });
    expect(diffRevisions(removed, revision({ id: "v3" })).presence).toEqual({ kind: "reincluded", previousReason: "Not a factual claim." });
    expect(diffRevisions(removed, revision({ id: "v3", withdrawnReason: "Opinion." })).presence).toEqual({ kind: "reason-changed", from: "Not a factual claim.", to: "Opinion." });
  });
});

describe("comparisonBaselines", () => {
  const v1 = revision();
  const v2 = revision({ id: "v2", revision: 2 });
  const v3 = revision({ id: "v3", revision: 3 });

  it("compares with the published revision and, when it is another one, the previous revision", () => {
    expect(comparisonBaselines({ proposed: v3, published: v1, previous: v2 }).map((b) => [b.kind, b.revision.id])).toEqual([
      ["published", "v1"],
      ["previous", "v2"],
    ]);
  });

  it("compares once when the previous revision is the published one, and not at all for a first proposal", () => {
    expect(comparisonBaselines({ proposed: v2, published: v1, previous: v1 }).map((b) => b.kind)).toEqual(["published"]);
    expect(comparisonBaselines({ proposed: v2, published: null, previous: v1 }).map((b) => b.kind)).toEqual(["previous"]);
    expect(comparisonBaselines({ proposed: v1, published: null, previous: null })).toEqual([]);
  });
});
