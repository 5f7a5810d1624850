/**
 * The labelled check-worthiness corpora (fixtures/datasets/check-worthiness, with their sources): the CLEF-2019
 * CheckThat! Task 1 debates and speeches, sentence by sentence with their speaker, and the ClaimBuster sample
 * of presidential-debate sentences; and the five demo articles' labelled sentences. For evaluating (and
 * training) the check-worthy suggestions on text nobody on the project wrote.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";

const DIR = path.join(process.cwd(), "fixtures", "datasets", "check-worthiness");

export type LabelledSentence = { text: string; speaker: string | null; checkWorthy: boolean };
/** One debate or speech (CLEF) or one demo article: sentences in order. Evaluations split by document, never by sentence. */
export type LabelledDocument = { name: string; sentences: LabelledSentence[] };

const csv = (file: string) => parse(fs.readFileSync(path.join(DIR, file), "utf8"), { columns: true, skip_empty_lines: true, relax_quotes: true }) as Record<string, string>[];

export function clefDebates(): LabelledDocument[] {
  const byFile = new Map<string, LabelledSentence[]>();
  for (const row of csv("clef2019-task1-train.csv")) {
    const list = byFile.get(row.file_name!) ?? [];
    list.push({ text: row.text ?? "", speaker: row.speaker || null, checkWorthy: row.label === "1" });
    byFile.set(row.file_name!, list);
  }
  return [...byFile].map(([name, sentences]) => ({ name, sentences }));
}

/** ClaimBuster's two-class sample: sentences without their debate (the ids do not say which), for precision, recall and F1. */
export function claimBusterSentences(): LabelledSentence[] {
  return csv("claimbuster-debates.csv").map((row) => ({ text: row.text ?? "", speaker: null, checkWorthy: row.label === "1" }));
}

export function demoArticles(): LabelledDocument[] {
  const file = path.join(process.cwd(), "fixtures", "evaluation", "check-worthy.json");
  const data = JSON.parse(fs.readFileSync(file, "utf8")) as { articles: { title: string; sentences: { sentence: string; checkWorthy: boolean }[] }[] };
  return data.articles.map((a) => ({ name: a.title, sentences: a.sentences.map((s) => ({ text: s.sentence, speaker: null, checkWorthy: s.checkWorthy })) }));
}

/** Mean average precision over documents (each document's sentences ranked by score; documents without a positive left out), and mean precision at 10. */
export function rankingScores(documents: LabelledDocument[], score: (s: LabelledSentence) => number): { map: number; p10: number; documents: number } {
  let ap = 0;
  let p10 = 0;
  let n = 0;
  for (const doc of documents) {
    const positives = doc.sentences.filter((s) => s.checkWorthy).length;
    if (positives === 0) continue;
    // Ties keep the document's order, so a constant score ranks sentences as they were said.
    const ranked = doc.sentences.map((s, i) => ({ s, v: score(s), i })).sort((a, b) => b.v - a.v || a.i - b.i);
    let hits = 0;
    let sum = 0;
    ranked.forEach((r, k) => {
      if (r.s.checkWorthy) {
        hits++;
        sum += hits / (k + 1);
      }
    });
    ap += sum / positives;
    p10 += ranked.slice(0, 10).filter((r) => r.s.checkWorthy).length / 10;
    n++;
  }
  return { map: ap / Math.max(1, n), p10: p10 / Math.max(1, n), documents: n };
}

/** Mean over documents of the precision of each one's k best-scored sentences: what a reader sees first among the suggestions. */
export function topPrecision(documents: LabelledDocument[], score: (s: LabelledSentence) => number, k = 5): number {
  const each = documents.map((doc) => {
    const ranked = doc.sentences.map((s, i) => ({ s, v: score(s), i })).sort((a, b) => b.v - a.v || a.i - b.i);
    return ranked.slice(0, k).filter((r) => r.s.checkWorthy).length / Math.min(k, ranked.length);
  });
  return each.reduce((a, b) => a + b, 0) / Math.max(1, each.length);
}

/** Precision, recall and F1 of a yes/no decision. */
export function decisionScores(sentences: LabelledSentence[], flagged: (s: LabelledSentence) => boolean): { precision: number; recall: number; f1: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const s of sentences) {
    const yes = flagged(s);
    if (yes && s.checkWorthy) tp++;
    else if (yes) fp++;
    else if (s.checkWorthy) fn++;
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}
