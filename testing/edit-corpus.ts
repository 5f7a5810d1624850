/**
 * A deterministic corpus of article edits for measuring re-anchoring
 * (lib/anchoring/reanchor-corpus.test.ts). Each case is an old text, a new text, the
 * anchor of one claim (a sentence) in the old text and the TRUE span of that
 * claim in the new text, carried through every edit — so a test can tell a
 * right answer from a plausible-looking wrong one.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describeAnchor, type TextAnchor } from "../lib/anchoring/anchor";
import { sentenceSpans } from "../lib/sentences";
import { blocksFromPlainText, canonicalText, codePointLength } from "../lib/anchoring/text";
import { seededRandom } from "./seeded-random";

export type CorpusText = { source: string; name: string; text: string };

/** Edits that leave the claim's words alone: anything but a silent outcome at the true span costs review budget. */
export const WORDS_KEPT = ["insert-elsewhere", "delete-elsewhere", "paragraph-inserted-before", "paragraph-deleted-before", "paragraph-moved", "sentence-moved", "context-edited", "look-alike-nearby", "punctuation-in-claim"] as const;
/** Edits that change the claim's words: the only right answer is needs_review at the true span. */
export const WORDS_CHANGED = ["negation", "quantifier", "modal", "antonym", "word-substituted", "copy-elsewhere-then-edited"] as const;
/** The claim's sentence is gone, while a verbatim copy of it remains elsewhere (or arrives, in a box, in the same revision). */
export const CLAIM_DELETED = ["copy-elsewhere-then-deleted", "copy-added-claim-deleted"] as const;
export type EditKind = (typeof WORDS_KEPT)[number] | (typeof WORDS_CHANGED)[number] | (typeof CLAIM_DELETED)[number];
export const EDIT_KINDS: EditKind[] = [...WORDS_KEPT, ...WORDS_CHANGED, ...CLAIM_DELETED];

export type EditCase = {
  kind: EditKind;
  source: string;
  name: string;
  oldText: string;
  newText: string;
  anchor: TextAnchor;
  /** Code points in newText; null when the claim was deleted. */
  truth: { start: number; end: number } | null;
  wordsChanged: boolean;
};

/** Reads a plain-text fixture the way an import does: blocks on blank lines, canonical text. */
export function loadCorpusText(file: string, source: string): CorpusText {
  const text = canonicalText(blocksFromPlainText(readFileSync(file, "utf8")));
  return { source, name: path.basename(file, ".txt"), text };
}

const NEGATION: Record<string, string> = {
  is: "is not", are: "are not", was: "was not", were: "were not", can: "cannot", does: "does not", do: "do not",
  will: "will not", has: "has not", have: "have not", should: "should not", could: "could not", "is not": "is", cannot: "can",
};
const QUANTIFIER: Record<string, string> = {
  all: "some", most: "few", many: "few", always: "sometimes", every: "some", never: "sometimes", some: "all", few: "most", none: "some", more: "fewer",
};
const MODAL: Record<string, string> = { may: "will", can: "could", might: "will", will: "may", should: "could", could: "can", must: "may", would: "might" };
const ANTONYM: Record<string, string> = {
  safe: "unsafe", unsafe: "safe", increase: "decrease", increases: "decreases", increased: "decreased", decrease: "increase",
  reduce: "increase", reduces: "increases", reduced: "increased", effective: "ineffective", more: "less", less: "more",
  higher: "lower", lower: "higher", better: "worse", worse: "better", legal: "illegal", positive: "negative",
  good: "bad", bad: "good", strong: "weak", high: "low", low: "high", benefits: "risks", help: "harm", helps: "harms",
  rise: "fall", best: "worst", large: "small", big: "small", long: "short", easy: "hard", true: "false", right: "wrong",
  win: "lose", mild: "severe", severe: "mild", common: "rare", rare: "common", before: "after", after: "before", new: "old",
};

/** A span in UTF-16 units; spans[0] is the claim, the others are protected from random edits. */
type Span = { s: number; e: number };
type Doc = { text: string; spans: Span[] };

/** Replaces text[at, at + remove) and shifts the spans; null if it would cut into a protected span. */
function splice(doc: Doc, at: number, remove: number, insert: string): Doc | null {
  const end = at + remove;
  if (doc.spans.some((p) => at < p.e && end > p.s && !(remove === 0 && at === p.s))) return null;
  const delta = insert.length - remove;
  const spans = doc.spans.map((p) => (p.s >= end ? { s: p.s + delta, e: p.e + delta } : p));
  return { text: doc.text.slice(0, at) + insert + doc.text.slice(end), spans };
}

