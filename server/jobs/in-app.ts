/**
 * The app process's job queue, and the worker that runs inside the app when
 * no separate `npm run worker` is wanted. Both are kept on globalThis so
 * Next's dev reloads reuse them.
 *
 * No stop on shutdown: Next exits the process on SIGTERM without waiting, and
 * a job cut short is taken again by the next worker once its time limit has
 * passed (server/jobs/queue.ts).
 */
import { defaultDatabaseUrl, dialectOf } from "@/db/client";
import { env } from "@/server/env";
import { JOB_CONCURRENCY, jobHandlers, startSweeps } from "./handlers";
import { openJobQueue, type JobQueue } from "./queue";
import { startWorker } from "./worker";

const holder = globalThis as unknown as { __factdeskJobQueue?: Promise<JobQueue>; __factdeskJobWorker?: Promise<void> };

/** The queue on DATABASE_URL, opened once per process: send jobs through it. */
export function appJobQueue(): Promise<JobQueue> {
  if (!holder.__factdeskJobQueue) {
    const opening = openJobQueue(defaultDatabaseUrl());
    holder.__factdeskJobQueue = opening;
    // A database that was down at first must not keep the queue closed for the life of the process.
    opening.catch(() => {
      if (holder.__factdeskJobQueue === opening) holder.__factdeskJobQueue = undefined;
    });
  }
  return holder.__factdeskJobQueue;
}

/**
 * Starts the worker in this process (for instrumentation.ts), unless
 * JOBS_IN_APP=0 (a separate `npm run worker` does the work), during
 * `next build`, or on a pglite: database. Never throws: the app serves
 * without it, and says why in the log.
 */
export async function startInAppWorker(): Promise<void> {
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  try {
    // Inside the try, so an invalid environment is logged here rather than left unhandled (instrumentation.ts stops the server on it).
    if (env().JOBS_IN_APP === "0" || dialectOf(defaultDatabaseUrl()) === "pglite") return;
    holder.__factdeskJobWorker ??= appJobQueue().then(async (queue) => {
      await startWorker(queue, jobHandlers(queue), { concurrency: JOB_CONCURRENCY });
      startSweeps(queue);
    });
    await holder.__factdeskJobWorker;
  } catch (error) {
    holder.__factdeskJobWorker = undefined;
    console.error("Background jobs are not running in this process:", error instanceof Error ? error.message : error);
  }
}
