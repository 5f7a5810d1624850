/**
 * The job queue on PostgreSQL: pg-boss 10, which keeps its tables in its own
 * schema (`pgboss`, created by start()), takes jobs with SKIP LOCKED, and
 * fails an active job whose time limit has passed (its worker died) at its
 * next maintenance run, which retries it.
 *
 * Two things pg-boss 10 does not do the way this interface promises, done here:
 * - A singleton key alone dedupes nothing on a "standard" queue (the other
 *   policies dedupe per queue, keyless jobs included). `send` checks for a
 *   queued or running job with the key under an advisory lock instead, on a
 *   small postgres.js pool of its own.
 * - Job counts per state are read from its job table (the count API is not in
 *   its types); completed jobs are archived after 7 days, failed ones after 30,
 *   so counts cover those periods as on SQLite.
 */
import PgBoss from "pg-boss";
import postgres from "postgres";
import { errorText, LOST_ERROR, runAttempt } from "./attempt";
import {
  DEFAULT_RETRY_LIMIT,
  DONE_KEPT_MS,
  emptyCounts,
  FAILED_KEPT_MS,
  JOB_NAMES,
  type JobHandler,
  type JobName,
  type JobQueue,
  type JobState,
  type JobView,
  type ResolvedQueueOptions,
  type SendOptions,
} from "./queue";

const STATES: Record<string, JobState> = { created: "queued", retry: "queued", active: "running", completed: "done", failed: "failed", cancelled: "failed" };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** pg-boss's own failure messages, worded as the SQLite queue words them. */
const OWN_MESSAGES: Record<string, string> = { "job failed by timeout in active state": LOST_ERROR, "pg-boss shut down while active": "the worker stopped" };

/** pg-boss stores a failure as a serialized Error, or as `{ value }` for its own messages (expiry, shutdown). */
function failureText(output: unknown): string | null {
  if (!output || typeof output !== "object") return null;
  const { message, value } = output as { message?: unknown; value?: unknown };
  const inner = value && typeof value === "object" ? (value as { message?: unknown }).message : value;
  const text = typeof message === "string" ? message : typeof inner === "string" ? inner : JSON.stringify(output);
  return OWN_MESSAGES[text] ?? text;
}

