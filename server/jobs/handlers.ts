import { sourceJobHandlers, sweepArchives } from "@/server/sources/source-jobs";
import type { JobHandler, JobName, JobQueue } from "./queue";

/** What each job does, given the queue (a job may send others). */
export function jobHandlers(queue: JobQueue): Record<JobName, JobHandler> {
  return sourceJobHandlers(queue);
}

/** Fetches wait on other sites, not on this machine: a few at once, so one slow site does not hold up every citation. */
export const JOB_CONCURRENCY: Partial<Record<JobName, number>> = { "archive-citation": 4, "check-link": 4 };

const OUTBOX_SWEEP_MS = 60_000;

/**
 * What a worker does besides taking jobs: send an archive job for every
 * citation still pending, now and every minute. Saves send them at once;
 * this catches the ones a crash or an unreachable queue left behind, and the
 * archives of sites that did not answer, when due another try.
 */
export function startSweeps(queue: JobQueue): void {
  const sweep = () =>
    sweepArchives(queue).catch((error: unknown) => console.error("[jobs] archive sweep failed:", error instanceof Error ? error.message : error));
  void sweep();
  setInterval(sweep, OUTBOX_SWEEP_MS).unref();
}
