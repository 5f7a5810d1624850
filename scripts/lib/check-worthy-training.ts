/**
 * The training machinery behind scripts/train-check-worthy.ts, shared with the bench (which scores each demo
 * article by a model trained without it). Sentences are turned into feature ids once; logistic regression by
 * stochastic gradient descent with L2 then runs over typed arrays in the rows' own order (no shuffling, no
 * random start), so the same data and settings always give the same weights, in about a second a model.
 */
import { HELD_OUT_DEBATES, sentenceFeatures } from "../../lib/check-worthy-model";
import { claimBusterSentences, clefDebates, demoArticles, rankingScores, type LabelledDocument, type LabelledSentence } from "../../testing/check-worthiness-data";

/**
 * demoWeight: how much one demo-article sentence counts against one debate sentence. The demo articles are
 * the only labelled health prose (195 sentences beside 23,000 from debates), and debates alone do not teach
 * what a health article's claims look like (see the ablation in the training script).
 */
export type Settings = { epochs: number; rate: number; l2: number; positiveWeight: number; minCount: number; demoWeight: number };
/**
 * The shipped settings (the training script can override each for a try): the best mean of the two
 * cross-validated MAPs (training debates by debate, demo articles by article) over 20 or 40 epochs, rates
 * 0.005–0.02, L2 1e-3–1e-2, positive weights 1–2 and demo weights 3–10. Fewer, smaller steps (10 epochs at
 * 0.0025) ranked the demo articles a little better but squeezed the probabilities, so that the threshold
 * chosen on the training sentences suggested less precisely there (precision 0.47 against 0.59): not taken.
 */
export const SETTINGS: Settings = { epochs: 20, rate: 0.005, l2: 1e-2, positiveWeight: 1, minCount: 3, demoWeight: 10 };
type Model = { bias: number; weights: Float64Array };

/** Every training sentence with its features as ids into `names` (computed once), its fold, and whether it is from a demo article. */
export type Corpus = {
  debates: LabelledDocument[];
  demo: LabelledDocument[];
  sentences: LabelledSentence[];
  names: string[];
  rows: Int32Array[];
  labels: Uint8Array;
  fromDemo: Uint8Array;
  folds: Uint8Array;
};

/**
 * Five folds: the training debates whole (never split) in turn, the ClaimBuster sentences (which do not say
 * their debate) in turn, and one demo article each, so that every demo article is scored by a model trained
 * without it. The held-out debates are not here at all: only the bench reads them.
 */
const FOLDS = 5;

export function trainingCorpus(): Corpus {
  const debates = clefDebates().filter((d) => !HELD_OUT_DEBATES.includes(d.name));
  const claimBuster = claimBusterSentences();
  const demo = demoArticles();
  const parts: { sentences: LabelledSentence[]; fold: (i: number) => number; demo: number }[] = [
    ...debates.map((d, i) => ({ sentences: d.sentences, fold: () => i % FOLDS, demo: 0 })),
    { sentences: claimBuster, fold: (i: number) => i % FOLDS, demo: 0 },
    ...demo.map((d, i) => ({ sentences: d.sentences, fold: () => i % FOLDS, demo: 1 })),
  ];
  const ids = new Map<string, number>();
  const names: string[] = [];
  const id = (f: string) => {
    let n = ids.get(f);
    if (n === undefined) ids.set(f, (n = names.push(f) - 1));
    return n;
  };
  const sentences = parts.flatMap((p) => p.sentences);
  return {
    debates,
    demo,
    sentences,
    names,
    rows: sentences.map((s) => Int32Array.from(sentenceFeatures(s.text), id)),
    labels: Uint8Array.from(sentences, (s) => (s.checkWorthy ? 1 : 0)),
    fromDemo: Uint8Array.from(parts.flatMap((p) => p.sentences.map(() => p.demo))),
    folds: Uint8Array.from(parts.flatMap((p) => p.sentences.map((_, i) => p.fold(i)))),
  };
}

