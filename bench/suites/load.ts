/**
 * Load: a generated archive (default 10,000 published fact-checks, 100,000
 * claims) served by real `next start` processes of the production build.
 *
 * - SQLite: public page, JSON API and feed vs the same bytes from a static
 *   server (autocannon, 50 connections); the fact-check page from nginx as a
 *   static file (the ceiling), from the app alone and from the app behind
 *   deploy/nginx.conf's cache; claim matching and public search; signed-in
 *   mutations by 10 editors at once.
 * - Both: the whole ClaimReview DataFeed walked page by page from a cold cache.
 * - Postgres: the same data; mutations and search (reported); one instance vs
 *   two behind a load balancer (nginx, or a Node round-robin proxy without it)
 *   on the public page.
 *
 * Ports BENCH_LOAD_PORT (default 4100) to +15. Flags: bench/options.ts.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "../../db/client";
import { generate, type GeneratedData } from "../generate";
import { load, type LoadOptions } from "../lib/cannon";
import { onEachFreshDatabase, type BenchDatabase } from "../lib/databases";
import { runMutations } from "../lib/mutations";
import { startBalancingNginx, startCachingNginx, startStaticNginx } from "../lib/nginx";
import { measureFeedWalk } from "../lib/feed";
import { measurePublic, publicEndpoints } from "../lib/public-load";
import { measureClaimMatching, measurePublicSearch } from "../lib/search";
import { ensureBuild, startApp, startHelper, type Running } from "../lib/servers";
import { nginxMissing } from "../../testing/nginx";
import { benchOptions } from "../options";
import { percentile, type BenchResult, type BenchSuite } from "../types";

const PORT = Number(process.env.BENCH_LOAD_PORT ?? 4100);

type Mutations = Awaited<ReturnType<typeof runMutations>>;

function mutationRows(label: string, { concurrent, single }: Mutations, withGoal: boolean, seconds: number): BenchResult[] {
  const ops = [
    ["create claim", "create"],
    ["propose verdict", "propose"],
    ["approve verdict", "approve"],
  ] as const;
  return ops.flatMap(([name, key]) => [
    { suite: "load", metric: `${label}mutation ${name}, 1 user alone: p50`, value: percentile(single[key], 50), unit: "ms", detail: { calls: single[key].length } },
    { suite: "load", metric: `${label}mutation ${name}, 10 users: p50`, value: percentile(concurrent[key], 50), unit: "ms" },
    {
      suite: "load",
      metric: `${label}mutation ${name}, 10 users: p95`,
      value: percentile(concurrent[key], 95),
      unit: "ms",
      ...(withGoal ? { goal: 50, goalKind: "max" as const } : {}),
      detail: { calls: concurrent[key].length, perSecond: concurrent[key].length / seconds, failures: concurrent.failures.length, firstFailure: concurrent.failures[0] },
    },
  ]);
}

/**
 * One public endpoint three ways, back to back, as a browser asks (gzip): nginx serving the app's
 * bytes from a file (the ceiling), the app alone, and the app behind deploy/nginx.conf. Behind the
 * cache should come close to the ceiling: only the first request of each s-maxage reaches the app.
 * Goals on the fact-check page; the JSON API item (shareable already) is reported alongside.
 */
async function measureBehindNginx(app: Running, endpoint: { name: string; path: string; goals: boolean }, workDir: string, options: LoadOptions, label: string): Promise<BenchResult[]> {
  const urlPath = endpoint.path;
  const gzip: LoadOptions = { ...options, headers: { "accept-encoding": "gzip" } };
  const response = await fetch(app.base + urlPath);
  if (!response.ok) throw new Error(`${urlPath}: HTTP ${response.status} from the app`);
  const body = Buffer.from(await response.arrayBuffer());
  const staticNginx = await startStaticNginx(PORT + 14, workDir, { urlPath, body, type: response.headers.get("content-type") ?? "text/html" });
  let ceiling;
  try {
    ceiling = await load(staticNginx.base + urlPath, gzip);
  } finally {
    await staticNginx.stop();
  }
  const alone = await load(app.base + urlPath, gzip);
  const cache = await startCachingNginx(PORT + 15, workDir, [app]);
  let behind;
  let cacheStatus;
  try {
    behind = await load(cache.base + urlPath, gzip);
    // What the cache answered after the run: HIT when the app lets shared caches keep the page.
    const last = await fetch(cache.base + urlPath, { headers: { "accept-encoding": "gzip" } });
    cacheStatus = { xCacheStatus: last.headers.get("x-cache-status"), cacheControl: last.headers.get("cache-control") };
  } finally {
    await cache.stop();
  }
  for (const [name, figures] of [["nginx static", ceiling], ["app alone", alone], ["behind nginx cache", behind]] as const) {
    if (figures.non2xx > 0 || figures.errors > 0) console.error(`  ${urlPath} ${name}: ${figures.non2xx} non-2xx replies, ${figures.errors} errors`);
  }
  const goal = (min: number) => (endpoint.goals ? { goal: min, goalKind: "min" as const } : {});
  const name = `${label}${endpoint.name}`;
  return [
    { suite: "load", metric: `${name}, nginx static: requests/s`, value: ceiling.rps, unit: "req/s", detail: { path: urlPath, bytes: body.length, ...ceiling } },
    { suite: "load", metric: `${name}, app behind nginx cache: requests/s`, value: behind.rps, unit: "req/s", detail: { ...behind, ...cacheStatus } },
    { suite: "load", metric: `${name}, behind cache ÷ nginx static`, value: behind.rps / ceiling.rps, unit: "×", ...goal(0.9), detail: { p50: behind.p50, p99: behind.p99 } },
    { suite: "load", metric: `${name}, app alone ÷ nginx static`, value: alone.rps / ceiling.rps, unit: "×", ...goal(0.4), detail: alone },
  ];
}

