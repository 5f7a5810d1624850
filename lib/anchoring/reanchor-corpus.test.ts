/**
 * Re-anchoring measured on hundreds of seeded random edits of real texts
 * (testing/edit-corpus.ts): where does each claim land, and is a change
 * of its words ever accepted silently? Two parts, measured separately: the
 * development part (tuned on) and a held-out part (other texts, another
 * seed) that was only run at the end.
 *
 * REANCHOR_MODULE=/path/to/reanchor.ts runs the same corpus against another
 * implementation (e.g. an older copy, for a baseline) and only prints.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type EditCase, EDIT_KINDS, generateCases, loadCorpusText, WORDS_KEPT } from "../../testing/edit-corpus";
import type { ReanchorOutcome } from "./reanchor";

type Reanchor = (oldText: string, newText: string, anchors: EditCase["anchor"][]) => Pick<ReanchorOutcome, "status" | "anchor">[];
const alternative = process.env.REANCHOR_MODULE;
const { reanchorAll } = (alternative ? await import(/* @vite-ignore */ alternative) : await import("./reanchor")) as { reanchorAll: Reanchor };

const root = path.resolve(import.meta.dirname, "../..");
const articles = readdirSync(path.join(root, "fixtures/articles")).filter((f) => f.endsWith(".txt")).sort();
const article = (f: string) => loadCorpusText(path.join(root, "fixtures/articles", f), "health articles");
const extract = (name: string) => loadCorpusText(path.join(root, "fixtures/anchoring", `${name}.txt`), "CLEF datasets");

const PARTS = {
  development: { seed: 1, texts: () => [...articles.slice(0, 3).map(article), extract("speech-paris-climate")] },
  "held-out": {
    seed: 2,
    texts: () => [
      ...articles.slice(3).map(article),
      ...["speech-joint-address", "oped-medicare", "debate-vice-presidential", "claims-digest-a", "claims-digest-b"].map(extract),
    ],
  },
};
const PER_KIND = 4;

const VERDICTS = ["correct", "wrong span", "meaning accepted", "needs review", "lost", "review elsewhere", "orphaned edit", "review deleted"] as const;
type Verdict = (typeof VERDICTS)[number];

/**
 * correct: silent at the true span (words kept), needs_review at the true span (words changed),
 * orphaned (claim deleted). needs review / lost: words kept but sent to a reviewer / orphaned.
 * review elsewhere / orphaned edit / review deleted: not silent, so safe, but a poor guess.
 */
function classify(c: EditCase, out: Pick<ReanchorOutcome, "status" | "anchor">): Verdict {
  const silent = out.status === "anchored" || out.status === "moved";
  const atTruth = c.truth !== null && out.anchor.start === c.truth.start && out.anchor.end === c.truth.end;
  if (c.truth === null) return silent ? "wrong span" : out.status === "orphaned" ? "correct" : "review deleted";
  if (silent && !atTruth) return "wrong span";
  if (c.wordsChanged) {
    if (silent) return "meaning accepted";
    if (out.status === "orphaned") return "orphaned edit";
    return atTruth ? "correct" : "review elsewhere";
  }
  if (silent) return "correct";
  return out.status === "orphaned" ? "lost" : "needs review";
}

type Tally = Record<Verdict, number> & { n: number };
const emptyTally = (): Tally => ({ n: 0, ...Object.fromEntries(VERDICTS.map((v) => [v, 0])) }) as Tally;

function table(title: string, rows: Map<string, Tally>): string {
  const head = ["", "n", ...VERDICTS];
  const lines = [...rows].map(([name, t]) => [name, String(t.n), ...VERDICTS.map((v) => String(t[v]))]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ");
  return [title, fmt(head), ...lines.map(fmt)].join("\n");
}

describe.each(Object.entries(PARTS))("re-anchoring corpus: %s part", (part, { seed, texts }) => {
  it("never moves a claim to a wrong span, never accepts a change of words, and rarely asks for review", () => {
    const cases = generateCases(texts(), seed, PER_KIND);
    const byKind = new Map(EDIT_KINDS.map((k) => [k as string, emptyTally()]));
    const bySource = new Map<string, Tally>();
    const total = emptyTally();
    const failures: string[] = [];
    let inconsistent = 0;
    for (const c of cases) {
      const out = reanchorAll(c.oldText, c.newText, [c.anchor])[0]!;
      const verdict = classify(c, out);
      if ("wordsChanged" in out && out.wordsChanged && (out.status === "anchored" || out.status === "moved")) inconsistent++;
      if (!bySource.has(c.source)) bySource.set(c.source, emptyTally());
      for (const t of [byKind.get(c.kind)!, bySource.get(c.source)!, total]) {
        t.n++;
        t[verdict]++;
      }
      if (verdict !== "correct") {
        failures.push(`${verdict} [${c.kind}, ${c.name}] ${out.status} ${out.anchor.start}-${out.anchor.end} (truth ${c.truth?.start}-${c.truth?.end}): ${JSON.stringify(c.anchor.exact)} → ${JSON.stringify(out.anchor.exact)}`);
      }
    }
    byKind.set("all", total);
    const keptCases = [...byKind].filter(([k]) => (WORDS_KEPT as readonly string[]).includes(k)).reduce((n, [, t]) => n + t.n, 0);
    const reviewShare = (total["needs review"] + total.lost) / keptCases;
    console.log(
      [
        table(`${part} part (seed ${seed}, ${cases.length} edits${alternative ? `, implementation ${alternative}` : ""}) — per edit kind`, byKind),
        table("per text source", bySource),
        `needs review or lost on edits that left the claim's words untouched: ${total["needs review"] + total.lost}/${keptCases} = ${(100 * reviewShare).toFixed(1)} %`,
        process.env.CORPUS_VERBOSE ? failures.join("\n") : "",
      ].join("\n\n"),
    );
    if (alternative) return;
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(total["wrong span"]).toBe(0);
    expect(total["meaning accepted"]).toBe(0);
    expect(inconsistent).toBe(0);
    expect(reviewShare).toBeLessThanOrEqual(0.1);
  });
});
