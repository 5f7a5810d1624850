import { describe, expect, it } from "vitest";
import { MODEL_THRESHOLD, MODEL_VERSION, modelScore, plainReasons, sentenceFeatures, withoutSpeaker } from "./check-worthy-model";

// Short health texts on topics the model never trained on (its only health prose is five kratom articles),
// written for this test and not used to choose anything: a check that it carries beyond kratom and debates.
const HEALTH_CLAIMS = [
  "Eating red meat every day raises the risk of colorectal cancer by 18 percent.",
  "Ginger is more effective than a placebo at reducing nausea during pregnancy.",
  "Half of all adults over 65 have high blood pressure.",
  "Fluoride in drinking water lowers tooth decay in children.",
  "The WHO warns that antibiotic resistance could kill 10 million people a year by 2050.",
  "Omega-3 fatty acids protect the heart against irregular rhythms.",
  "A single dose of psilocybin eased depression for up to six weeks in a clinical trial.",
  "Smoking causes about 90% of lung cancer deaths.",
  "Caffeine blocks adenosine receptors, which makes you feel less tired.",
  "Children who sleep less than eight hours are twice as likely to be overweight.",
  "Researchers found that regular sauna use was linked to a lower risk of dementia.",
  "Honey soothes a cough in children as well as over-the-counter cough medicine.",
];
const HEALTH_NON_CLAIMS = [
  "Here are five tips for a better night's sleep.",
  "Always check with a pharmacist before mixing medicines.",
  "How much water should you drink each day?",
  "We'll look at the pros and cons of each diet below.",
  "Everyone's body is different.",
  "The Best Foods for Gut Health",
  "It is essential to listen to your body.",
  "Whether this applies to everyone remains unclear.",
  "Subscribe to our newsletter for more wellness tips.",
  "Many readers have asked us about keto.",
  "Keep reading to find out more.",
  "Please share this article with your friends.",
];

const suggested = (text: string) => modelScore(text).score >= MODEL_THRESHOLD;

describe("the trained check-worthiness model", () => {
  it("ranks a factual claim with a figure above a greeting, and says which features weighed most", () => {
    const claim = modelScore("Unemployment fell to 3.7 percent last year, the lowest rate in 50 years.");
    const greeting = modelScore("Thank you all for being here tonight.");
    expect(claim.score).toBeGreaterThan(greeting.score);
    expect(claim.score).toBeGreaterThanOrEqual(MODEL_THRESHOLD);
    expect(greeting.score).toBeLessThan(MODEL_THRESHOLD);
    expect(claim.top.length).toBeGreaterThan(0);
    expect(claim.top.length).toBeLessThanOrEqual(4);
  });

  it("suggests short health claims on new topics and leaves advice, headings and asides alone", () => {
    const hits = HEALTH_CLAIMS.filter(suggested).length;
    const falseAlarms = HEALTH_NON_CLAIMS.filter(suggested).length;
    const precision = hits / Math.max(1, hits + falseAlarms);
    const recall = hits / HEALTH_CLAIMS.length;
    expect((2 * precision * recall) / (precision + recall)).toBeGreaterThanOrEqual(0.7);
    expect(precision).toBeGreaterThanOrEqual(0.8);
  });

  it("scores a sentence the same with or without a speaker label", () => {
    for (const [labelled, plain] of [
      ["TRUMP: We cut taxes by 20%.", "We cut taxes by 20%."],
      ["Dr. Jane Smith: Kratom binds to opioid receptors in the brain.", "Kratom binds to opioid receptors in the brain."],
      ["SPEAKER 1: Thank you all for coming.", "Thank you all for coming."],
    ]) {
      expect(withoutSpeaker(labelled!)).toBe(plain);
      expect(sentenceFeatures(labelled!)).toEqual(sentenceFeatures(plain!));
      expect(modelScore(labelled!)).toEqual(modelScore(plain!));
    }
    // A colon inside a sentence is not a label.
    for (const text of ["Note that 10:30 is late for a dose.", "The study found one thing: sleep improved.", "Vitamin D levels fell by 20% in winter."]) expect(withoutSpeaker(text)).toBe(text);
  });

  it("gives plain reasons: no internal names, at most three, never empty for a suggestion", () => {
    for (const text of [...HEALTH_CLAIMS, "We cut taxes by 20% and unemployment fell to a record low.", "Take 25 mg of zinc a day for a week."]) {
      const { score, top } = modelScore(text);
      const reasons = plainReasons(top);
      expect(reasons.length).toBeLessThanOrEqual(3);
      expect(new Set(reasons).size).toBe(reasons.length);
      for (const reason of reasons) expect(reason).not.toMatch(/\b(cue|w|b|len):|<num>/);
      if (score >= MODEL_THRESHOLD) expect(reasons.length).toBeGreaterThan(0);
    }
    expect(plainReasons(modelScore("Vitamin D at 4,000 IU a day prevents flu.").top)).toContain("gives a dose");
    expect(plainReasons(["w:unemployment", "b:cut taxes", "w:the", "cue:research"])).toEqual(["uses the word “unemployment”", "uses “cut taxes”", "cites a study"]);
    expect(plainReasons(["b:<num> %", "cue:percent"])).toEqual(["gives a figure"]);
    expect(plainReasons([])).toEqual(["states a fact"]);
  });

  it("names the weights it runs on", () => {
    expect(MODEL_VERSION).toMatch(/^[0-9a-f]{12}$/);
    expect(MODEL_THRESHOLD).toBeGreaterThan(0);
    expect(MODEL_THRESHOLD).toBeLessThan(1);
  });
});
