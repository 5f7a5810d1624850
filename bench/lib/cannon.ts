/** autocannon, warmed up first, reduced to the figures the table shows. */
import autocannon from "autocannon";

export type LoadFigures = { rps: number; p50: number; p99: number; requests: number; errors: number; non2xx: number };

/** `headers`: sent with every request (e.g. Accept-Encoding, as a browser sends it). */
export type LoadOptions = { connections: number; seconds: number; warmupSeconds: number; headers?: Record<string, string> };

function once(url: string, connections: number, seconds: number, headers?: Record<string, string>): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration: seconds, headers }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** Warm-up run (discarded: JIT, caches, connection pools), then the measured one. */
export async function load(url: string, options: LoadOptions): Promise<LoadFigures> {
  if (options.warmupSeconds > 0) await once(url, options.connections, options.warmupSeconds, options.headers);
  const r = await once(url, options.connections, options.seconds, options.headers);
  // No reply within autocannon's 10 s timeout: latencies are unknown, not zero (NaN is written as null and never meets a goal).
  const answered = r.requests.total > 0;
  return { rps: r.requests.average, p50: answered ? r.latency.p50 : Number.NaN, p99: answered ? r.latency.p99 : Number.NaN, requests: r.requests.total, errors: r.errors, non2xx: r.non2xx };
}
