import { describe, expect, it } from "vitest";
import { diffSnapshots } from "./snapshot-diff";
import type { Block } from "./anchoring/text";

const p = (text: string): Block => ({ kind: "paragraph", text });

describe("diffSnapshots", () => {
  it("aligns unchanged, changed, removed and added blocks and marks changed words", () => {
    const rows = diffSnapshots([p("Intro."), p("About 5% of adults use kratom."), p("Gone paragraph."), p("End.")], [p("New note."), p("Intro."), p("About 6% of adults use kratom."), p("End.")]);
    expect(rows.map((r) => r.kind)).toEqual(["added", "same", "changed", "removed", "same"]);
    const changed = rows[2]!;
    expect(changed.old!.runs.filter((r) => r.changed).map((r) => r.text).join("")).toBe("5");
    expect(changed.new!.runs.filter((r) => r.changed).map((r) => r.text).join("")).toBe("6");
    expect(changed.new!.runs.map((r) => r.text).join("")).toBe("About 6% of adults use kratom.");
  });

  it("cuts each side from its own text, even where the word diff carries the new spacing", () => {
    const before = "not not kratom, (x) FDA";
    const after = "a not 4,000 not - not don't (x) b FDA";
    const [row] = diffSnapshots([p(before)], [p(after)]);
    expect(row!.kind).toBe("changed");
    expect(row!.old!.runs.map((r) => r.text).join("")).toBe(before);
    expect(row!.new!.runs.map((r) => r.text).join("")).toBe(after);
    expect(row!.old!.runs.filter((r) => r.changed).map((r) => r.text.trim())).toEqual(["not kratom"]);
  });

  it("handles identical and empty snapshots", () => {
    expect(diffSnapshots([p("A."), p("A.")], [p("A."), p("A.")]).map((r) => r.kind)).toEqual(["same", "same"]);
    expect(diffSnapshots([], [p("A.")]).map((r) => r.kind)).toEqual(["added"]);
  });
});
