/**
 * Logistic regression by full-batch gradient descent with L2, on standardised features: small, deterministic
 * (no random start, no shuffling), enough for a dozen features and tens of thousands of rows.
 */
export type Fitted = { mean: number[]; scale: number[]; weights: number[]; bias: number };

export function fitLogistic(rows: number[][], labels: number[], { iterations = 3000, rate = 0.5, l2 = 1e-3, positiveWeight = 1 } = {}): Fitted {
  const d = rows[0]?.length ?? 0;
  const n = rows.length;
  const mean = Array.from({ length: d }, (_, j) => rows.reduce((s, r) => s + r[j]!, 0) / n);
  const scale = Array.from({ length: d }, (_, j) => Math.sqrt(rows.reduce((s, r) => s + (r[j]! - mean[j]!) ** 2, 0) / n) || 1);
  const x = rows.map((r) => r.map((v, j) => (v - mean[j]!) / scale[j]!));
  const weights = new Array<number>(d).fill(0);
  let bias = 0;
  const sampleWeight = labels.map((y) => (y === 1 ? positiveWeight : 1));
  const total = sampleWeight.reduce((a, b) => a + b, 0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d).fill(0);
    let gradBias = 0;
    for (let i = 0; i < n; i++) {
      let z = bias;
      for (let j = 0; j < d; j++) z += weights[j]! * x[i]![j]!;
      const error = (1 / (1 + Math.exp(-z)) - labels[i]!) * sampleWeight[i]!;
      for (let j = 0; j < d; j++) grad[j]! += error * x[i]![j]!;
      gradBias += error;
    }
    for (let j = 0; j < d; j++) weights[j]! -= rate * (grad[j]! / total + l2 * weights[j]!);
    bias -= rate * (gradBias / total);
  }
  return { mean, scale, weights, bias };
}

function linear(model: Fitted, row: number[]): number {
  let z = model.bias;
  row.forEach((v, j) => {
    z += model.weights[j]! * ((v - model.mean[j]!) / model.scale[j]!);
  });
  return z;
}

export const predict = (model: Fitted, row: number[]) => 1 / (1 + Math.exp(-linear(model, row)));

/**
 * A ranking model: logistic regression on the differences between the right candidate and each wrong one of
 * the same query (pairwise), which learns what puts the right one first rather than what makes a candidate
 * right in general; then scaled (Platt) on the candidates themselves so that its output reads as the
 * probability that a candidate is the right one.
 */
export function fitPairwise(groups: { rows: number[][]; right: number }[], options: { iterations?: number; rate?: number; l2?: number } = {}): Fitted {
  const diffs: number[][] = [];
  const labels: number[] = [];
  for (const g of groups) {
    if (g.right < 0) continue;
    const right = g.rows[g.right]!;
    g.rows.forEach((row, i) => {
      if (i === g.right) return;
      const d = right.map((v, j) => v - row[j]!);
      diffs.push(d, d.map((v) => -v));
      labels.push(1, 0);
    });
  }
  const pairwise = fitLogistic(diffs, labels, options);
  // Differences are centred by construction: score raw features on the same scale, without centring.
  const ranker: Fitted = { mean: pairwise.mean.map(() => 0), scale: pairwise.scale, weights: pairwise.weights, bias: 0 };
  const z = groups.flatMap((g) => g.rows.map((row) => [linear(ranker, row)]));
  const right = groups.flatMap((g) => g.rows.map((_, i) => (i === g.right ? 1 : 0)));
  const platt = fitLogistic(z, right, options);
  const a = platt.weights[0]! / platt.scale[0]!;
  const c = platt.bias - (platt.weights[0]! * platt.mean[0]!) / platt.scale[0]!;
  return { mean: ranker.mean, scale: ranker.scale, weights: ranker.weights.map((w) => w * a), bias: c };
}
