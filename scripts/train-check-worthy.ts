/**
 * Trains the check-worthiness model: `npm run train:check-worthy` (add `-- --ablation` for the table of what
 * each cue and the demo articles add). Writes lib/check-worthy-weights.json; the same data and code give the
 * same file byte for byte.
 *
 * Data (scripts/lib/check-worthy-training.ts): the CLEF-2019 CheckThat! Task 1 debates and speeches except the
 * held-out ones, the ClaimBuster sample, and the five demo articles (the only labelled health prose). Everything
 * is scored out of fold in five folds (debates whole, each demo article alone): that gives the MAPs the
 * settings were chosen by, and the threshold, the best F1 over all training sentences so scored. The held-out
 * debates are read only by the bench.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { crossValidate, serialise, SETTINGS, train, trainingCorpus, type Corpus, type Settings } from "./lib/check-worthy-training";
import { decisionScores, rankingScores, topPrecision } from "../testing/check-worthiness-data";

const OUT = path.join(process.cwd(), "lib", "check-worthy-weights.json");
const fromEnv = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
/** The shipped settings unless a try overrides them: EPOCHS, RATE, L2, PW, MIN_COUNT, DEMO_WEIGHT. */
const settings: Settings = {
  epochs: fromEnv("EPOCHS", SETTINGS.epochs),
  rate: fromEnv("RATE", SETTINGS.rate),
  l2: fromEnv("L2", SETTINGS.l2),
  positiveWeight: fromEnv("PW", SETTINGS.positiveWeight),
  minCount: fromEnv("MIN_COUNT", SETTINGS.minCount),
  demoWeight: fromEnv("DEMO_WEIGHT", SETTINGS.demoWeight),
};
/** The cues written from the health desk's rules (lib/check-worthy-model.ts), each left out in turn by the ablation, then all together. */
const DOMAIN_CUES = ["research", "authority", "statistic", "mechanism", "health-effect", "risk", "compare-treatment", "cure-safety", "advice", "importance", "about-article", "hedge", "question", "imperative", "heading"].map((c) => `cue:${c}`);

const f3 = (n: number) => n.toFixed(3);

/** Cross-validated figures: MAP over the training debates; on the demo articles (each scored without itself) MAP, precision of each one's top 5, and F1, precision, recall at the threshold. */
function figures(corpus: Corpus, s: Settings, dropped: ReadonlySet<number> = new Set()) {
  const cv = crossValidate(corpus, s, dropped);
  const demo = decisionScores(
    corpus.demo.flatMap((d) => d.sentences),
    (x) => cv.score(x) >= cv.threshold,
  );
  return { ...cv, demoMap: rankingScores(corpus.demo, cv.score).map, top5: topPrecision(corpus.demo, cv.score), demo };
}

function ablation(corpus: Corpus, base: ReturnType<typeof figures>) {
  console.log("\nablation: cross-validated, each row leaving something out (Δ against the full model)");
  console.log("left out                 debates MAP (Δ)    demo MAP (Δ)       top-5   threshold  demo F1  precision  recall");
  const line = (name: string, r: ReturnType<typeof figures>) => {
    const delta = (a: number, b: number) => `${f3(a)} (${a - b >= 0 ? "+" : ""}${f3(a - b)})`;
    console.log(`${name.padEnd(24)} ${delta(r.debatesMap, base.debatesMap)}    ${delta(r.demoMap, base.demoMap)}    ${f3(r.top5)}   ${r.threshold.toFixed(2).padEnd(9)}  ${f3(r.demo.f1)}    ${f3(r.demo.precision)}      ${f3(r.demo.recall)}`);
  };
  line("(nothing)", base);
  for (const group of [...DOMAIN_CUES.map((c) => [c]), DOMAIN_CUES]) {
    const dropped = new Set(group.map((n) => corpus.names.indexOf(n)).filter((i) => i >= 0));
    line(group.length === 1 ? group[0]! : "all domain cues", figures(corpus, settings, dropped));
  }
  // Without the demo articles the demo figures are plain held-out ones: what debates alone teach about health prose.
  line("demo articles (weight 0)", figures(corpus, { ...settings, demoWeight: 0 }));
}

function main() {
  const corpus = trainingCorpus();
  const base = figures(corpus, settings);
  const model = train(
    corpus,
    corpus.sentences.map((_, i) => i),
    settings,
  );
  // The settings go into the file (and its version) so that the bench can retrain each fold the same way.
  const body = { threshold: base.threshold, settings, ...serialise(corpus, model) };
  const version = createHash("sha256").update(JSON.stringify(body)).digest("hex").slice(0, 12);
  fs.writeFileSync(OUT, `${JSON.stringify({ version, ...body })}\n`);
  const positives = corpus.labels.reduce((a, b) => a + b, 0);
  console.log(`settings ${JSON.stringify(settings)}`);
  console.log(`5-fold MAP: training debates ${f3(base.debatesMap)}, demo articles ${f3(base.demoMap)} (top-5 precision ${f3(base.top5)})`);
  console.log(`threshold ${base.threshold}: out-of-fold F1 ${f3(base.f1)} on the training sentences; demo articles F1 ${f3(base.demo.f1)}, precision ${f3(base.demo.precision)}, recall ${f3(base.demo.recall)}`);
  console.log(`trained on ${corpus.sentences.length} sentences (${positives} check-worthy); ${Object.keys(body.weights).length} features; ${fs.statSync(OUT).size} bytes; version ${version}`);
  if (process.argv.includes("--ablation")) ablation(corpus, base);
}

main();