/**
 * Trains on the rows numbered `trainRows` (in that order). Features seen in fewer than minCount of them are
 * left out, which keeps rare words from being memorised and the weights file small; `dropped` leaves out
 * more (the ablations).
 */
export function train(corpus: Corpus, rowsToTrain: number[], settings: Settings, dropped: ReadonlySet<number> = new Set()): Model {
  const weightOf = (r: number) => (corpus.fromDemo[r] ? settings.demoWeight : 1) * (corpus.labels[r] ? settings.positiveWeight : 1);
  const trainRows = rowsToTrain.filter((r) => weightOf(r) > 0);
  const counts = new Int32Array(corpus.names.length);
  for (const r of trainRows) for (const f of corpus.rows[r]!) counts[f]!++;
  const usable = (f: number) => counts[f]! >= settings.minCount && !dropped.has(f);
  const rows = trainRows.map((r) => ({ features: corpus.rows[r]!.filter(usable), label: corpus.labels[r]!, weight: weightOf(r) }));
  const weights = new Float64Array(corpus.names.length);
  let bias = 0;
  const { rate, l2 } = settings;
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (const { features, label, weight } of rows) {
      let z = bias;
      for (const f of features) z += weights[f]!;
      const error = (1 / (1 + Math.exp(-z)) - label) * weight;
      for (const f of features) weights[f]! -= rate * (error + l2 * weights[f]!);
      bias -= rate * error;
    }
  }
  return { bias, weights };
}

export function probability(model: Model, row: Int32Array): number {
  let z = model.bias;
  for (const f of row) z += model.weights[f]!;
  return 1 / (1 + Math.exp(-z));
}

/** The threshold with the best F1 over scored sentences, on a grid of hundredths. */
function bestThreshold(scored: { p: number; label: boolean }[]): { threshold: number; f1: number } {
  const positives = scored.filter((x) => x.label).length;
  let best = { threshold: 0.5, f1: -1 };
  for (let step = 2; step <= 95; step++) {
    const threshold = step / 100;
    const flagged = scored.filter((x) => x.p >= threshold);
    const tp = flagged.filter((x) => x.label).length;
    const f1 = tp ? (2 * tp) / (flagged.length + positives) : 0;
    if (f1 > best.f1) best = { threshold, f1 };
  }
  return best;
}

/**
 * Every training sentence scored by the model trained without its fold: MAP over the training debates, the
 * demo articles scored each without itself, and the threshold (best F1 over all of them, each sentence once).
 */
export function crossValidate(corpus: Corpus, settings: Settings, dropped: ReadonlySet<number> = new Set()) {
  const outOfFold = new Float64Array(corpus.sentences.length);
  const all = corpus.sentences.map((_, i) => i);
  for (let k = 0; k < FOLDS; k++) {
    const model = train(corpus, all.filter((r) => corpus.folds[r] !== k), settings, dropped);
    for (const r of all) if (corpus.folds[r] === k) outOfFold[r] = probability(model, corpus.rows[r]!);
  }
  const scoreOf = new Map(corpus.sentences.map((s, i) => [s, outOfFold[i]!]));
  const score = (s: LabelledSentence) => scoreOf.get(s)!;
  const { threshold, f1 } = bestThreshold(corpus.sentences.map((s, i) => ({ p: outOfFold[i]!, label: s.checkWorthy })));
  return { debatesMap: rankingScores(corpus.debates, score).map, score, threshold, f1 };
}

/** The model as the weights file stores it: weights rounded to 3 decimals (near-zero ones left out), names sorted. */
export function serialise(corpus: Corpus, model: Model): { bias: number; weights: Record<string, number> } {
  const entries: [string, number][] = [];
  model.weights.forEach((w, f) => {
    if (Math.abs(w) >= 1e-3) entries.push([corpus.names[f]!, Math.round(w * 1000) / 1000]);
  });
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { bias: Math.round(model.bias * 1000) / 1000, weights: Object.fromEntries(entries) };
}
