/**
 * Full export (db/backup/csv-export.ts) and its restore at scale: the bench
 * archive (default 10,000 fact-checks, 100,000 claims; --articles/--claims)
 * on each dialect (--dialects), exported to a ZIP, then restored into a
 * fresh empty database of the same dialect.
 *
 * Each export and restore runs in a process of its own (this file, run with
 * `child`), so its peak memory is its own: the peak RSS (the kernel's
 * high-water mark) and how far it rose above the RSS just before the work
 * began, plus the sampled peak JS heap. Both run with the JS heap capped at
 * HEAP_CAP_MIB, far below the CSV they handle: were rows piling up, the
 * child would die of it and the suite would fail.
 *
 *   npm run bench -- export [--claims 100000] [--dialects sqlite,postgres]
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";
import { openDatabase } from "../../db/client";
import { exportCsvZip } from "../../db/backup/csv-export";
import { restoreCsvZip } from "../../db/backup/csv-restore";
import { bin, ROOT } from "../../scripts/lib/process";
import { generate } from "../generate";
import { freshDatabase, type BenchDatabase } from "../lib/databases";
import { benchOptions } from "../options";
import type { BenchResult, BenchSuite } from "../types";

type Measured = { ms: number; peakRssMiB: number; rssBeforeMiB: number; peakHeapMiB: number; zipBytes?: number; csvBytes?: number; rows: number };

const MiB = 1024 * 1024;
const HEAP_CAP_MIB = 64;

/** In the child: runs one export or restore and prints what it measured as JSON. */
async function child(mode: string, url: string, zip: string): Promise<void> {
  const database = await openDatabase(url);
  let peakHeap = 0;
  const sample = () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed));
  const sampler = setInterval(sample, 10);
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  let result: Partial<Measured>;
  if (mode === "export") {
    const out = fs.createWriteStream(zip);
    const { counts, zipBytes, csvBytes } = await exportCsvZip(database, async (chunk) => {
      sample();
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    });
    await new Promise<void>((resolve) => out.end(() => resolve()));
    result = { zipBytes, csvBytes, rows: Object.values(counts).reduce((a, b) => a + b, 0) };
  } else {
    const counts = await restoreCsvZip(database, zip);
    result = { rows: Object.values(counts).reduce((a, b) => a + b, 0) };
  }
  const ms = performance.now() - started;
  clearInterval(sampler);
  sample();
  await database.close();
  // maxRSS is in KiB: the process's high-water mark, however briefly it was reached.
  const measured: Measured = { ms, peakRssMiB: (process.resourceUsage().maxRSS * 1024) / MiB, rssBeforeMiB: rssBefore / MiB, peakHeapMiB: peakHeap / MiB, rows: 0, ...result };
  process.stdout.write(`${JSON.stringify(measured)}\n`);
}

function runChild(mode: "export" | "restore", url: string, zip: string): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const proc = spawn(bin("tsx"), ["--conditions=react-server", path.join(ROOT, "bench", "suites", "export.ts"), "child", mode, url, zip], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --max-old-space-size=${HEAP_CAP_MIB}`.trim() },
    });
    let out = "";
    proc.stdout.on("data", (chunk) => (out += String(chunk)));
    proc.on("error", reject);
    proc.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!) as Measured) : reject(new Error(`bench export: the ${mode} child exited with ${code}`))));
  });
}

async function fresh(dialect: "sqlite" | "postgres"): Promise<BenchDatabase> {
  const database = await freshDatabase(dialect);
  if ("unavailable" in database) throw new Error(`bench export: no Postgres server for the Postgres half (${database.unavailable}); pass --dialects sqlite`);
  return database;
}

async function measure(dialect: "sqlite" | "postgres", articles: number, claims: number, dir: string): Promise<BenchResult[]> {
  const source = await fresh(dialect);
  const target = await fresh(dialect);
  try {
    const database = await openDatabase(source.url);
    const generated = await generate(database, { articles, claims });
    await database.close();
    console.error(`  ${dialect}: generated ${generated.counts.claims} claims in ${Math.round(generated.seconds)} s`);
    const zip = path.join(dir, `${dialect}.zip`);
    const exported = await runChild("export", source.url, zip);
    const restored = await runChild("restore", target.url, zip);
    const label = `${generated.counts.claims!.toLocaleString("en")} claims, ${dialect}`;
    const rise = (m: Measured) => Math.max(0, m.peakRssMiB - m.rssBeforeMiB);
    return [
      { suite: "export", metric: `export ${label}: time`, value: exported.ms, unit: "ms", detail: { rows: exported.rows } },
      { suite: "export", metric: `export ${label}: ZIP size`, value: exported.zipBytes! / MiB, unit: "MiB", detail: { csvMiB: exported.csvBytes! / MiB } },
      { suite: "export", metric: `export ${label}: peak RSS`, value: exported.peakRssMiB, unit: "MiB", detail: { rssBeforeMiB: exported.rssBeforeMiB, riseMiB: rise(exported), peakHeapMiB: exported.peakHeapMiB, heapCapMiB: HEAP_CAP_MIB } },
      { suite: "export", metric: `restore ${label}: time`, value: restored.ms, unit: "ms", detail: { rows: restored.rows } },
      { suite: "export", metric: `restore ${label}: peak RSS`, value: restored.peakRssMiB, unit: "MiB", detail: { rssBeforeMiB: restored.rssBeforeMiB, riseMiB: rise(restored), peakHeapMiB: restored.peakHeapMiB, heapCapMiB: HEAP_CAP_MIB } },
    ];
  } finally {
    await source.drop();
    await target.drop();
  }
}

export const suite: BenchSuite = {
  name: "export",
  async run() {
    const o = benchOptions();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-bench-export-"));
    try {
      const results: BenchResult[] = [];
      for (const dialect of o.dialects) results.push(...(await measure(dialect, o.articles, o.claims, dir)));
      return results;
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv[2] === "child") {
  const [mode, url, zip] = process.argv.slice(3);
  child(mode!, url!, zip!).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
