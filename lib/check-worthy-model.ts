/**
 * A trained check-worthiness model (not yet what the workspace suggests with: lib/check-worthy.ts is): a linear
 * model over words, word pairs and a few cues the field finds telling (numbers, percentages, money, years,
 * comparisons, superlatives, "according to", first person, questions). Weights are learned by
 * `npm run train:check-worthy` from the public corpora in fixtures/datasets/check-worthiness, without the
 * held-out debates, and committed in check-worthy-weights.json. Plain functions: it runs in the browser too.
 */
import trained from "./check-worthy-weights.json";

type Weights = { version: string; bias: number; threshold: number; weights: Record<string, number> };
const model = trained as Weights;

/** The debates and speeches never trained on: the bench's held-out set (none is in the ClaimBuster sample, which is general-election debates). */
export const HELD_OUT_DEBATES = ["20160414_9dem.tsv", "20170315_nashville.tsv", "20180916_trump_miami.tsv", "20181112_trump_pelosi.tsv", "20190108_oval_office.tsv"];

const CUES: [string, RegExp][] = [
  ["cue:number", /\d/],
  ["cue:percent", /\d\s?%|\bper ?cent\b/i],
  ["cue:money", /[$€£]\s?\d|\b(dollars|billion|million|trillion)\b/i],
  ["cue:year", /\b(1[89]|20)\d{2}\b/],
  ["cue:comparison", /\b(more|less|fewer|higher|lower|bigger|smaller|than|increase[sd]?|decrease[sd]?|doubled|tripled|rose|fell|cut)\b/i],
  ["cue:superlative", /\b(most|least|best|worst|largest|biggest|highest|lowest|first|only|never|ever|record)\b|\b\w+est\b/i],
  ["cue:source", /\b(according to|studies|study|research|report(ed|s)?|data|survey|statistics|evidence)\b/i],
  ["cue:first-person", /\b(i|i'm|i've|i'll|me|my)\b/i],
  ["cue:we", /\b(we|we're|we've|our|us)\b/i],
  ["cue:question", /\?\s*$/],
  ["cue:thanks", /\b(thank|thanks|applause|welcome|good evening)\b/i],
];

const words = (text: string) => text.toLowerCase().replace(/[’']/g, "'").match(/[a-z0-9']+|[$%€£]/g) ?? [];

/** The features a sentence fires: each a name the weights file knows (or not, when it was never seen in training). */
export function sentenceFeatures(text: string): string[] {
  const w = words(text).map((x) => (/^\d/.test(x) ? "<num>" : x));
  const out = new Set<string>();
  for (const x of w) out.add(`w:${x}`);
  for (let i = 1; i < w.length; i++) out.add(`b:${w[i - 1]} ${w[i]}`);
  for (const [name, re] of CUES) if (re.test(text)) out.add(name);
  const n = w.length;
  out.add(n < 6 ? "len:short" : n < 15 ? "len:medium" : n < 30 ? "len:long" : "len:very-long");
  return [...out];
}

/** The model's probability that a sentence is worth checking, and the features that pushed it up most. */
export function modelScore(text: string): { score: number; top: string[] } {
  let z = model.bias;
  const contributions: [string, number][] = [];
  for (const f of sentenceFeatures(text)) {
    const w = model.weights[f];
    if (w === undefined) continue;
    z += w;
    contributions.push([f, w]);
  }
  contributions.sort((a, b) => b[1] - a[1]);
  return { score: 1 / (1 + Math.exp(-z)), top: contributions.filter(([, w]) => w > 0).slice(0, 3).map(([f]) => f) };
}

/** The probability from which a sentence counts as check-worthy: the best F1 on the training sentences. */
export const MODEL_THRESHOLD = model.threshold;
