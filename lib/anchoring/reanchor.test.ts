import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeAnchor, type TextAnchor } from "./anchor";
import { diffTexts, offsetMap } from "./anchor-diff";
import { carryReview, reanchorAll } from "./reanchor";
import { canonicalText, codePointLength, normalizeBlocks, sliceCodePoints, type Block } from "./text";

/** Anchor for the n-th (0-based) occurrence of `quote` in `text`, as a reviewer's selection would make it. */
function anchorOf(text: string, quote: string, nth = 0): TextAnchor {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`"${quote}" not found`);
  const start = codePointLength(text.slice(0, at));
  return describeAnchor(text, start, start + codePointLength(quote));
}

const one = (oldText: string, newText: string, anchor: TextAnchor) => reanchorAll(oldText, newText, [anchor])[0]!;
const quoted = (text: string, a: TextAnchor) => sliceCodePoints(text, a.start, a.end);

const paragraphs = (...p: string[]) => p.join("\n\n");
const FILLER = [
  "Kratom is a tropical tree native to Southeast Asia.",
  "Its leaves have been chewed for centuries by labourers in Thailand.",
  "Regulators in several countries have warned about contamination.",
  "Researchers call for larger trials before drawing firm conclusions.",
];

describe("offsetMap", () => {
  it("maps offsets through insertions and deletions, keeping inserted text outside the quote", () => {
    const map = offsetMap(diffTexts("aaa QUOTE bbb", "xx aaa QUOTE b"));
    expect(map.mapStart(4)).toBe(7);
    expect(map.mapEnd(9)).toBe(12);
    expect(map.untouched(4, 9)).toBe(true);
    expect(map.untouched(9, 13)).toBe(false);
    expect(map.keptShare(4, 9)).toBe(1);
  });
});

