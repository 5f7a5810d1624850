import { describe, expect, it } from "vitest";
import { CONTEXT_LENGTH, describeAnchor, resolveAnchor, snapSelection, type TextAnchor } from "./anchor";
import { codePointLength, sliceCodePoints, toUtf16 } from "./text";

/** Code-point offsets of the first occurrence of `needle` (tests write expectations in code points). */
function cp(text: string, needle: string, from = 0): { start: number; end: number } {
  const i = text.indexOf(needle, from);
  if (i < 0) throw new Error(`not found: ${needle}`);
  const start = codePointLength(text.slice(0, i));
  return { start, end: start + codePointLength(needle) };
}
const graphemeStarts = (s: string) => new Set([...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(s)].map((g) => g.index));

describe("describeAnchor", () => {
  it("takes the whole context when it is short, never crossing the text edges", () => {
    const t = "The cat sat.";
    expect(describeAnchor(t, 4, 7)).toEqual({ exact: "cat", prefix: "The ", suffix: " sat.", start: 4, end: 7 });
    expect(describeAnchor(t, 0, 3)).toMatchObject({ prefix: "", suffix: " cat sat." });
    expect(describeAnchor(t, 8, 12)).toMatchObject({ exact: "sat.", suffix: "" });
  });

  const words = "alpha bravo charlie delta echo foxtrot golf hotel india juliett kilo lima mike november oscar papa quebec romeo sierra tango".split(" ");
  const long = `${words.join(" ")} CLAIM HERE ${words.join(" ")}`;

  it("limits prefix and suffix to 64 code points, cut at word boundaries", () => {
    const { start, end } = cp(long, "CLAIM HERE");
    const a = describeAnchor(long, start, end);
    expect(a.exact).toBe("CLAIM HERE");
    expect(long.slice(0, start).endsWith(a.prefix)).toBe(true);
    expect(long.slice(end).startsWith(a.suffix)).toBe(true);
    for (const ctx of [a.prefix, a.suffix]) {
      expect(codePointLength(ctx)).toBeLessThanOrEqual(CONTEXT_LENGTH);
      expect(codePointLength(ctx)).toBeGreaterThan(CONTEXT_LENGTH - 12); // trimmed by at most one word
    }
    // Starts with a whole word; one more word would exceed the budget.
    expect(a.prefix).toBe("juliett kilo lima mike november oscar papa quebec romeo sierra tango ".slice(-a.prefix.length));
    expect(a.prefix).toMatch(/^[a-z]+ /);
    expect(words).toContain(a.prefix.split(" ")[0]);
    const before = long.slice(0, start - a.prefix.length).trimEnd();
    const prevWord = before.slice(before.lastIndexOf(" ") + 1);
    expect(codePointLength(`${prevWord} ${a.prefix}`)).toBeGreaterThan(CONTEXT_LENGTH);
    expect(a.suffix).toMatch(/^ [a-z ]+[a-z]$/);
    expect(words).toContain(a.suffix.split(" ").at(-1));
  });

  it("counts context in code points with astral text", () => {
    const math = Array.from({ length: 30 }, () => "\u{1D400}\u{1D401}\u{1D402}").join(" "); // 119 code points, 209 UTF-16 units
    const t = `${math} claim ${math}`;
    const { start, end } = cp(t, "claim");
    const a = describeAnchor(t, start, end);
    expect(codePointLength(a.prefix)).toBeLessThanOrEqual(CONTEXT_LENGTH);
    expect(codePointLength(a.prefix)).toBeGreaterThan(56);
    expect(a.prefix.length).toBeGreaterThan(CONTEXT_LENGTH); // more UTF-16 units than code points
    expect(a.prefix.startsWith("\u{1D400}")).toBe(true);
    expect(a.suffix.endsWith("\u{1D402}")).toBe(true);
    expect(a.start).toBe(start);
    expect(sliceCodePoints(t, a.start, a.end)).toBe("claim");
  });

  it("cuts mid-word only when a single word is longer than the budget", () => {
    const t = `${"x".repeat(100)} claim ${"y".repeat(100)}`;
    const a = describeAnchor(t, 101, 106);
    expect(a.prefix).toBe(`${"x".repeat(63)} `);
    expect(a.suffix).toBe(` ${"y".repeat(63)}`);
  });

  it("never starts or ends the context inside a grapheme", () => {
    const fam = "\u{1F468}\u200d\u{1F469}\u200d\u{1F467}"; // 5 code points, one grapheme
    for (let pad = 0; pad < 6; pad++) {
      const t = `${"a".repeat(pad)}${fam.repeat(14)} claim ${fam.repeat(14)}`;
      const { start, end } = cp(t, "claim");
      const a = describeAnchor(t, start, end);
      expect(a.prefix.startsWith("\u200d")).toBe(false);
      expect(graphemeStarts(t).has(t.indexOf(a.prefix + "claim"))).toBe(true);
      const suffixEnd = t.indexOf("claim") + 5 + a.suffix.length;
      expect(suffixEnd === t.length || graphemeStarts(t).has(suffixEnd)).toBe(true);
      expect(codePointLength(a.prefix)).toBeLessThanOrEqual(CONTEXT_LENGTH);
    }
  });
});

