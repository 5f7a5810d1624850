/**
 * Background jobs: one small interface over two durable stores.
 *
 * - PostgreSQL: pg-boss 10 (server/jobs/pg-boss-queue.ts), in its own schema `pgboss`.
 * - SQLite: a table-backed queue (server/jobs/sqlite-queue.ts), table `job_queue` in the app's file.
 *
 * Both give the same guarantees: a job runs at least once (a worker killed
 * mid-job loses its lock when the job's time limit passes, and another worker
 * takes the job again), failures are retried with exponential backoff until
 * the retry limit, then the job is `failed` with its last error. Handlers must
 * therefore be idempotent.
 */
import { dialectOf } from "@/db/client";

export const JOB_NAMES = ["archive-citation", "check-links", "check-link"] as const;
export type JobName = (typeof JOB_NAMES)[number];
export type JobState = "queued" | "running" | "done" | "failed";

export type SendOptions = {
  /** While a queued or running job of this name has the same key, `send` does nothing and returns null. */
  singletonKey?: string;
  startAfterMs?: number;
  /** Retries after the first attempt (default 2: three attempts in all). */
  retryLimit?: number;
  /** Time limit of one attempt; a worker that dies holds the job this long (default: the queue's). */
  timeoutMs?: number;
};

export type JobContext = {
  id: string;
  /** 1 on the first attempt. */
  attempt: number;
  /** Aborted when the attempt runs out of time or the worker stops: pass it on to fetch() and the like. */
  signal: AbortSignal;
};
export type JobHandler = (data: Record<string, unknown>, job: JobContext) => Promise<void>;

export type JobView = { id: string; name: JobName; state: JobState; attempts: number; lastError: string | null; createdAt: Date; runAfter: Date };
export type JobCounts = Record<JobName, Record<JobState, number>>;

export interface JobQueue {
  /** Returns the job's id, or null when a job with the same singleton key is already queued or running. */
  send(name: JobName, data: Record<string, unknown>, options?: SendOptions): Promise<string | null>;
  /** Runs `handler` for jobs of `name`, `concurrency` at a time (default 1), until stop(). */
  work(name: JobName, handler: JobHandler, options?: { concurrency?: number }): Promise<void>;
  get(name: JobName, id: string): Promise<JobView | null>;
  /** Jobs per name and state; done jobs are kept 7 days, failed ones 30. */
  counts(): Promise<JobCounts>;
  /** Stops taking jobs, waits up to `stopGraceMs` for running handlers, then aborts the rest (they are retried), and closes. */
  stop(): Promise<void>;
}

export type QueueOptions = {
  /** How often an idle worker looks for due jobs (default 2000; pg-boss allows 500 at least). Sends in this process wake it at once. */
  pollMs?: number;
  /** The first retry waits this long, each further one twice as long (default 30 s; whole seconds on PostgreSQL). */
  retryDelayMs?: number;
  /** Default time limit of one attempt (default 5 min; whole seconds on PostgreSQL). */
  timeoutMs?: number;
  /** How long stop() waits for running handlers (default 10 s). */
  stopGraceMs?: number;
  /** PostgreSQL: how often pg-boss sweeps for jobs whose worker died (default 60 s). SQLite finds them when it polls. */
  maintenanceMs?: number;
};

export type ResolvedQueueOptions = Required<QueueOptions>;

export const DEFAULT_RETRY_LIMIT = 2;
export const DONE_KEPT_MS = 7 * 24 * 3600_000;
export const FAILED_KEPT_MS = 30 * 24 * 3600_000;

export function emptyCounts(): JobCounts {
  return Object.fromEntries(JOB_NAMES.map((name) => [name, { queued: 0, running: 0, done: 0, failed: 0 }])) as JobCounts;
}

/** Opens the queue that lives in the database at `databaseUrl` (see db/client.ts for the URL forms). */
export async function openJobQueue(databaseUrl: string, options: QueueOptions = {}): Promise<JobQueue> {
  const resolved: ResolvedQueueOptions = { pollMs: 2000, retryDelayMs: 30_000, timeoutMs: 300_000, stopGraceMs: 10_000, maintenanceMs: 60_000, ...options };
  const kind = dialectOf(databaseUrl);
  if (kind === "pglite") {
    // PGlite lives inside one process, so no second worker could ever share it; tests use a real server.
    throw new Error("The job queue needs SQLite or a PostgreSQL server: pglite: databases are not supported.");
  }
  if (kind === "postgres") {
    const { openPgBossQueue } = await import("./pg-boss-queue");
    return openPgBossQueue(databaseUrl, resolved);
  }
  const { openSqliteQueue } = await import("./sqlite-queue");
  return openSqliteQueue(databaseUrl.replace(/^file:/, ""), resolved);
}
