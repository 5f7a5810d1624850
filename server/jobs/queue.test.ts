/**
 * The job queue's behaviour, the same on both stores: SQLite (its own table)
 * and PostgreSQL (pg-boss), each test on a fresh database.
 */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { jobTestDatabases } from "@/testing/jobs-databases";
import { waitFor } from "@/testing/jobs-wait";
import { JOB_NAMES, openJobQueue, type JobQueue, type QueueOptions } from "./queue";

const FAST: QueueOptions = { pollMs: 500, retryDelayMs: 1000, timeoutMs: 5000, stopGraceMs: 5000, maintenanceMs: 1000 };

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(jobTestDatabases())("%s", (target) => {
  if (target.skipReason) return void it.skip(`skipped: ${target.skipReason}`, () => {});
  const opened: JobQueue[] = [];
  const open = async (options: QueueOptions = {}, url?: string) => {
    const queue = await openJobQueue(url ?? (await target.create()), { ...FAST, ...options });
    opened.push(queue);
    return queue;
  };
  afterEach(async () => {
    for (const queue of opened.splice(0)) await queue.stop();
  });
  afterAll(() => target.dispose());

  it("runs a sent job once, with its data", async () => {
    const queue = await open();
    const calls: unknown[] = [];
    await queue.work("archive-citation", async (data, job) => void calls.push({ data, attempt: job.attempt }));
    const before = Date.now();
    const id = await queue.send("archive-citation", { citationId: "c7", nested: { n: 1 } });
    expect(id).toEqual(expect.any(String));
    await waitFor("the job to be done", async () => (await queue.get("archive-citation", id!))?.state === "done");
    await sleep(700);
    expect(calls).toEqual([{ data: { citationId: "c7", nested: { n: 1 } }, attempt: 1 }]);
    const view = await queue.get("archive-citation", id!);
    expect(view).toMatchObject({ id, name: "archive-citation", state: "done", attempts: 1, lastError: null });
    expect(Math.abs(view!.createdAt.getTime() - before)).toBeLessThan(2000);
    expect(await queue.get("check-link", id!)).toBeNull();
    expect(await queue.get("archive-citation", "not-an-id")).toBeNull();
  });

  it("retries a failing job after growing delays, then marks it failed with the last error", async () => {
    const queue = await open();
    const starts: number[] = [];
    await queue.work("check-link", async (_data, job) => {
      starts.push(Date.now());
      throw new Error(`boom ${job.attempt}`);
    });
    const id = await queue.send("check-link", { url: "https://example.org/" }, { retryLimit: 2 });
    await waitFor("the first failure", async () => (await queue.get("check-link", id!))?.lastError === "boom 1");
    expect(await queue.get("check-link", id!)).toMatchObject({ state: "queued", attempts: 1 });
    await waitFor("the job to fail", async () => (await queue.get("check-link", id!))?.state === "failed");
    expect(await queue.get("check-link", id!)).toMatchObject({ state: "failed", attempts: 3, lastError: "boom 3" });
    expect(starts).toHaveLength(3);
    // Backoff: 1 s, then 2 s at least (pg-boss adds up to as much again at random).
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(950);
    expect(starts[2]! - starts[1]!).toBeGreaterThanOrEqual(1950);
    await sleep(700);
    expect(starts).toHaveLength(3);
  });

  it("fails an attempt that runs past its time limit, aborts its signal, and retries the job", async () => {
    const queue = await open();
    const seen: { attempt: number; aborted?: boolean; lastError?: string | null }[] = [];
    await queue.work("archive-citation", async (_data, job) => {
      if (job.attempt === 1) {
        await new Promise((resolve) => job.signal.addEventListener("abort", resolve));
        seen.push({ attempt: 1, aborted: job.signal.aborted });
        return;
      }
      seen.push({ attempt: job.attempt, lastError: (await queue.get("archive-citation", job.id))?.lastError });
    });
    const started = Date.now();
    const id = await queue.send("archive-citation", {}, { timeoutMs: 1000 });
    await waitFor("the job to be done", async () => (await queue.get("archive-citation", id!))?.state === "done");
    expect(seen).toEqual([
      { attempt: 1, aborted: true },
      { attempt: 2, lastError: expect.stringMatching(/timed out/) },
    ]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    expect(await queue.get("archive-citation", id!)).toMatchObject({ state: "done", attempts: 2 });
  });

  it("keeps one queued or running job per singleton key", async () => {
    const queue = await open();
    const first = await queue.send("archive-citation", { block: true }, { singletonKey: "citation-1" });
    expect(first).toEqual(expect.any(String));
    expect(await queue.send("archive-citation", {}, { singletonKey: "citation-1" })).toBeNull();
    expect(await queue.send("archive-citation", {}, { singletonKey: "citation-2" })).toEqual(expect.any(String));
    expect(await queue.send("check-link", {}, { singletonKey: "citation-1" })).toEqual(expect.any(String));
    expect(await queue.send("archive-citation", {})).toEqual(expect.any(String));
    expect(await queue.send("archive-citation", {})).toEqual(expect.any(String));

    const release = gate();
    await queue.work("archive-citation", async (data) => {
      if (data.block) await release.opened;
    });
    await waitFor("the keyed job to run", async () => (await queue.get("archive-citation", first!))?.state === "running");
    expect(await queue.send("archive-citation", {}, { singletonKey: "citation-1" })).toBeNull();
    release.open();
    await waitFor("the keyed job to be done", async () => (await queue.get("archive-citation", first!))?.state === "done");
    const again = await queue.send("archive-citation", {}, { singletonKey: "citation-1" });
    expect(again).toEqual(expect.any(String));
    expect(again).not.toBe(first);
  });

  it("waits startAfterMs before running a job", async () => {
    const queue = await open();
    let ranAt = 0;
    await queue.work("check-links", async () => void (ranAt = Date.now()));
    const sent = Date.now();
    const id = await queue.send("check-links", {}, { startAfterMs: 2000 });
    const view = await queue.get("check-links", id!);
    expect(view?.state).toBe("queued");
    expect(Math.abs(view!.runAfter.getTime() - (sent + 2000))).toBeLessThan(1000);
    await sleep(1200);
    expect(ranAt).toBe(0);
    await waitFor("the job to be done", async () => (await queue.get("check-links", id!))?.state === "done");
    expect(ranAt - sent).toBeGreaterThanOrEqual(1950);
  });

  it("counts jobs per name and state", async () => {
    const queue = await open();
    const release = gate();
    await queue.work("check-link", async (data) => {
      if (data.fail) throw new Error("unreachable");
      if (data.block) await release.opened;
    });
    const ok = await queue.send("check-link", {});
    const failing = await queue.send("check-link", { fail: true }, { retryLimit: 0 });
    const blocked = await queue.send("check-link", { block: true });
    await queue.send("check-link", {}, { startAfterMs: 60_000 });
    await queue.send("archive-citation", {});
    await waitFor("the jobs to settle", async () => {
      const states = await Promise.all([ok, failing, blocked].map(async (id) => (await queue.get("check-link", id!))?.state));
      return states.join() === "done,failed,running";
    });
    const counts = await queue.counts();
    expect(Object.keys(counts).sort()).toEqual([...JOB_NAMES].sort());
    expect(counts["check-link"]).toEqual({ queued: 1, running: 1, done: 1, failed: 1 });
    expect(counts["archive-citation"]).toEqual({ queued: 1, running: 0, done: 0, failed: 0 });
    expect(counts["check-links"]).toEqual({ queued: 0, running: 0, done: 0, failed: 0 });
    release.open();
  });

  it("stop() lets a running handler finish, then takes no more jobs", async () => {
    const url = await target.create();
    const worker = await open({}, url);
    const observer = await open({}, url);
    let finished = false;
    await worker.work("archive-citation", async () => {
      await sleep(1500);
      finished = true;
    });
    const id = await observer.send("archive-citation", {});
    await waitFor("the job to start", async () => (await observer.get("archive-citation", id!))?.state === "running");
    await worker.stop();
    expect(finished).toBe(true);
    expect(await observer.get("archive-citation", id!)).toMatchObject({ state: "done", attempts: 1 });
    const later = await observer.send("archive-citation", {});
    await sleep(1500);
    expect((await observer.get("archive-citation", later!))?.state).toBe("queued");
  });

  it("stop() gives up on a handler that outlives the grace period: the attempt fails and the job is retried later", async () => {
    const url = await target.create();
    const worker = await open({ stopGraceMs: 1000 }, url);
    const observer = await open({}, url);
    let aborted = false;
    await worker.work("archive-citation", async (_data, job) => {
      await new Promise((resolve) => job.signal.addEventListener("abort", resolve));
      aborted = true;
    });
    const id = await observer.send("archive-citation", {});
    await waitFor("the job to start", async () => (await observer.get("archive-citation", id!))?.state === "running");
    const stopping = Date.now();
    await worker.stop();
    expect(Date.now() - stopping).toBeLessThan(4000);
    expect(aborted).toBe(true);
    expect(await observer.get("archive-citation", id!)).toMatchObject({ state: "queued", attempts: 1, lastError: "the worker stopped" });
    const calls: number[] = [];
    await observer.work("archive-citation", async (_data, job) => void calls.push(job.attempt));
    await waitFor("the job to be retried", async () => (await observer.get("archive-citation", id!))?.state === "done");
    expect(calls).toEqual([2]);
  });
});