describe("resolveAnchor", () => {
  const para = (s: string) => s;
  const original = [
    para("Health ministers met on Tuesday to discuss the winter plan."),
    para("The new vaccine cut hospital admissions by 4,000 last winter, officials said."),
    para("Critics were not convinced and asked for the underlying data."),
  ].join("\n\n");
  const claim = "The new vaccine cut hospital admissions by 4,000 last winter";
  const { start, end } = cp(original, claim);
  const anchor = describeAnchor(original, start, end);

  it("anchors at the stored position when the text there still matches", () => {
    expect(resolveAnchor(original, anchor)).toEqual({ start, end, status: "anchored", score: 1 });
    // The position check wins even when the surrounding text changed.
    const edited = original.replace("Critics", "Several critics");
    expect(resolveAnchor(edited, anchor)).toEqual({ start, end, status: "anchored", score: 1 });
  });

  it("finds moved text by exact match", () => {
    const moved = `Update: this story was revised on Friday.\n\n${original}`;
    const r = resolveAnchor(moved, anchor);
    expect(r.status).toBe("moved");
    expect(r).toMatchObject(cp(moved, claim));
    expect(r.score).toBeGreaterThan(0.9);
  });

  it("reports code-point offsets when astral characters precede the quote", () => {
    const moved = `\u{1F4E2}\u{1F4E2} Breaking \u{1D400}\u{1D401}\n\n${original}`;
    const r = resolveAnchor(moved, anchor);
    expect(r.status).toBe("moved");
    expect(sliceCodePoints(moved, r.start, r.end)).toBe(claim);
    expect(r.start).toBe(anchor.start + 16); // 20 in UTF-16 units
    expect(r.end).toBe(anchor.end + 16);
  });

  it("does not let a look-alike sentence elsewhere capture the claim: context decides", () => {
    const lookAlike = `A rumour claimed that ${claim} but nobody checked.`;
    const moved = [lookAlike, "x ".repeat(400).trim(), original].join("\n\n");
    // The look-alike is the first hit and is nearer to the old position; a first-hit resolver would pick it.
    expect(moved.indexOf(claim)).toBeLessThan(moved.lastIndexOf(claim));
    expect(Math.abs(cp(moved, claim).start - start)).toBeLessThan(Math.abs(cp(moved, claim, moved.lastIndexOf(claim)).start - start));
    const r = resolveAnchor(moved, anchor);
    expect(r.status).toBe("moved");
    expect(r).toMatchObject(cp(moved, claim, moved.lastIndexOf(claim)));
  });

  it("sends a tie between equally good candidates to needs_review", () => {
    const tied = `${original}\n\n${original}`;
    const first = cp(tied, claim).start;
    const second = cp(tied, claim, tied.lastIndexOf(claim)).start;
    // Same context twice, the old position exactly half-way between them.
    const mid = (first + second) / 2;
    const r = resolveAnchor(tied, { ...anchor, start: mid, end: mid + claim.length });
    expect(r.status).toBe("needs_review");
    expect([first, second]).toContain(r.start);
    expect(sliceCodePoints(tied, r.start, r.end)).toBe(claim);
    // Still a tie when one copy is only a little nearer.
    const shifted = `Intro text here.\n\n${tied}`;
    expect(resolveAnchor(shifted, anchor).status).toBe("needs_review");
  });

  it("prefers the nearer of two identical candidates only when distance clearly separates them", () => {
    const filler = "Unrelated filler sentence. ".repeat(200);
    const far = `${original}\n\n${filler}\n\n${original}`;
    const shifted = `Note.\n\n${far}`;
    const r = resolveAnchor(shifted, anchor);
    expect(r.status).toBe("moved");
    expect(r).toMatchObject(cp(shifted, claim));
  });

  it("finds a typo fix by fuzzy match but sends it to needs_review: a changed word is a human's call", () => {
    const typoAnchor = describeAnchor(original.replace("hospital", "hosptial"), start, end);
    expect(typoAnchor.exact).toBe(claim.replace("hospital", "hosptial"));
    const r = resolveAnchor(original, typoAnchor);
    expect(r).toMatchObject({ start, end, status: "needs_review" });
    expect(r.score).toBeGreaterThan(0.4);
    expect(r.score).toBeLessThan(0.5);
  });

  it("moves a fuzzy match silently when only case and punctuation changed", () => {
    const edited = original.replace("The new vaccine cut hospital admissions by 4,000", "The new vaccine cut Hospital admissions, by 4,000");
    const r = resolveAnchor(edited, anchor);
    expect(r.status).toBe("moved");
    expect(sliceCodePoints(edited, r.start, r.end)).toBe("The new vaccine cut Hospital admissions, by 4,000 last winter");
  });

  it("sends negations, antonyms and changed numbers to needs_review", () => {
    for (const [from, to] of [["cut", "did not cut"], ["new", "old"], ["last winter", "last summer"], ["4,000", "4,000,000"]] as const) {
      const edited = original.replace(`${from}`, to);
      const r = resolveAnchor(edited, anchor);
      expect(r.status, `${from} → ${to}`).toBe("needs_review");
      expect(r.start).toBe(start);
    }
  });

  it("finds a fuzzy match far from the old position (global search)", () => {
    const typoAnchor = describeAnchor(original.replace("hospital", "hosptial"), start, end);
    const far = `${"Background paragraph about something else. ".repeat(60)}\n\n${original}`;
    const r = resolveAnchor(far, typoAnchor);
    expect(r.status).toBe("needs_review");
    expect(r).toMatchObject(cp(far, claim));
  });

  it("never scores an exact match below a fuzzy one", () => {
    // The exact match has lost all its context and sits far away; the fuzzy one is in place with its context.
    const exactFar = `${"Background paragraph about something else. ".repeat(60)}\n\nLead: ${claim}!`;
    const fuzzyNear = original.replace("hospital", "hospitals");
    const exact = resolveAnchor(exactFar, anchor);
    const fuzzy = resolveAnchor(fuzzyNear, anchor);
    expect(fuzzy.start).toBe(start);
    expect(exact.score).toBeGreaterThanOrEqual(0.5);
    expect(fuzzy.score).toBeLessThan(exact.score);
  });

  it("looks only inside `within` when asked", () => {
    const twice = `${original}\n\n${original.replace("4,000", "4,100")}`;
    const second = cp(twice, claim.replace("4,000", "4,100"), original.length);
    const r = resolveAnchor(twice, anchor, { hint: second.start, trustHint: false, within: { start: second.start - 5, end: second.end + 5 } });
    expect(r).toMatchObject({ ...second, status: "needs_review" });
  });

  it("sends a match with a changed digit to needs_review", () => {
    const changed = original.replace("4,000", "4,600");
    const r = resolveAnchor(changed, anchor);
    expect(r.status).toBe("needs_review");
    expect(sliceCodePoints(changed, r.start, r.end)).toBe(claim.replace("4,000", "4,600"));
    // An added digit counts too.
    const added = original.replace("4,000", "40,000");
    expect(resolveAnchor(added, anchor).status).toBe("needs_review");
  });

  it("sends heavily edited text to needs_review rather than moving it", () => {
    const edited = original.replace("The new vaccine cut hospital admissions", "A newer vaccine cut hospital admission");
    const r = resolveAnchor(edited, anchor);
    expect(r.status).toBe("needs_review");
    expect(r.start).toBe(start);
  });

  it("sends a fuzzy match whose surroundings changed to needs_review", () => {
    const typoAnchor = describeAnchor(original.replace("hospital", "hosptial"), start, end);
    const elsewhere = `Something entirely different opens this piece.\n\n${claim}.\n\nAnd it closes on another topic.`;
    expect(resolveAnchor(elsewhere, typoAnchor).status).toBe("needs_review");
  });

  it("does not fuzzy-match short quotes: they become orphaned", () => {
    const text = "The plan will cut costs, the minister said.";
    const short = describeAnchor(text, ...(Object.values(cp(text, "cut costs")) as [number, number]));
    expect(codePointLength(short.exact)).toBeLessThan(10);
    const edited = "The plan will cuts costs, the minister said.";
    expect(resolveAnchor(edited, short)).toEqual({ start: short.start, end: short.end, status: "orphaned", score: 0 });
  });

  it("sends a short exact match with none of its context to needs_review", () => {
    const text = "The plan will cut costs, the minister said.";
    const short = describeAnchor(text, ...(Object.values(cp(text, "cut costs")) as [number, number]));
    const other = "Elsewhere entirely: hospitals hope to cut costs by sharing staff.";
    const r = resolveAnchor(other, short);
    expect(r.status).toBe("needs_review");
    expect(r).toMatchObject(cp(other, "cut costs"));
  });

  it("moves a long verbatim quote even when its context changed", () => {
    const other = `Totally new lead.\n\n${claim}.\n\nTotally new ending.`;
    const r = resolveAnchor(other, anchor);
    expect(r.status).toBe("moved");
    expect(r).toMatchObject(cp(other, claim));
  });

  it("orphans deleted text, keeping the old offsets and score 0", () => {
    const deleted = original.replace(/The new vaccine[^\n]*/, "Officials declined to comment.");
    expect(resolveAnchor(deleted, anchor)).toEqual({ start, end, status: "orphaned", score: 0 });
    expect(resolveAnchor("", anchor)).toEqual({ start, end, status: "orphaned", score: 0 });
  });

  it("orphans an empty quote", () => {
    const empty: TextAnchor = { exact: "", prefix: "", suffix: "", start: 3, end: 3 };
    expect(resolveAnchor(original, empty)).toEqual({ start: 3, end: 3, status: "orphaned", score: 0 });
  });

  it("does not match an exact quote that would split a grapheme", () => {
    const text = "Great work \u{1F44D}\u{1F3FD} from the team today, well done everyone.";
    const a: TextAnchor = { exact: "\u{1F44D}", prefix: "Great work ", suffix: "", start: 40, end: 41 };
    expect(resolveAnchor(text, a).status).toBe("orphaned");
  });

  it("resolves round-trip through describeAnchor for every word of a text", () => {
    const words = [...original.matchAll(/\S+/g)];
    for (const m of words) {
      const s = codePointLength(original.slice(0, m.index));
      const a = describeAnchor(original, s, s + codePointLength(m[0]));
      const shifted = `Prepended line.\n\n${original}`;
      const r = resolveAnchor(shifted, a);
      expect(sliceCodePoints(shifted, r.start, r.end)).toBe(m[0]);
      expect(r.start).toBe(s + 17);
    }
  });
});

