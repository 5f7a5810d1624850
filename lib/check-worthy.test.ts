import { describe, expect, it } from "vitest";
import { describeReasons, scoreSentence, suggestCheckWorthy, SUGGESTION_THRESHOLD } from "./check-worthy";
import { canonicalText, sliceCodePoints, type Block } from "./anchoring/text";

// How well the model ranks and flags sentences is measured on held-out public data by `npm run bench -- check-worthy`;
// these tests hold what the workspace relies on.
describe("suggestCheckWorthy", () => {
  const blocks: Block[] = [
    { kind: "heading", text: "Studies show 90% of colds are prevented by vitamin D" },
    { kind: "paragraph", text: "We love it 🙂🙂. A 2019 survey found that 41% of adults took vitamin D supplements every day. Read our guide? You should always consult a doctor first." },
  ];

  it("suggests sentences with spans in code points over the canonical text, never headings", () => {
    const suggestions = suggestCheckWorthy(blocks);
    expect(suggestions).toHaveLength(1);
    const [s] = suggestions;
    expect(sliceCodePoints(canonicalText(blocks), s!.start, s!.end)).toBe("A 2019 survey found that 41% of adults took vitamin D supplements every day.");
    expect(s!.reasons).toContain("gives a figure");
    expect(s!.score).toBeGreaterThan(SUGGESTION_THRESHOLD);
    expect(s!.score).toBeLessThanOrEqual(1);
  });

  it("takes the organisation's threshold: higher suggests fewer", () => {
    expect(suggestCheckWorthy(blocks, 0.999)).toEqual([]);
    expect(suggestCheckWorthy(blocks, 0.001).length).toBeGreaterThan(suggestCheckWorthy(blocks).length);
  });

  it("scores a speaker turn as what was said: the label changes nothing and stays out of the span", () => {
    const said = "Violent crime fell by 20 percent in the city last year.";
    for (const label of ["MAYOR", "Dr. Jane Smith", "SPEAKER 1"]) expect(scoreSentence(`${label}: ${said}`)).toEqual(scoreSentence(said));
    const turn: Block[] = [{ kind: "paragraph", text: `MAYOR: ${said} Thank you all for coming.` }];
    const [s] = suggestCheckWorthy(turn);
    expect(s!.text).toBe(said);
    expect(sliceCodePoints(canonicalText(turn), s!.start, s!.end)).toBe(said);
  });

  it("ranks figures, doses and attributed effects above advice, questions and descriptions of the article", () => {
    const claims = [
      "The upper limit of vitamin D for adults is 4,000 IU a day, according to the NIH.",
      "Three in four adults in the survey slept less than seven hours a night.",
      "The FDA states that kratom can cause liver damage in some users.",
    ];
    const others = [
      "You should always consult a healthcare professional before using kratom for withdrawal.",
      "What does the research say about kratom and sleep?",
      "In this article, we explore the science behind kratom's effects on pain.",
    ];
    const lowestClaim = Math.min(...claims.map((c) => scoreSentence(c).score));
    for (const o of others) expect(scoreSentence(o).score, o).toBeLessThan(lowestClaim);
    for (const o of others) expect(scoreSentence(o).score, o).toBeLessThan(SUGGESTION_THRESHOLD);
  });

  it("gives reasons in plain words, never internal names", () => {
    for (const text of ["The FDA states that kratom can cause liver damage in some users.", "Unemployment fell to 3.7 percent last year, the lowest rate in 50 years."]) {
      const { reasons } = scoreSentence(text);
      expect(reasons.length).toBeGreaterThan(0);
      for (const r of reasons) expect(r).not.toMatch(/cue:|w:|b:|len:|<num>/);
    }
    expect(describeReasons([])).toBe("factual wording");
  });
});
