/**
 * A worker process killed with SIGKILL mid-job: the job is not lost, a second
 * worker process runs it again once its time limit has passed (at least
 * once), one without retries left is marked failed, and a job that had
 * already finished is not run again.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { jobTestDatabases } from "@/testing/jobs-databases";
import { waitFor } from "@/testing/jobs-wait";
import { startWorkerProcess, type WorkerProcess } from "@/testing/jobs-worker-process";
import { openJobQueue } from "./queue";

describe.each(jobTestDatabases())("%s", (target) => {
  if (target.skipReason) return void it.skip(`skipped: ${target.skipReason}`, () => {});
  const processes: WorkerProcess[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-jobs-log-"));
  afterEach(() => {
    for (const p of processes.splice(0)) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGKILL");
  });
  afterAll(async () => {
    await target.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("runs a job again after its worker was killed, fails one without retries left, and never reruns a finished job", async () => {
    const url = await target.create();
    const log = path.join(dir, `${target.name}.log`);
    fs.writeFileSync(log, "");
    const lines = () => fs.readFileSync(log, "utf8").trim().split("\n");
    // The retry delay is the sender's: pg-boss retries an expired job after it, as after any failure.
    const queue = await openJobQueue(url, { pollMs: 500, retryDelayMs: 1000 });
    try {
      const first = startWorkerProcess(url, log, true);
      processes.push(first);
      await first.ready;

      const finished = await queue.send("archive-citation", { label: "finished" }, { timeoutMs: 3000 });
      await waitFor("the first job to finish", () => lines().some((l) => l.startsWith("done finished 1 ")));
      const stalled = await queue.send("archive-citation", { label: "stalled", stall: true }, { timeoutMs: 3000 });
      const spent = await queue.send("archive-citation", { label: "spent", stall: true }, { timeoutMs: 3000, retryLimit: 0 });
      await waitFor("both stalling jobs to start", () => lines().filter((l) => / (stalled|spent) 1 /.test(l)).length === 2);

      first.child.kill("SIGKILL");
      expect(await first.exited).toBe("SIGKILL");
      expect((await queue.get("archive-citation", stalled!))?.state).toBe("running");

      const second = startWorkerProcess(url, log, false);
      processes.push(second);
      await second.ready;
      await waitFor("the stalled job to be done", async () => (await queue.get("archive-citation", stalled!))?.state === "done");
      await waitFor("the job without retries to fail", async () => (await queue.get("archive-citation", spent!))?.state === "failed");

      const [a, b] = [first.child.pid, second.child.pid];
      expect(lines().sort()).toEqual(
        [`start finished 1 ${a}`, `done finished 1 ${a}`, `start stalled 1 ${a}`, `start spent 1 ${a}`, `start stalled 2 ${b}`, `done stalled 2 ${b}`].sort(),
      );
      expect(await queue.get("archive-citation", finished!)).toMatchObject({ state: "done", attempts: 1 });
      expect(await queue.get("archive-citation", stalled!)).toMatchObject({ state: "done", attempts: 2 });
      expect(await queue.get("archive-citation", spent!)).toMatchObject({ state: "failed", attempts: 1, lastError: expect.stringMatching(/worker stopped/) });

      second.child.kill("SIGTERM");
      expect(await second.exited).toBe(0);
    } finally {
      await queue.stop();
    }
  }, 45_000);
});
