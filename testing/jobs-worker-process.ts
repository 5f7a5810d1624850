/**
 * A job worker in a process of its own, for server/jobs/durability.test.ts:
 * the test kills it with SIGKILL mid-job, as a crash or an OOM kill would.
 *
 * Run as a script (`node --import tsx testing/jobs-worker-process.ts <url> <log> [--stall]`)
 * it works "archive-citation" jobs, two at a time, appending "start <label> <attempt> <pid>"
 * and "done <label> <attempt> <pid>" lines to the log; with --stall, a job
 * whose data has `stall: true` hangs. It prints "ready" once working, and
 * stops gracefully on SIGTERM (exit code 0).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { openJobQueue } from "../server/jobs/queue";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export type WorkerProcess = { child: ChildProcess; ready: Promise<void>; exited: Promise<number | string> };

export function startWorkerProcess(url: string, log: string, stall: boolean): WorkerProcess {
  // Node itself with tsx's loader, not the tsx CLI: the CLI runs the script in a second process, which SIGKILL would not reach.
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), url, log, ...(stall ? ["--stall"] : [])], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<number | string>((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal ?? -1)));
  const ready = new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk) => {
      out += String(chunk);
      if (out.includes("ready\n")) resolve();
    });
    void exited.then((code) => reject(new Error(`the worker process exited (${code}) before it was ready`)));
  });
  return { child, ready, exited };
}

async function main(url: string, log: string, stall: boolean): Promise<void> {
  const queue = await openJobQueue(url, { pollMs: 500, maintenanceMs: 1000, retryDelayMs: 1000, stopGraceMs: 3000 });
  await queue.work("archive-citation", async (data, job) => {
    fs.appendFileSync(log, `start ${String(data.label)} ${job.attempt} ${process.pid}\n`);
    if (stall && data.stall) await new Promise((resolve) => job.signal.addEventListener("abort", resolve));
    fs.appendFileSync(log, `done ${String(data.label)} ${job.attempt} ${process.pid}\n`);
  }, { concurrency: 2 });
  process.on("SIGTERM", () => void queue.stop().then(() => process.exit(0)));
  process.stdout.write("ready\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [url, log] = process.argv.slice(2);
  main(url!, log!, process.argv.includes("--stall")).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
