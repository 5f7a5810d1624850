import { describe, expect, it } from "vitest";
import { mergeCitations } from "./merge";

describe("mergeCitations", () => {
  it("keeps all of mine and adds theirs that are new, by URL", () => {
    const mine = [{ url: "https://a.org/x", title: "A (mine)" }, { url: "https://b.org", title: "B" }];
    const theirs = [{ url: "https://A.org/x/", title: "A (theirs)" }, { url: "https://c.org", title: "C" }];
    expect(mergeCitations(mine, theirs).map((c) => c.title)).toEqual(["A (mine)", "B", "C"]);
    expect(mergeCitations([], theirs)).toHaveLength(2);
  });
});