describe("reanchorAll: the tricky cases", () => {
  it("keeps a claim on the second of three identical sentences when text before them changes", () => {
    const s = "The supplement cured every patient in the trial.";
    const oldText = paragraphs(FILLER[0]!, `${s} ${s} ${s}`, FILLER[1]!);
    const anchor = anchorOf(oldText, s, 1);
    const newText = paragraphs("A new introduction was added by the editors.", FILLER[0]!, `${s} ${s} ${s}`, FILLER[1]!);
    const out = one(oldText, newText, anchor);
    expect(out.status).toBe("anchored");
    expect(out.anchor.start).toBe(anchorOf(newText, s, 1).start);
  });

  it("keeps the second identical sentence when the first one is deleted, instead of taking the first hit", () => {
    const s = "The supplement cured every patient in the trial.";
    const oldText = paragraphs(FILLER[0]!, `${s} Then: ${s} Finally: ${s}`);
    const anchor = anchorOf(oldText, s, 1);
    const newText = paragraphs(FILLER[0]!, `Then: ${s} Finally: ${s}`);
    const out = one(oldText, newText, anchor);
    expect(["anchored", "moved"]).toContain(out.status);
    expect(out.anchor.start).toBe(anchorOf(newText, s, 0).start);
  });

  it("follows a typo fix inside the quote, proposes the new quote and asks a reviewer (a changed word)", () => {
    const oldText = paragraphs(FILLER[0]!, "Kratom reduces withdrawl symptoms in most users, the author claims.", FILLER[1]!);
    const anchor = anchorOf(oldText, "Kratom reduces withdrawl symptoms in most users");
    const newText = paragraphs(FILLER[0]!, "Kratom reduces withdrawal symptoms in most users, the author claims.", FILLER[1]!);
    const out = one(oldText, newText, anchor);
    expect(out).toMatchObject({ status: "needs_review", wordsChanged: true });
    expect(out.anchor.exact).toBe("Kratom reduces withdrawal symptoms in most users");
    expect(quoted(newText, out.anchor)).toBe(out.anchor.exact);
    expect(out.wordDiff).toEqual([
      { kind: "same", text: "Kratom reduces " },
      { kind: "removed", text: "withdrawl " },
      { kind: "added", text: "withdrawal " },
      { kind: "same", text: "symptoms in most users" },
    ]);
  });

  it("moves a quote silently when only case, spacing or punctuation changed", () => {
    const oldText = paragraphs(FILLER[0]!, "Kratom, a tropical tree, reduces withdrawal symptoms in most users.", FILLER[1]!);
    const anchor = anchorOf(oldText, "Kratom, a tropical tree, reduces withdrawal symptoms in most users.");
    const newText = paragraphs(FILLER[0]!, "Kratom - a Tropical tree - reduces withdrawal symptoms in most users!", FILLER[1]!);
    const out = one(oldText, newText, anchor);
    expect(out).toMatchObject({ status: "moved", wordsChanged: false, wordDiff: null });
    expect(out.anchor.exact).toBe("Kratom - a Tropical tree - reduces withdrawal symptoms in most users!");
  });

  it.each([
    ["negation", "Kratom is safe for most adults, the study found.", "Kratom is not safe for most adults, the study found."],
    ["antonym", "Kratom is safe for most adults, the study found.", "Kratom is unsafe for most adults, the study found."],
    ["quantifier", "Kratom is safe for most adults, the study found.", "Kratom is safe for few adults, the study found."],
    ["modal", "Kratom can ease pain in most adults, the study found.", "Kratom could ease pain in most adults, the study found."],
  ])("never accepts a %s silently: needs_review at the edited sentence, with a word diff", (_kind, before, after) => {
    const oldText = paragraphs(FILLER[0]!, before, FILLER[1]!);
    const newText = paragraphs(FILLER[0]!, after, FILLER[1]!);
    const out = one(oldText, newText, anchorOf(oldText, before));
    expect(out).toMatchObject({ status: "needs_review", wordsChanged: true });
    expect(out.anchor.exact).toBe(after);
    expect(out.wordDiff!.filter((p) => p.kind !== "removed").map((p) => p.text).join("")).toBe(after);
    expect(out.wordDiff!.some((p) => p.kind !== "same")).toBe(true);
  });

  const toc = (quote: string) => `In this article: ${quote}`;
  const claimText = "Kratom has been approved by the FDA for treating opioid withdrawal.";

  it("keeps an edited claim in its own sentence instead of jumping to a copy in the table of contents", () => {
    const oldText = paragraphs(toc(claimText), FILLER[0]!, FILLER[1]!, `${claimText} Experts disagree.`, FILLER[2]!);
    const edited = "Kratom has not been approved by the FDA for treating opioid withdrawal.";
    const newText = oldText.replace(`${claimText} Experts`, `${edited} Experts`);
    const out = one(oldText, newText, anchorOf(oldText, claimText, 1));
    expect(out).toMatchObject({ status: "needs_review", wordsChanged: true });
    expect(out.anchor.start).toBe(anchorOf(newText, edited).start);
    expect(out.anchor.exact).toBe(edited);
  });

  it("orphans a deleted claim rather than moving it to a copy that was already elsewhere", () => {
    const oldText = paragraphs(toc(claimText), FILLER[0]!, FILLER[1]!, `${claimText} Experts disagree.`, FILLER[2]!);
    const newText = oldText.replace(`${claimText} Experts`, "Experts");
    const out = one(oldText, newText, anchorOf(oldText, claimText, 1));
    expect(out.status).toBe("orphaned");
  });

  it("does not silently move a deleted claim into a summary box added in the same revision", () => {
    const oldText = paragraphs(FILLER[0]!, FILLER[1]!, `${claimText} Experts disagree.`, FILLER[2]!, FILLER[3]!);
    const newText = paragraphs(`Key point: ${claimText}`, FILLER[0]!, FILLER[1]!, "Experts disagree.", FILLER[2]!, FILLER[3]!);
    const out = one(oldText, newText, anchorOf(oldText, claimText));
    expect(["needs_review", "orphaned"]).toContain(out.status);
  });

  it("moves a sentence cut from one paragraph and pasted into another", () => {
    const oldText = paragraphs(FILLER[0]!, `${claimText} Experts disagree.`, FILLER[1]!, FILLER[2]!, `${FILLER[3]!} More trials are planned.`);
    const newText = paragraphs(FILLER[0]!, "Experts disagree.", FILLER[1]!, FILLER[2]!, `${FILLER[3]!} ${claimText} More trials are planned.`);
    const out = one(oldText, newText, anchorOf(oldText, claimText));
    expect(out).toMatchObject({ status: "moved", wordsChanged: false, wordDiff: null });
    expect(out.anchor.start).toBe(anchorOf(newText, claimText).start);
  });

  it("never fuzzy-matches a short quote, and never accepts its edit silently", () => {
    const oldText = paragraphs(FILLER[0]!, "The plan will cut costs, the minister said.", FILLER[1]!);
    const newText = paragraphs(FILLER[0]!, "The plan will cut cost, the minister said.", FILLER[1]!);
    const out = one(oldText, newText, anchorOf(oldText, "cut costs"));
    expect(["needs_review", "orphaned"]).toContain(out.status);
  });

  it("sends a 20 % rewrite of the quote to needs_review, never moving it silently", () => {
    const quote = "Most people who stop using opioids feel better within three days of taking kratom daily.";
    const oldText = paragraphs(FILLER[0]!, quote, FILLER[2]!);
    const rewritten = "Many people who quit opioids feel better within three days of taking kratom every day.";
    const newText = paragraphs(FILLER[0]!, rewritten, FILLER[2]!);
    const out = one(oldText, newText, anchorOf(oldText, quote));
    expect(out.status).toBe("needs_review");
    expect(quoted(newText, out.anchor)).toContain("feel better within three days");
  });

  it('sends "5%" → "6%" to needs_review', () => {
    const quote = "About 5% of users develop a dependence on kratom.";
    const oldText = paragraphs(FILLER[0]!, quote, FILLER[1]!);
    const newText = paragraphs(FILLER[0]!, "About 6% of users develop a dependence on kratom.", FILLER[1]!);
    const out = one(oldText, newText, anchorOf(oldText, quote));
    expect(out).toMatchObject({ status: "needs_review", wordsChanged: true });
    expect(out.anchor.exact).toBe("About 6% of users develop a dependence on kratom.");
  });

  it("sends a quote across paragraphs whose middle paragraph was deleted to needs_review", () => {
    const oldText = paragraphs(FILLER[0]!, "Kratom eases pain.", "It is sold in shops.", "It is not addictive at all, says the seller.", FILLER[3]!);
    const anchor = anchorOf(oldText, "Kratom eases pain.\n\nIt is sold in shops.\n\nIt is not addictive at all");
    const newText = paragraphs(FILLER[0]!, "Kratom eases pain.", "It is not addictive at all, says the seller.", FILLER[3]!);
    const out = one(oldText, newText, anchor);
    expect(out.status).toBe("needs_review");
    expect(quoted(newText, out.anchor)).toBe("Kratom eases pain.\n\nIt is not addictive at all");
  });

  it("counts emoji with skin tones as code points and never splits them", () => {
    const quote = "Users 👍🏽 the taste 👩🏾‍⚕️ say it works.";
    const oldText = paragraphs("👋🏻 Hello.", quote, FILLER[0]!);
    const anchor = anchorOf(oldText, quote);
    const newText = paragraphs("👋🏻👋🏿 Hello again, 🇹🇭.", quote, FILLER[0]!);
    const out = one(oldText, newText, anchor);
    expect(out.status).toBe("anchored");
    expect(quoted(newText, out.anchor)).toBe(quote);
    expect(out.anchor.start).toBe(codePointLength("👋🏻👋🏿 Hello again, 🇹🇭.\n\n"));
  });

  it("treats an NFD re-import of the same text as unchanged (blocks are normalized to NFC)", () => {
    const blocks: Block[] = [{ kind: "paragraph", text: "Le café crème était très apprécié à Genève." }];
    const oldText = canonicalText(normalizeBlocks(blocks));
    const nfd = canonicalText(normalizeBlocks(blocks.map((b) => ({ ...b, text: b.text.normalize("NFD") }))));
    const anchor = anchorOf(oldText, "très apprécié à Genève");
    const out = one(oldText, nfd, anchor);
    expect(out.status).toBe("anchored");
    expect(out.anchor.start).toBe(anchor.start);
  });

  it("orphans a claim whose text was deleted, keeping the old anchor", () => {
    const quote = "Kratom has been approved by the FDA for treating opioid withdrawal.";
    const oldText = paragraphs(FILLER[0]!, quote, FILLER[1]!);
    const anchor = anchorOf(oldText, quote);
    const out = one(oldText, paragraphs(FILLER[0]!, FILLER[1]!), anchor);
    expect(out.status).toBe("orphaned");
    expect(out.anchor).toEqual(anchor);
  });

  it("reports text moved to another place as moved", () => {
    const quote = "Kratom has been approved by the FDA for treating opioid withdrawal.";
    const oldText = paragraphs(FILLER[0]!, quote, FILLER[1]!, FILLER[2]!, FILLER[3]!);
    const newText = paragraphs(FILLER[0]!, FILLER[1]!, FILLER[2]!, FILLER[3]!, quote);
    const out = one(oldText, newText, anchorOf(oldText, quote));
    expect(out.status).toBe("moved");
    expect(quoted(newText, out.anchor)).toBe(quote);
  });

  it("anchors everything when the text did not change", () => {
    const text = paragraphs(...FILLER);
    const anchors = [anchorOf(text, "tropical tree"), anchorOf(text, "larger trials")];
    expect(reanchorAll(text, text, anchors).map((o) => o.status)).toEqual(["anchored", "anchored"]);
  });

  it("never lets a later import confirm a claim that needs review", () => {
    expect(carryReview("needs_review", "anchored")).toBe("needs_review");
    expect(carryReview("needs_review", "orphaned")).toBe("orphaned");
    expect(carryReview("moved", "anchored")).toBe("anchored");
  });
});

