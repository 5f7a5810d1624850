/**
 * The worker: handlers registered per job name, and the daily link check
 * scheduled once however many workers start, each run scheduling the next.
 */
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { jobTestDatabases } from "@/testing/jobs-databases";
import { waitFor } from "@/testing/jobs-wait";
import { openJobQueue, type JobHandler, type JobName, type JobQueue } from "./queue";
import { nextDailySlot, startWorker } from "./worker";

const DAY_MS = 24 * 3600_000;

describe("nextDailySlot", () => {
  it("is the first time at the hour (UTC) strictly after the given time", () => {
    expect(nextDailySlot(Date.UTC(2025, 0, 31, 2, 59), 3).toISOString()).toBe("2025-01-31T03:00:00.000Z");
    expect(nextDailySlot(Date.UTC(2025, 0, 31, 3, 0), 3).toISOString()).toBe("2025-02-01T03:00:00.000Z");
    expect(nextDailySlot(Date.UTC(2025, 11, 31, 23, 0), 3).toISOString()).toBe("2026-01-01T03:00:00.000Z");
  });
});

describe.each(jobTestDatabases())("%s", (target) => {
  if (target.skipReason) return void it.skip(`skipped: ${target.skipReason}`, () => {});
  const opened: JobQueue[] = [];
  const open = async (url: string) => {
    const queue = await openJobQueue(url, { pollMs: 500, retryDelayMs: 1000 });
    opened.push(queue);
    return queue;
  };
  const calls: { name: JobName; data: Record<string, unknown> }[] = [];
  const record = (name: JobName): JobHandler => async (data) => void calls.push({ name, data });
  const handlers = { "archive-citation": record("archive-citation"), "check-links": record("check-links"), "check-link": record("check-link") };
  afterEach(async () => {
    for (const queue of opened.splice(0)) await queue.stop();
    calls.length = 0;
  });
  afterAll(() => target.dispose());

  it("runs each job name's handler and schedules one daily link check, however many workers start", async () => {
    const url = await target.create();
    const [first, second] = [await open(url), await open(url)];
    await startWorker(first, handlers);
    await startWorker(second, handlers);
    const counts = await first.counts();
    expect(counts["check-links"]).toEqual({ queued: 1, running: 0, done: 0, failed: 0 });

    const id = await first.send("check-link", { url: "https://example.org/" });
    await waitFor("the job to be done", async () => (await first.get("check-link", id!))?.state === "done");
    expect(calls).toEqual([{ name: "check-link", data: { url: "https://example.org/" } }]);
  });

  it("a daily run schedules the next day's before it does its work", async () => {
    const url = await target.create();
    const queue = await open(url);
    // The run of a slot that is due now, as if its time had come.
    const slot = nextDailySlot(Date.now(), 3);
    const run = await queue.send("check-links", { slot: slot.toISOString() }, { singletonKey: `daily:${slot.toISOString().slice(0, 10)}` });
    await startWorker(queue, handlers);
    await waitFor("the run to be done", async () => (await queue.get("check-links", run!))?.state === "done");
    expect(calls).toEqual([{ name: "check-links", data: { slot: slot.toISOString() } }]);
    expect((await queue.counts())["check-links"]).toEqual({ queued: 1, running: 0, done: 1, failed: 0 });
    // The next one is due a day after this run's slot.
    const next = new Date(slot.getTime() + DAY_MS);
    expect(await queue.send("check-links", {}, { singletonKey: `daily:${next.toISOString().slice(0, 10)}` })).toBeNull();
  });
});