/** A load balancer over `apps`: nginx (caching nothing) when installed, else the Node round-robin helper. */
function startBalancer(port: number, workDir: string, apps: Running[]): Promise<Running> {
  if (nginxMissing()) return startHelper("round-robin.ts", port, apps.map((a) => a.base), "/api/health");
  return startBalancingNginx(port, workDir, apps);
}

/** The public page through a load balancer to one instance, then to two: the balancer's own cost is in both figures. */
async function measureScale(first: Running, databaseUrl: string, slug: string, workDir: string, options: LoadOptions, label: string): Promise<BenchResult[]> {
  const page = `/fact-checks/${slug}`;
  const balancer = nginxMissing() ? "Node round-robin proxy" : "nginx";
  const one = await startBalancer(PORT + 12, workDir, [first]);
  let single;
  try {
    single = await load(one.base + page, options);
  } finally {
    await one.stop();
  }
  const second = await startApp(PORT + 11, databaseUrl);
  // The first instance is warm by now; give the second the same start (modules loaded, data cache filled) before comparing.
  await load(second.base + page, { connections: 10, seconds: options.warmupSeconds, warmupSeconds: 0 });
  const two = await startBalancer(PORT + 13, workDir, [first, second]);
  let double;
  try {
    double = await load(two.base + page, options);
  } finally {
    await two.stop();
    await second.stop();
  }
  return [
    { suite: "load", metric: `${label}fact-check page, 1 instance behind proxy: requests/s`, value: single.rps, unit: "req/s", detail: { balancer, ...single } },
    { suite: "load", metric: `${label}fact-check page, 2 instances behind proxy: requests/s`, value: double.rps, unit: "req/s", detail: { balancer, ...double } },
    { suite: "load", metric: `${label}2 instances ÷ 1 instance throughput`, value: double.rps / single.rps, unit: "×", goal: 1.7, goalKind: "min" },
  ];
}

async function runDialect(db: BenchDatabase, workDir: string): Promise<BenchResult[]> {
  const o = benchOptions();
  const label = `${db.dialect}: `;
  const cannon: LoadOptions = { connections: o.connections, seconds: o.seconds, warmupSeconds: Math.max(2, Math.round(o.seconds / 3)) };
  console.error(`  … generating ${o.articles} fact-checks, ${o.claims} claims on ${db.dialect}`);
  const database = await openDatabase(db.url);
  let data: GeneratedData;
  try {
    data = await generate(database, { articles: o.articles, claims: o.claims });
  } finally {
    await database.close();
  }
  const results: BenchResult[] = [
    { suite: "load", metric: `${label}generate ${o.articles} fact-checks / ${data.counts.claims} claims`, value: data.seconds, unit: "s", detail: data.counts },
  ];
  // A fact-check from the middle of the archive: neither the newest (top of every list) nor the oldest.
  const slug = data.slugs[Math.floor(data.slugs.length / 2)]!;
  const app = await startApp(db.dialect === "sqlite" ? PORT : PORT + 10, db.url);
  try {
    // First, while the app's caches are cold: every feed page is built from the database.
    if (o.parts.includes("feed")) {
      console.error("  … the whole ClaimReview feed");
      results.push(...(await measureFeedWalk(app.base, label)));
    }
    if (db.dialect === "sqlite" && o.parts.includes("public")) {
      console.error("  … public endpoints vs static files");
      results.push(...(await measurePublic(app.base, slug, PORT + 1, workDir, cannon, label)));
      const missing = nginxMissing();
      if (missing) console.error(`  nginx rows skipped: ${missing}`);
      else {
        for (const endpoint of publicEndpoints(slug).filter((e) => e.goals || e.name === "JSON API item")) {
          console.error(`  … ${endpoint.path}: nginx static, app alone, app behind nginx cache`);
          results.push(...(await measureBehindNginx(app, endpoint, workDir, cannon, label)));
        }
      }
    }
    if (o.parts.includes("search")) {
      console.error("  … search");
      results.push(...(await measureClaimMatching(db.url, data.sampleStatements, label)));
      results.push(...(await measurePublicSearch(app.base, label)));
    }
    // After the public measurements: every approval invalidates the public data cache.
    if (o.parts.includes("mutations")) {
      console.error("  … mutations");
      results.push(...mutationRows(label, await runMutations(app.base, data, o.seconds), db.dialect === "sqlite", o.seconds));
    }
    if (db.dialect === "postgres" && o.parts.includes("scale")) {
      console.error("  … one instance vs two");
      results.push(...(await measureScale(app, db.url, slug, workDir, cannon, label)));
    }
  } finally {
    await app.stop();
  }
  return results;
}

export const suite: BenchSuite = {
  name: "load",
  async run() {
    ensureBuild();
    const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-load-"));
    try {
      return await onEachFreshDatabase(benchOptions().dialects, (db) => runDialect(db, workDir));
    } finally {
      fs.rmSync(workDir, { recursive: true, force: true });
    }
  },
};
