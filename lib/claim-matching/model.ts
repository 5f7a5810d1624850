/**
 * The re-ranker: a logistic model over the features of features.ts, one set of weights per database (their
 * indexes score differently), trained by `npm run train:matching` on the CLEF-2020 CheckThat! Task 2 training
 * posts and committed in weights.json. Its output is the match score shown to reviewers (0..1).
 */
import { FEATURE_NAMES, type FeatureName } from "./features";
import trained from "./weights.json";

export type Dialect = "sqlite" | "postgres";
export type ModelWeights = { mean: number[]; scale: number[]; weights: number[]; bias: number };
type WeightsFile = { features: string[]; dialects: Record<Dialect, ModelWeights> };

const file = trained as WeightsFile;
if (file.features.join() !== FEATURE_NAMES.join()) throw new Error("lib/claim-matching/weights.json was trained on other features: run npm run train:matching");

export function linear(model: ModelWeights, values: Record<FeatureName, number>): number {
  let z = model.bias;
  FEATURE_NAMES.forEach((name, i) => {
    z += model.weights[i]! * ((values[name] - model.mean[i]!) / model.scale[i]!);
  });
  return z;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** The match score (0..1) of a candidate with these features, by the committed weights of that database. */
export function matchScore(dialect: Dialect, values: Record<FeatureName, number>): number {
  return sigmoid(linear(file.dialects[dialect], values));
}
