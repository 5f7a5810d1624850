/**
 * Check-worthy suggestions on human-labelled text: the five held-out CLEF-2019 CheckThat! Task 1 debates and
 * speeches (MAP over debates, mean P@10, F1), the five demo articles (F1, precision, recall at each scorer's
 * threshold, and the precision of each article's five best-scored sentences) and the ClaimBuster sample (F1),
 * for the trained model (lib/check-worthy-model.ts, what the workspace suggests with), the former hand-written
 * rules (testing/check-worthy-rules.ts) and baselines computed in the same run: "contains a digit", sentence
 * length, and a seeded random order.
 *
 * The model trains on the demo articles, so its demo figures here are leave-one-article-out: each article is
 * scored by a model retrained here without it (same settings as the shipped one), at the shipped threshold
 * (chosen over all 23,000 training sentences scored out of fold, these 195 among them).
 *
 *   npm run bench -- check-worthy
 */
import { HELD_OUT_DEBATES, MODEL_THRESHOLD, modelScore } from "../../lib/check-worthy-model";
import shipped from "../../lib/check-worthy-weights.json";
import { probability, train, trainingCorpus, type Settings } from "../../scripts/lib/check-worthy-training";
import { claimBusterSentences, clefDebates, decisionScores, rankingScores, topPrecision, type LabelledDocument, type LabelledSentence } from "../../testing/check-worthiness-data";
import { rulesScore, RULES_THRESHOLD } from "../../testing/check-worthy-rules";
import { seededRandom } from "../../testing/seeded-random";
import type { BenchResult, BenchSuite } from "../types";

type Score = (s: LabelledSentence) => number;
type Flag = (s: LabelledSentence) => boolean;
/** `demo` scores the demo articles when the scorer's own score would have seen them (the model). */
type Scorer = { name: string; score: Score; flag: Flag; demo?: { score: Score; flag: Flag }; trainedOnClaimBuster?: boolean; writtenOnDemo?: boolean };

const hasDigit = (s: LabelledSentence) => /\d/.test(s.text);

/** The demo articles, each sentence scored by a model trained on everything the shipped one was except the sentence's own article. */
function leaveOneArticleOut(): { demo: LabelledDocument[]; scores: Map<LabelledSentence, number> } {
  const corpus = trainingCorpus();
  const settings = (shipped as { settings: Settings }).settings;
  const scores = new Map<LabelledSentence, number>();
  for (const article of corpus.demo) {
    const own = new Set(article.sentences);
    const rows = corpus.sentences.map((_, i) => i).filter((i) => !own.has(corpus.sentences[i]!));
    const model = train(corpus, rows, settings);
    corpus.sentences.forEach((s, i) => {
      if (own.has(s)) scores.set(s, probability(model, corpus.rows[i]!));
    });
  }
  return { demo: corpus.demo, scores };
}

function scorers(outOfArticle: Map<LabelledSentence, number>): Scorer[] {
  const random = seededRandom(2019);
  const memo = new Map<string, number>();
  const shuffled = (s: LabelledSentence) => {
    if (!memo.has(s.text)) memo.set(s.text, random());
    return memo.get(s.text)!;
  };
  return [
    {
      name: "trained model",
      score: (s) => modelScore(s.text).score,
      flag: (s) => modelScore(s.text).score >= MODEL_THRESHOLD,
      demo: { score: (s) => outOfArticle.get(s)!, flag: (s) => outOfArticle.get(s)! >= MODEL_THRESHOLD },
      trainedOnClaimBuster: true,
    },
    // The hand-written rules the workspace suggested with before the model, written on the demo articles.
    { name: "former rules", score: (s) => rulesScore(s.text), flag: (s) => rulesScore(s.text) >= RULES_THRESHOLD, writtenOnDemo: true },
    { name: "baseline: contains a digit", score: (s) => (hasDigit(s) ? 1 : 0), flag: hasDigit },
    // Long sentences say more; flagged from 20 words, about the median length of a check-worthy debate sentence.
    { name: "baseline: sentence length", score: (s) => s.text.split(/\s+/).length, flag: (s) => s.text.split(/\s+/).length >= 20 },
    { name: "baseline: random", score: shuffled, flag: (s) => shuffled(s) < 0.5 },
  ];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

export const suite: BenchSuite = {
  name: "check-worthy",
  async run() {
    // Held-out debates only for every scorer: the model never saw them, and the baselines are measured on the same ones.
    const debates = clefDebates().filter((d) => HELD_OUT_DEBATES.includes(d.name));
    const debateSentences = debates.flatMap((d) => d.sentences);
    const claimBuster = claimBusterSentences();
    const { demo, scores } = leaveOneArticleOut();
    const demoSentences = demo.flatMap((d) => d.sentences);
    const results: BenchResult[] = [];
    for (const s of scorers(scores)) {
      const ranking = rankingScores(debates, s.score);
      const onDemo = s.demo ?? { score: s.score, flag: s.flag };
      const decision = decisionScores(demoSentences, onDemo.flag);
      const demoLabel = s.demo ? "demo articles, each left out of training" : s.writtenOnDemo ? "demo articles (written on them)" : "demo articles";
      // The goals are the model's; on the other rows they would only say what a baseline is not meant to be.
      const row = (metric: string, value: number, goal?: number): BenchResult => ({
        suite: "check-worthy",
        metric: `${s.name}: ${metric}`,
        value: round(value),
        unit: "",
        ...(goal !== undefined && s.demo ? { goal, goalKind: "min" as const } : {}),
      });
      results.push(
        row(`held-out CLEF-2019 debates (${ranking.documents}), MAP`, ranking.map, 0.17),
        row("held-out CLEF-2019 debates, P@10", ranking.p10),
        row("held-out CLEF-2019 debates, F1", decisionScores(debateSentences, s.flag).f1),
        row(`${demoLabel}, F1`, decision.f1, 0.5),
        row(`${demoLabel}, precision`, decision.precision),
        row(`${demoLabel}, recall`, decision.recall),
        row(`${demoLabel}, precision of each article's top 5`, topPrecision(demo, onDemo.score), 0.6),
        // The model trained on this sample: its figure here is not a result, only a check that training took.
        row(s.trainedOnClaimBuster ? "ClaimBuster sample, F1 (trained on it)" : "ClaimBuster sample, F1", decisionScores(claimBuster, s.flag).f1),
      );
    }
    // Suggestions score every sentence of an article in the browser: the model must take well under 1 ms a sentence.
    const sample = debateSentences.slice(0, 2000);
    const started = performance.now();
    for (const sentence of sample) modelScore(sentence.text);
    results.push({ suite: "check-worthy", metric: "trained model: time per sentence", value: Math.round(((performance.now() - started) / sample.length) * 1000) / 1000, unit: "ms", goal: 1, goalKind: "max" });
    return results;
  },
};