describe("reanchorAll: property", () => {
  const WORDS = ["kratom", "the", "study", "5", "opioid", "users", "said", "relief", "café", "👍🏽", "trial", "and", "a"];
  const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 3, maxLength: 12 }).map((w) => `${w.join(" ")}.`);
  const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 12 }), insert: fc.oneof(fc.constant(""), sentence, fc.constantFrom(...WORDS)) });

  it("random edits that do not touch a quote never move its anchor", () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 4, maxLength: 30 }), fc.array(edit, { minLength: 1, maxLength: 8 }), fc.nat(), (sentences, edits, pick) => {
        const quote = "Kratom cured my chronic back pain within a single week.";
        const k = pick % (sentences.length + 1);
        const before = sentences.slice(0, k).join(" ");
        const after = sentences.slice(k).join(" ");
        // Edit the text on each side of the quote (never the quote itself), then rebuild it.
        let left = before;
        let right = after;
        for (const e of edits) {
          if (e.at % 2 === 0) {
            const i = left.length ? e.at % (left.length + 1) : 0;
            left = left.slice(0, i) + e.insert + left.slice(i + e.remove);
          } else {
            const i = right.length ? e.at % (right.length + 1) : 0;
            right = right.slice(0, i) + e.insert + right.slice(i + e.remove);
          }
        }
        const oldText = `${before} ${quote} ${after}`;
        const newText = `${left} ${quote} ${right}`;
        const anchor = anchorOf(oldText, quote);
        const out = one(oldText, newText, anchor);
        const expectedStart = codePointLength(`${left} `);
        expect(out.anchor.start).toBe(expectedStart);
        expect(out.anchor.end).toBe(expectedStart + codePointLength(quote));
        expect(["anchored", "moved"]).toContain(out.status);
        expect(out).toMatchObject({ wordsChanged: false, wordDiff: null });
      }),
      { numRuns: 300 },
    );
  });
});