/** Replaces text inside the claim; the claim grows or shrinks with it. */
function editClaim(doc: Doc, at: number, remove: number, insert: string): Doc {
  const delta = insert.length - remove;
  const spans = doc.spans.map((p, k) => (k === 0 ? { s: p.s, e: p.e + delta } : p.s >= at + remove ? { s: p.s + delta, e: p.e + delta } : p));
  return { text: doc.text.slice(0, at) + insert + doc.text.slice(at + remove), spans };
}

const blockStarts = (text: string) => [0, ...[...text.matchAll(/\n\n/g)].map((m) => m.index + 2)];
const blockAt = (text: string, i: number) => {
  const starts = blockStarts(text);
  const s = starts.filter((b) => b <= i).at(-1)!;
  const next = text.indexOf("\n\n", s);
  return { s, e: next < 0 ? text.length : next };
};

export function generateCases(texts: CorpusText[], seed: number, perKind: number): EditCase[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const allSentences = texts.flatMap((t) => sentenceSpans(blocksFromPlainText(t.text)).map((s) => s.text));
  const cases: EditCase[] = [];
  for (const corpus of texts) {
    const { text } = corpus;
    // Claims: sentences of a reasonable length that occur once (a repeated one has no single true span).
    const claims = sentenceSpans(blocksFromPlainText(text))
      .filter((c) => c.text.length >= 40 && c.text.length <= 300 && /^\p{L}.*[.!?]["”’)]?$/u.test(c.text) && text.indexOf(c.text) === text.lastIndexOf(c.text))
      .map((c) => ({ s: text.indexOf(c.text), e: text.indexOf(c.text) + c.text.length }));
    const vocabulary = [...new Set(text.match(/\b[a-z]{4,}\b/g) ?? [])];
    const otherSentences = allSentences.filter((s) => !text.includes(s));
    if (otherSentences.length === 0) throw new Error("generateCases needs at least two texts: inserted sentences come from the others");

    /** Word-aligned offsets outside every protected span. */
    const freeWordStarts = (doc: Doc) => [...doc.text.matchAll(/(?<=^|\s)\S/g)].map((m) => m.index).filter((i) => doc.spans.every((p) => i <= p.s || i >= p.e));
    const insertElsewhere = (doc: Doc) => splice(doc, pick(freeWordStarts(doc)), 0, `${pick(otherSentences)} `);
    const deleteElsewhere = (doc: Doc) => {
      const starts = freeWordStarts(doc);
      const k = Math.floor(random() * starts.length);
      const to = starts[Math.min(starts.length - 1, k + 1 + Math.floor(random() * 30))]!;
      return to > starts[k]! ? splice(doc, starts[k]!, to - starts[k]!, "") : null;
    };
    /** Replaces one word of the claim from `table` (longest key first, so "is not" beats "is"). */
    const replaceFrom = (doc: Doc, table: Record<string, string>): Doc | null => {
      const claim = doc.text.slice(doc.spans[0]!.s, doc.spans[0]!.e);
      const keys = Object.keys(table).sort((a, b) => b.length - a.length).join("|");
      const hits = [...claim.matchAll(new RegExp(`\\b(${keys})\\b`, "gi"))];
      if (hits.length === 0) return null;
      const hit = pick(hits);
      const to = table[hit[0].toLowerCase()]!;
      const cased = hit[0][0] === hit[0][0]!.toUpperCase() ? to[0]!.toUpperCase() + to.slice(1) : to;
      return editClaim(doc, doc.spans[0]!.s + hit.index, hit[0].length, cased);
    };
    const numberChanged = (doc: Doc): Doc | null => {
      const claim = doc.text.slice(doc.spans[0]!.s, doc.spans[0]!.e);
      const hits = [...claim.matchAll(/\d+/g)];
      if (hits.length === 0) return null;
      const hit = pick(hits);
      return editClaim(doc, doc.spans[0]!.s + hit.index, hit[0].length, String(Number(hit[0]) + 1 + Math.floor(random() * 9)));
    };
    const substituteWord = (doc: Doc): Doc | null => {
      const claim = doc.text.slice(doc.spans[0]!.s, doc.spans[0]!.e);
      const hits = [...claim.matchAll(/\b[a-z]{4,}\b/g)];
      if (hits.length === 0) return null;
      const hit = pick(hits);
      const other = pick(vocabulary.filter((w) => w !== hit[0]));
      return editClaim(doc, doc.spans[0]!.s + hit.index, hit[0].length, other);
    };
    const meaningEdit = (doc: Doc) => replaceFrom(doc, NEGATION) ?? replaceFrom(doc, ANTONYM) ?? substituteWord(doc);
    /** A verbatim copy of the claim in its own block, at least one block away from the claim's block. */
    const placeCopy = (doc: Doc, boxedOnly = false): Doc | null => {
      const claim = doc.text.slice(doc.spans[0]!.s, doc.spans[0]!.e);
      const own = blockAt(doc.text, doc.spans[0]!.s);
      const where = blockStarts(doc.text).filter((b) => b < own.s - 2 || b > own.e + 2);
      if (where.length === 0) return null;
      const box = pick([...(boxedOnly ? [] : [claim]), `Key point: ${claim}`, `In this article: ${claim}`, `Summary. ${claim} Read on for the details.`]);
      const at = pick(where);
      const placed = splice(doc, at, 0, `${box}\n\n`);
      if (!placed) return null;
      const copyAt = at + box.indexOf(claim);
      return { ...placed, spans: [...placed.spans, { s: copyAt, e: copyAt + claim.length }] };
    };
    const deleteClaim = (doc: Doc): Doc => {
      const { s, e } = doc.spans[0]!;
      const block = blockAt(doc.text, s);
      const [from, to] = block.s === s && block.e === e ? [s, Math.min(doc.text.length, e + 2)] : [s, doc.text[e] === " " ? e + 1 : e];
      return { text: doc.text.slice(0, from) + doc.text.slice(to), spans: [] };
    };

    const edits: Record<EditKind, (doc: Doc) => { old: Doc; next: Doc | null }> = {
      "insert-elsewhere": (d) => ({ old: d, next: insertElsewhere(d) }),
      "delete-elsewhere": (d) => ({ old: d, next: deleteElsewhere(d) }),
      "paragraph-inserted-before": (d) => {
        const at = pick(blockStarts(d.text).filter((b) => b <= d.spans[0]!.s));
        return { old: d, next: splice(d, at, 0, `${pick(otherSentences)} ${pick(otherSentences)}\n\n`) };
      },
      "paragraph-deleted-before": (d) => {
        const before = blockStarts(d.text).filter((b) => blockAt(d.text, b).e < d.spans[0]!.s);
        if (before.length === 0) return { old: d, next: null };
        const b = blockAt(d.text, pick(before));
        return { old: d, next: splice(d, b.s, b.e + 2 - b.s, "") };
      },
      "paragraph-moved": (d) => {
        const own = blockAt(d.text, d.spans[0]!.s);
        const block = d.text.slice(own.s, own.e);
        const cut = { text: d.text.slice(0, own.s) + d.text.slice(Math.min(d.text.length, own.e + 2)), spans: [] as Span[] };
        const targets = blockStarts(cut.text).filter((b) => Math.abs(b - own.s) > 2 * block.length + 200);
        if (targets.length === 0 || own.e + 2 > d.text.length) return { old: d, next: null };
        const at = pick(targets);
        const offset = at + (d.spans[0]!.s - own.s);
        const next = { text: cut.text.slice(0, at) + block + "\n\n" + cut.text.slice(at), spans: [{ s: offset, e: offset + d.spans[0]!.e - d.spans[0]!.s }] };
        return { old: d, next };
      },
      "sentence-moved": (d) => {
        // The claim alone goes to another paragraph, far away: new surroundings on both sides.
        const { s, e } = d.spans[0]!;
        const claim = d.text.slice(s, e);
        const cut = { text: d.text.slice(0, s) + d.text.slice(d.text[e] === " " ? e + 1 : e), spans: [] as Span[] };
        const targets = [...cut.text.matchAll(/(?<=[.!?] )\p{Lu}/gu)].map((m) => m.index).filter((i) => Math.abs(i - s) > 400);
        if (targets.length === 0 || blockAt(d.text, s).s === s) return { old: d, next: null };
        const at = pick(targets);
        return { old: d, next: { text: `${cut.text.slice(0, at)}${claim} ${cut.text.slice(at)}`, spans: [{ s: at, e: at + claim.length }] } };
      },
      "context-edited": (d) => {
        // The words right before and after the claim change (its stored prefix and suffix no longer match).
        const { s, e } = d.spans[0]!;
        const before = /(\p{L}+)(\P{L}*)$/u.exec(d.text.slice(Math.max(0, s - 40), s));
        const after = /^(\P{L}*)(\p{L}+)/u.exec(d.text.slice(e, e + 40));
        let next: Doc | null = d;
        if (after) next = splice(next, e + after[1]!.length, after[2]!.length, pick(vocabulary));
        if (before && next) next = splice(next, s - before[0].length, before[1]!.length, pick(vocabulary));
        return { old: d, next: next === d ? null : next };
      },
      "look-alike-nearby": (d) => {
        const twin = substituteWord({ text: d.text, spans: [d.spans[0]!] });
        if (!twin) return { old: d, next: null };
        const lookAlike = twin.text.slice(twin.spans[0]!.s, twin.spans[0]!.e);
        const { s, e } = d.spans[0]!;
        const own = blockAt(d.text, s);
        const spot = pick(["before", "after", "block-before", "block-after"] as const);
        const next =
          spot === "before" ? splice(d, s, 0, `${lookAlike} `) : spot === "after" ? splice(d, e, 0, ` ${lookAlike}`)
          : spot === "block-before" ? splice(d, own.s, 0, `${lookAlike}\n\n`) : splice(d, own.e, 0, `\n\n${lookAlike}`);
        return { old: d, next };
      },
      "punctuation-in-claim": (d) => {
        const claim = d.text.slice(d.spans[0]!.s, d.spans[0]!.e);
        const options = [...claim.matchAll(/, |(?<=\w)-(?=\w)|(?<= )[a-z]/g)];
        if (options.length === 0) return { old: d, next: null };
        const hit = pick(options);
        const to = hit[0] === ", " ? " " : hit[0] === "-" ? " " : hit[0].toUpperCase();
        return { old: d, next: editClaim(d, d.spans[0]!.s + hit.index, hit[0].length, to) };
      },
      negation: (d) => ({ old: d, next: replaceFrom(d, NEGATION) }),
      quantifier: (d) => ({ old: d, next: replaceFrom(d, QUANTIFIER) ?? numberChanged(d) }),
      modal: (d) => ({ old: d, next: replaceFrom(d, MODAL) }),
      antonym: (d) => ({ old: d, next: replaceFrom(d, ANTONYM) }),
      "word-substituted": (d) => ({ old: d, next: substituteWord(d) }),
      "copy-elsewhere-then-edited": (d) => {
        const old = placeCopy(d);
        return { old: old ?? d, next: old && meaningEdit(old) };
      },
      "copy-elsewhere-then-deleted": (d) => {
        const old = placeCopy(d);
        return { old: old ?? d, next: old && deleteClaim(old) };
      },
      "copy-added-claim-deleted": (d) => {
        const boxed = placeCopy(d, true);
        return { old: d, next: boxed && deleteClaim(boxed) };
      },
    };

    for (const kind of EDIT_KINDS) {
      let made = 0;
      for (let attempt = 0; made < perKind && attempt < perKind * 20; attempt++) {
        const claim = pick(claims);
        const { old, next: edited } = edits[kind]({ text, spans: [claim] });
        if (!edited) continue;
        // Most cases also get up to three unrelated edits elsewhere, as real revisions do.
        let next = edited;
        for (let n = Math.floor(random() * 4); n > 0 && next.spans.length > 0; n--) next = pick([insertElsewhere, deleteElsewhere])(next) ?? next;
        const cp = (t: string, i: number) => codePointLength(t.slice(0, i));
        const c = old.spans[0]!;
        const t = next.spans[0];
        const anchor = describeAnchor(old.text, cp(old.text, c.s), cp(old.text, c.e));
        const truth = t ? { start: cp(next.text, t.s), end: cp(next.text, t.e) } : null;
        const wordsChanged = (WORDS_CHANGED as readonly string[]).includes(kind);
        cases.push({ kind, source: corpus.source, name: corpus.name, oldText: old.text, newText: next.text, anchor, truth, wordsChanged });
        made++;
      }
    }
  }
  return cases;
}