export async function openPgBossQueue(url: string, options: ResolvedQueueOptions): Promise<JobQueue> {
  const boss = new PgBoss({
    connectionString: url,
    max: 4,
    // No cron schedules: the daily link check reschedules itself (server/jobs/worker.ts).
    schedule: false,
    maintenanceIntervalSeconds: Math.max(1, Math.round(options.maintenanceMs / 1000)),
    archiveCompletedAfterSeconds: DONE_KEPT_MS / 1000,
    archiveFailedAfterSeconds: FAILED_KEPT_MS / 1000,
    deleteAfterDays: 1,
  });
  // An EventEmitter "error" without a listener would crash the process; pg-boss reports lost connections this way.
  boss.on("error", (error) => console.error(`[jobs] pg-boss: ${errorText(error)}`));
  await boss.start();
  for (const name of JOB_NAMES) await boss.createQueue(name);
  const sql = postgres(url, { max: 2, onnotice: () => {} });

  let stopping = false;
  const workerIds = new Map<JobName, string[]>();
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  const notify = (name: JobName) => {
    for (const id of workerIds.get(name) ?? []) boss.notifyWorker(id);
  };

  async function waitForRunning(ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    // A worker may still be fetching when it is told to stop, and start one more job: look again until none is left.
    while (running.size && Date.now() < deadline) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled([...running.values()].map((r) => r.done)), new Promise((resolve) => (timer = setTimeout(resolve, deadline - Date.now())))]);
      clearTimeout(timer);
    }
  }

  return {
    async send(name: JobName, data: Record<string, unknown>, opts: SendOptions = {}) {
      if (stopping) throw new Error("The job queue is stopped.");
      const sendOptions: PgBoss.SendOptions = {
        retryLimit: opts.retryLimit ?? DEFAULT_RETRY_LIMIT,
        retryDelay: Math.max(1, Math.round(options.retryDelayMs / 1000)),
        retryBackoff: true,
        expireInSeconds: Math.max(1, Math.ceil((opts.timeoutMs ?? options.timeoutMs) / 1000)),
        // Seconds from the database's clock, not a date from ours.
        ...(opts.startAfterMs && opts.startAfterMs > 0 ? { startAfter: opts.startAfterMs / 1000 } : {}),
      };
      const key = opts.singletonKey;
      const id =
        key === undefined
          ? await boss.send(name, data, sendOptions)
          : await sql.begin(async (tx) => {
              // Held until this transaction ends, after pg-boss has committed the job on its own connection.
              await tx`select pg_advisory_xact_lock(hashtextextended(${`factdesk-job:${name}:${key}`}, 0))`;
              const [queued] = await tx`select 1 from pgboss.job where name = ${name} and singleton_key = ${key} and state < 'completed' limit 1`;
              return queued ? null : boss.send(name, data, { ...sendOptions, singletonKey: key });
            });
      if (id && !sendOptions.startAfter) notify(name);
      return id;
    },

    async work(name: JobName, handler: JobHandler, opts: { concurrency?: number } = {}) {
      if (stopping) throw new Error("The job queue is stopped.");
      for (let i = 0; i < Math.max(1, opts.concurrency ?? 1); i++) {
        const workerId: string = await boss.work<Record<string, unknown>>(
          name,
          { pollingIntervalSeconds: Math.max(0.5, options.pollMs / 1000), batchSize: 1, includeMetadata: true },
          async ([job]) => {
            if (!job) return;
            const controller = new AbortController();
            const attempt = runAttempt(handler, job.data ?? {}, { id: job.id, attempt: job.retryCount + 1 }, Number(job.expireInSeconds) * 1000, controller);
            const done = attempt.catch(() => undefined);
            running.set(job.id, { controller, done });
            try {
              // Resolving completes the job and throwing fails it (pg-boss retries it or marks it failed).
              await attempt;
            } finally {
              running.delete(job.id);
              // Fetch the next job now instead of after a polling interval.
              if (!stopping) boss.notifyWorker(workerId);
            }
          },
        );
        workerIds.set(name, [...(workerIds.get(name) ?? []), workerId]);
      }
    },

    async get(name: JobName, id: string): Promise<JobView | null> {
      if (!UUID.test(id)) return null;
      const job = await boss.getJobById<Record<string, unknown>>(name, id, { includeArchive: true });
      if (!job) return null;
      return {
        id: job.id,
        name,
        state: STATES[job.state] ?? "failed",
        attempts: job.startedOn ? job.retryCount + 1 : 0,
        lastError: job.state === "completed" ? null : failureText(job.output),
        createdAt: new Date(job.createdOn),
        runAfter: new Date(job.startAfter),
      };
    },

    async counts() {
      const counts = emptyCounts();
      const rows = await sql<{ name: JobName; state: string; n: number }[]>`
        select name, state::text as state, count(*)::int as n from pgboss.job where name in ${sql([...JOB_NAMES])} group by name, state`;
      for (const row of rows) counts[row.name][STATES[row.state] ?? "failed"] += row.n;
      return counts;
    },

    async stop() {
      if (stopping) return;
      stopping = true;
      const started = Date.now();
      for (const ids of workerIds.values()) for (const id of ids) await boss.offWork({ id });
      await waitForRunning(options.stopGraceMs);
      // Past the grace period: the attempts end as failed, so they are retried soon instead of when they expire.
      for (const { controller } of running.values()) controller.abort(new Error("the worker stopped"));
      await waitForRunning(1000);
      await boss.stop({ graceful: true, wait: true, timeout: Math.max(1000, options.stopGraceMs - (Date.now() - started)) });
      await sql.end({ timeout: 5 });
    },
  };
}