describe("segmentation on long texts", () => {
  // Deterministic mix of scripts and clusters, with long runs that have no whitespace
  // (CJK, flags) so lookups far from any space are exercised too.
  let seed = 7;
  const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
  const pieces = [
    "word", "claims", "4,000", "it's", "a\u0332b\u0332", "\u{1F468}\u200d\u{1F469}\u200d\u{1F467}", "\u{1D400}\u{1D401}",
    "\u{1F1EB}\u{1F1F7}".repeat(200), "\u6f22\u5b57\u304b\u306a\u4ea4\u3058\u308a\u6587".repeat(80), "caf\u00e9", "\u{1F44D}\u{1F3FD}", "\n\n",
  ];
  const parts: string[] = [];
  for (let i = 0; i < 400; i++) parts.push(pieces[Math.floor(rnd() * pieces.length)]);
  const text = parts.join(" ");
  const graphemes = new Set([...new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text)].map((s) => s.index));
  graphemes.add(text.length);
  const words = [...new Intl.Segmenter(undefined, { granularity: "word" }).segment(text)];
  const wordAt = (i: number) => words.find((w) => w.index <= i && i < w.index + w.segment.length)!;

  it("matches whole-text segmentation for snapping anywhere", () => {
    const total = codePointLength(text);
    for (let n = 0; n < 300; n++) {
      const s = Math.floor(rnd() * total);
      const e = Math.min(total, s + 1 + Math.floor(rnd() * 6));
      const r = snapSelection(text, s, e);
      if (!r) {
        expect(sliceCodePoints(text, s, e).trim()).toBe("");
        continue;
      }
      const a = toUtf16(text, r.start);
      const b = toUtf16(text, r.end);
      expect(graphemes.has(a) && graphemes.has(b)).toBe(true);
      expect(text[a]).not.toMatch(/\s/);
      expect(text[b - 1]).not.toMatch(/\s/);
      expect(r.start).toBeLessThanOrEqual(Math.max(s, r.start));
      const first = wordAt(a);
      const last = wordAt(b - 1);
      if (first.isWordLike) expect(first.index).toBe(a);
      if (last.isWordLike) expect(last.index + last.segment.length).toBe(b);
      // Nothing non-blank that was selected is lost.
      const kept = sliceCodePoints(text, r.start, r.end);
      expect(kept).toContain(sliceCodePoints(text, s, e).trim().slice(1, -1));
    }
  });
});

