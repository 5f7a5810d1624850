import { describe, expect, it } from "vitest";
import { MODEL_THRESHOLD, modelScore } from "./check-worthy-model";

describe("the trained check-worthiness model", () => {
  it("ranks a factual claim with a figure above a greeting, and says which features weighed most", () => {
    const claim = modelScore("Unemployment fell to 3.7 percent last year, the lowest rate in 50 years.");
    const greeting = modelScore("Thank you all for being here tonight.");
    expect(claim.score).toBeGreaterThan(greeting.score);
    expect(claim.score).toBeGreaterThanOrEqual(MODEL_THRESHOLD);
    expect(greeting.score).toBeLessThan(MODEL_THRESHOLD);
    expect(claim.top.length).toBeGreaterThan(0);
  });
});
