import { describe, expect, it } from "vitest";
import type { DraftBlock } from "../../lib/import-draft";
import { markTableOfContents, TABLE_OF_CONTENTS } from "./table-of-contents";

const b = (kind: DraftBlock["kind"], text: string): DraftBlock => ({ kind, text, drop: false, reason: null });

describe("markTableOfContents", () => {
  it("leaves out a list naming the headings that follow, numbered or not", () => {
    const blocks = [b("heading", "How it works"), b("list_item", "1. Introduction"), b("list_item", "2. Design"), b("list_item", "Results"), b("heading", "Introduction"), b("paragraph", "Text."), b("heading", "Design"), b("heading", "Results")];
    const out = markTableOfContents(blocks);
    expect(out.filter((x) => x.drop).map((x) => x.text)).toEqual(["1. Introduction", "2. Design", "Results"]);
    expect(out[1]!.reason).toBe(TABLE_OF_CONTENTS);
  });

  it("keeps a list whose items are not later headings, or name too few of them", () => {
    const blocks = [b("list_item", "Introduction"), b("list_item", "Doses above 4,000 IU are unsafe"), b("list_item", "Most adults need less"), b("heading", "Introduction"), b("heading", "Safety")];
    expect(markTableOfContents(blocks).some((x) => x.drop)).toBe(false);
  });

  it("only counts headings after the list: a recap at the end stays", () => {
    const blocks = [b("heading", "Risks"), b("heading", "Benefits"), b("heading", "Verdict"), b("list_item", "Risks"), b("list_item", "Benefits"), b("list_item", "Verdict")];
    expect(markTableOfContents(blocks).some((x) => x.drop)).toBe(false);
  });
});
