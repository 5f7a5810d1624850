/**
 * `npm run bench`: runs every suite in bench/suites (or those named on the
 * command line: `npm run bench -- import reanchor`; flags in bench/options.ts
 * scale the load suite), prints one table and
 * writes bench/results/latest.json. Targets live next to the measurements so
 * a miss is visible in the table, not hidden in a test.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { benchOptions } from "./options";
import type { BenchResult, BenchSuite } from "./types";

const SUITES_DIR = path.join(import.meta.dirname, "suites");
const OUT = path.join(import.meta.dirname, "results", "latest.json");

async function loadSuites(only: string[]): Promise<BenchSuite[]> {
  const files = fs.readdirSync(SUITES_DIR).filter((f) => f.endsWith(".ts")).sort();
  const suites: BenchSuite[] = [];
  for (const file of files) {
    const mod = (await import(path.join(SUITES_DIR, file))) as { suite: BenchSuite };
    if (only.length === 0 || only.includes(mod.suite.name)) suites.push(mod.suite);
  }
  return suites;
}

function verdict(r: BenchResult): string {
  if (r.goal === undefined) return "";
  const met = r.goalKind === "min" ? r.value >= r.goal : r.value <= r.goal;
  return met ? "met" : "MISSED";
}

function printTable(results: BenchResult[]): void {
  const rows = results.map((r) => [r.suite, r.metric, `${round(r.value)} ${r.unit}`, r.goal === undefined ? "" : `${r.goalKind === "min" ? "≥" : "<"} ${r.goal} ${r.unit}`, verdict(r)]);
  const header = ["suite", "metric", "value", "goal", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ");
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}

const round = (n: number) => (Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100);

async function main() {
  const suites = await loadSuites(benchOptions().suites);
  const results: BenchResult[] = [];
  const failed: string[] = [];
  for (const suite of suites) {
    console.error(`… ${suite.name}`);
    // One broken suite must not throw away the minutes of figures the others took.
    try {
      results.push(...(await suite.run()));
    } catch (error) {
      console.error(error);
      failed.push(suite.name);
    }
  }
  // A partial run (some suites only) keeps the other suites' last figures, so the file always holds every suite.
  const previous = fs.existsSync(OUT) ? ((JSON.parse(fs.readFileSync(OUT, "utf8")) as { results?: BenchResult[] }).results ?? []) : [];
  const ran = new Set(suites.map((s) => s.name).filter((name) => !failed.includes(name)));
  results.unshift(...previous.filter((r) => !ran.has(r.suite)));
  printTable(results);
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  // `met` is written next to each goal so readers of the file need not re-derive it.
  const withVerdicts = results.map((r) => (r.goal === undefined ? r : { ...r, met: verdict(r) === "met" }));
  fs.writeFileSync(OUT, JSON.stringify({ date: new Date().toISOString(), machine, results: withVerdicts }, null, 2) + "\n");
  console.error(`\nwritten ${path.relative(process.cwd(), OUT)}`);
  if (failed.length) {
    console.error(`failed suites (their previous figures are kept): ${failed.join(", ")}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
