/**
 * Trains claim matching's re-ranker: `npm run train:matching`.
 *
 * Loads the CLEF-2020 CheckThat! Task 2 verified claims (fixtures/claim-matching) into a fresh SQLite file
 * and a fresh Postgres database (BENCH_PG_URL, default the local server), runs each of the 800 training posts
 * through the desk's full-text query, and fits a pairwise logistic model (scripts/lib/logistic.ts) over the features of
 * lib/claim-matching/features.ts for each database (their indexes score differently). Writes
 * lib/claim-matching/weights.json. Deterministic: the same data gives the same weights. The development
 * posts are not read here; `npm run bench -- matching` evaluates on them.
 */
import fs from "node:fs";
import path from "node:path";
import { collect, loadCollection, type Collected, type Dialect } from "../bench/lib/matching-eval";
import { FEATURE_NAMES } from "../lib/claim-matching/features";
import { scoreRankings } from "../testing/claim-matching-data";
import { fitPairwise, predict, type Fitted } from "./lib/logistic";

const OUT = path.join(process.cwd(), "lib", "claim-matching", "weights.json");
const FOLDS = 5;
const round = (n: number) => Math.round(n * 1e6) / 1e6;

function fit(posts: Collected[]): Fitted {
  return fitPairwise(posts.map((p) => ({ rows: p.candidates.map((c) => FEATURE_NAMES.map((f) => c.values[f])), right: p.candidates.findIndex((c) => c.vclaim === p.target) })));
}

const ranked = (model: Fitted, p: Collected) =>
  p.candidates
    .map((c, i) => ({ vclaim: c.vclaim, score: Math.round(predict(model, FEATURE_NAMES.map((f) => c.values[f])) * 1000) / 1000, i }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map((c) => c.vclaim);

/** MAP@5 of the model trained on the other folds, per fold (posts split in order, by post): how well it generalises within the training split. */
function crossValidate(posts: Collected[]): { index: number; model: number } {
  const index = scoreRankings(posts.map((p) => ({ target: p.target, ranked: p.candidates.map((c) => c.vclaim) }))).map5;
  const results: { target: string; ranked: string[] }[] = [];
  for (let k = 0; k < FOLDS; k++) {
    const test = posts.filter((_, i) => i % FOLDS === k);
    const model = fit(posts.filter((_, i) => i % FOLDS !== k));
    for (const p of test) results.push({ target: p.target, ranked: ranked(model, p) });
  }
  return { index, model: scoreRankings(results).map5 };
}

async function main() {
  const dialects: Partial<Record<Dialect, Fitted>> = {};
  for (const dialect of ["sqlite", "postgres"] as const) {
    const collection = await loadCollection(dialect);
    if (!collection) {
      console.error(`${dialect}: no server answered; its weights are left as they are.`);
      continue;
    }
    try {
      const posts = await collect(collection, "train");
      const cv = crossValidate(posts);
      const found = posts.filter((p) => p.candidates.some((c) => c.vclaim === p.target)).length;
      console.log(`${dialect}: right claim among the candidates for ${found}/${posts.length} posts; ${FOLDS}-fold MAP@5 on the training posts: BM25 order ${cv.index.toFixed(3)}, re-ranked ${cv.model.toFixed(3)}`);
      const model = fit(posts);
      dialects[dialect] = { mean: model.mean.map(round), scale: model.scale.map(round), weights: model.weights.map(round), bias: round(model.bias) };
    } finally {
      await collection.close();
    }
  }
  const previous = fs.existsSync(OUT) ? (JSON.parse(fs.readFileSync(OUT, "utf8")) as { dialects: Record<string, Fitted> }) : { dialects: {} };
  const file = { features: FEATURE_NAMES, trainedOn: "CLEF-2020 CheckThat! Task 2 English, training posts (fixtures/claim-matching/train-*)", dialects: { ...previous.dialects, ...dialects } };
  fs.writeFileSync(OUT, `${JSON.stringify(file, null, 1)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
