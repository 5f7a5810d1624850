/**
 * The ClaimReview DataFeed of the whole archive, read the way a fact-check database harvests it: page after
 * page, following the `Link: rel="next"` header, from a cold cache (the app has not served these pages yet).
 */
import { percentile, type BenchResult } from "../types";

export async function measureFeedWalk(base: string, label: string): Promise<BenchResult[]> {
  const times: number[] = [];
  let reviews = 0;
  let bytes = 0;
  let largest = 0;
  const started = performance.now();
  for (let next: string | null = `${base}/api/public/claimreview-feed.json`; next; ) {
    const t0 = performance.now();
    const response: Response = await fetch(next);
    const body = await response.text();
    times.push(performance.now() - t0);
    if (!response.ok) throw new Error(`${next}: HTTP ${response.status}`);
    const feed = JSON.parse(body) as { dataFeedElement: { item: unknown[] }[] };
    reviews += feed.dataFeedElement.reduce((n, e) => n + e.item.length, 0);
    bytes += body.length;
    largest = Math.max(largest, body.length);
    next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get("link") ?? "")?.[1] ?? null;
  }
  const seconds = (performance.now() - started) / 1000;
  return [
    { suite: "load", metric: `${label}ClaimReview feed, whole archive (cold): seconds`, value: seconds, unit: "s", detail: { pages: times.length, reviews, megabytes: bytes / 1e6, largestPageKB: largest / 1e3 } },
    { suite: "load", metric: `${label}ClaimReview feed page (cold): p95`, value: percentile(times, 95), unit: "ms", detail: { p50: percentile(times, 50), pages: times.length } },
  ];
}
