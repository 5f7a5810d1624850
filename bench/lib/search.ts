/**
 * Search latency over the generated claims. Claim matching runs in this
 * process on the same database file/server the app uses (it is a query, not
 * a page: the desk calls it per claim); the public index search goes through
 * HTTP with a different word each time, so every request misses the cache.
 */
import { performance } from "node:perf_hooks";
import { openDatabase, useDatabase } from "../../db/client";
import { findMatchesForText } from "../../db/queries/claim-matches";
import { percentile, type BenchResult } from "../types";

const WARMUP = 5;
/** Each search measurement stops after this long (at least MIN_QUERIES), so a slow dialect cannot stall the run. */
const BUDGET_MS = 20_000;
const MIN_QUERIES = 10;

export async function measureClaimMatching(databaseUrl: string, statements: string[], label: string): Promise<BenchResult[]> {
  const database = await openDatabase(databaseUrl);
  useDatabase(database);
  try {
    const times: number[] = [];
    let found = 0;
    const until = performance.now() + BUDGET_MS;
    for (const [i, statement] of statements.slice(0, 200 + WARMUP).entries()) {
      if (times.length >= MIN_QUERIES && performance.now() > until) break;
      const t0 = performance.now();
      // No article excluded: the real call excludes the claim's own article, which changes nothing for the cost.
      const ranked = await findMatchesForText({ query: { statement, exact: statement } });
      if (i >= WARMUP) {
        times.push(performance.now() - t0);
        found += ranked.length;
      }
    }
    return [
      { suite: "load", metric: `${label}claim matching (full text + ranking): p50`, value: percentile(times, 50), unit: "ms" },
      { suite: "load", metric: `${label}claim matching (full text + ranking): p95`, value: percentile(times, 95), unit: "ms", goal: 50, goalKind: "max", detail: { queries: times.length, meanMatches: found / Math.max(1, times.length) } },
    ];
  } finally {
    await database.close();
  }
}

const WORDS = "turmeric Norway insomnia ginseng Kenya dementia zinc Japan asthma cocoa Peru gout sauna Iceland measles kale Chile vertigo lithium Nepal".split(" ");

export async function measurePublicSearch(base: string, label: string): Promise<BenchResult[]> {
  await fetch(`${base}/fact-checks?q=warmup`);
  const times: number[] = [];
  const until = performance.now() + BUDGET_MS;
  for (const word of WORDS) {
    if (times.length >= MIN_QUERIES && performance.now() > until) break;
    const t0 = performance.now();
    const response = await fetch(`${base}/fact-checks?q=${encodeURIComponent(word)}`);
    await response.arrayBuffer();
    times.push(performance.now() - t0);
    if (!response.ok) throw new Error(`/fact-checks?q=${word}: HTTP ${response.status}`);
  }
  return [
    { suite: "load", metric: `${label}public search /fact-checks?q= (uncached): p50`, value: percentile(times, 50), unit: "ms" },
    { suite: "load", metric: `${label}public search /fact-checks?q= (uncached): p95`, value: percentile(times, 95), unit: "ms", goal: 50, goalKind: "max", detail: { queries: times.length } },
  ];
}