describe("resolveAnchor with many occurrences", () => {
  const lead = (i: number) => `Report ${"abcdefghijklmnopqrstuvwxyz"[i % 26]}${i} from the ${["north", "south", "east", "west"][i % 4]} desk, filed late on day ${i} of the inquiry, says`;
  const tail = (i: number) => `according to source ${i * 7} in the ${["annex", "appendix", "summary"][i % 3]} number ${i}.`;
  const paragraphs = Array.from({ length: 60 }, (_, i) => `${lead(i)} the rate fell sharply ${tail(i)}`);
  const claim = "the rate fell sharply";

  it("lets context pick the right one of dozens of identical quotes, even far from the hint", () => {
    const original = paragraphs.join("\n\n");
    const at = original.indexOf(claim, original.indexOf(lead(5)));
    const anchor = describeAnchor(original, at, at + claim.length);
    // Rotate the paragraphs: paragraph 5 now sits near the end, others take its old place.
    const rotated = [...paragraphs.slice(20), ...paragraphs.slice(0, 20)].join("\n\n");
    const expected = rotated.indexOf(claim, rotated.indexOf(lead(5)));
    const r = resolveAnchor(rotated, anchor);
    expect(r).toMatchObject({ status: "moved", start: expected, end: expected + claim.length });
  });

  it("tolerates small edits in the context when ranking", () => {
    const original = paragraphs.join("\n\n");
    const at = original.indexOf(claim, original.indexOf(lead(30)));
    const anchor = describeAnchor(original, at, at + claim.length);
    const edited = [`New intro.`, ...paragraphs.map((p, i) => (i === 30 ? p.replace(" says ", " said ").replace("according", "acording") : p))].join("\n\n");
    const expected = edited.indexOf(claim, edited.indexOf("said"));
    const r = resolveAnchor(edited, anchor);
    expect(r).toMatchObject({ status: "moved", start: expected, end: expected + claim.length });
  });
});
