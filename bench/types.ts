/** One measured figure. `goal` with `goalKind` "max" means lower is better (latency), "min" higher is better (throughput). */
export type BenchResult = {
  suite: string;
  metric: string;
  value: number;
  unit: string;
  goal?: number;
  goalKind?: "max" | "min";
  detail?: Record<string, unknown>;
};

export type BenchSuite = { name: string; run(): Promise<BenchResult[]> };

/** Percentile of a sample (nearest-rank). */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
