/**
 * The job queue on SQLite: one table, `job_queue`, in the app's database
 * file, which this module creates and owns (as pg-boss owns its schema on
 * PostgreSQL), on a connection of its own.
 *
 * A worker claims a job in an IMMEDIATE transaction, so two workers (threads,
 * processes) never take the same one: the oldest due queued job, or a running
 * job whose lock has expired, which is how a job whose worker was killed
 * comes back. The claim counts the attempt and locks the job for its time
 * limit; finishing it is fenced by that attempt number, so a worker that lost
 * its lock cannot overwrite the attempt that took over.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import BetterSqlite from "better-sqlite3";
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

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS job_queue (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    data TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL,
    timeout_ms INTEGER NOT NULL,
    retry_delay_ms INTEGER NOT NULL,
    run_after INTEGER NOT NULL,
    locked_until INTEGER,
    last_error TEXT,
    singleton_key TEXT,
    created_at INTEGER NOT NULL,
    finished_at INTEGER
  );
  CREATE UNIQUE INDEX IF NOT EXISTS job_queue_singleton ON job_queue (name, singleton_key)
    WHERE singleton_key IS NOT NULL AND state IN ('queued', 'running');
  CREATE INDEX IF NOT EXISTS job_queue_due ON job_queue (name, state, run_after);
`;

/** Longest wait between retries, whatever the backoff says. */
const MAX_RETRY_DELAY_MS = 24 * 3600_000;
const PRUNE_EVERY_MS = 3600_000;

/** How long a statement keeps trying while other connections write before it gives up. */
const BUSY_GIVE_UP_MS = 10_000;

/**
 * Runs a statement, waiting (asynchronously) while another connection holds
 * the write lock. SQLite's own busy_timeout waits synchronously: in the app's
 * process that blocks the event loop, so a write transaction the app holds
 * across an await could never finish, and the send would fail after the
 * timeout ("database is locked") having stalled every request meanwhile.
 */
async function whenFree<T>(run: () => T): Promise<T> {
  for (let delay = 2, waited = 0; ; waited += delay, delay = Math.min(delay * 2, 100)) {
    try {
      return run();
    } catch (error) {
      if (!String((error as { code?: string }).code).startsWith("SQLITE_BUSY") || waited > BUSY_GIVE_UP_MS) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

type Row = { id: string; name: JobName; state: JobState; attempts: number; last_error: string | null; created_at: number; run_after: number };
type Claimed = { id: string; data: Record<string, unknown>; attempts: number; timeoutMs: number };

export function openSqliteQueue(file: string, options: ResolvedQueueOptions): JobQueue {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const conn = new BetterSqlite(file);
  conn.pragma("journal_mode = WAL");
  // No waiting inside SQLite: whenFree() below waits without blocking the event loop.
  conn.pragma("busy_timeout = 0");
  conn.pragma("synchronous = NORMAL");
  conn.exec(SCHEMA);

  const insert = conn.prepare(`
    INSERT INTO job_queue (id, name, data, state, max_attempts, timeout_ms, retry_delay_ms, run_after, singleton_key, created_at)
    VALUES (@id, @name, @data, 'queued', @maxAttempts, @timeoutMs, @retryDelayMs, @runAfter, @key, @now)
    ON CONFLICT DO NOTHING`);
  // A job whose last allowed attempt lost its lock will not be tried again.
  const failSpent = conn.prepare(`
    UPDATE job_queue SET state = 'failed', finished_at = @now, locked_until = NULL, last_error = @lost
    WHERE name = @name AND state = 'running' AND locked_until < @now AND attempts >= max_attempts`);
  const pickDue = conn.prepare(`
    SELECT id, data, attempts, timeout_ms FROM job_queue
    WHERE name = @name AND ((state = 'queued' AND run_after <= @now) OR (state = 'running' AND locked_until < @now))
    ORDER BY created_at, rowid LIMIT 1`);
  const markRunning = conn.prepare(`
    UPDATE job_queue SET state = 'running', attempts = attempts + 1, locked_until = @now + timeout_ms,
      last_error = CASE WHEN state = 'running' THEN @lost ELSE last_error END
    WHERE id = @id`);
  const markDone = conn.prepare(`
    UPDATE job_queue SET state = 'done', finished_at = @now, locked_until = NULL, last_error = NULL
    WHERE id = @id AND state = 'running' AND attempts = @attempts`);
  const markFailed = conn.prepare(`
    UPDATE job_queue SET
      state = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
      finished_at = CASE WHEN attempts >= max_attempts THEN @now END,
      run_after = CASE WHEN attempts >= max_attempts THEN run_after
        ELSE @now + MIN(retry_delay_ms * (1 << MIN(attempts - 1, 20)), ${MAX_RETRY_DELAY_MS}) END,
      locked_until = NULL, last_error = @error
    WHERE id = @id AND state = 'running' AND attempts = @attempts`);
  const prune = conn.prepare(`
    DELETE FROM job_queue WHERE (state = 'done' AND finished_at < @now - ${DONE_KEPT_MS}) OR (state = 'failed' AND finished_at < @now - ${FAILED_KEPT_MS})`);
  const selectJob = conn.prepare(`SELECT id, name, state, attempts, last_error, created_at, run_after FROM job_queue WHERE name = @name AND id = @id`);
  const countStates = conn.prepare(`SELECT name, state, count(*) AS n FROM job_queue GROUP BY name, state`);

  const claim = conn.transaction((name: JobName, now: number): Claimed | undefined => {
    failSpent.run({ name, now, lost: LOST_ERROR });
    const row = pickDue.get({ name, now }) as { id: string; data: string; attempts: number; timeout_ms: number } | undefined;
    if (!row) return undefined;
    markRunning.run({ id: row.id, now, lost: LOST_ERROR });
    return { id: row.id, data: JSON.parse(row.data) as Record<string, unknown>, attempts: row.attempts + 1, timeoutMs: row.timeout_ms };
  });

  let stopping = false;
  let lastPrune = 0;
  const loops: Promise<void>[] = [];
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  const sleepers = new Set<{ name: JobName; wake: () => void }>();

  const wake = (name?: JobName) => {
    for (const sleeper of sleepers) if (!name || sleeper.name === name) sleeper.wake();
  };
  const idle = (name: JobName) =>
    new Promise<void>((resolve) => {
      const sleeper = {
        name,
        wake: () => {
          clearTimeout(timer);
          sleepers.delete(sleeper);
          resolve();
        },
      };
      const timer = setTimeout(sleeper.wake, options.pollMs);
      sleepers.add(sleeper);
    });

  const pruneNow = async (now: number) => {
    if (now - lastPrune < PRUNE_EVERY_MS) return;
    lastPrune = now;
    await whenFree(() => prune.run({ now }));
  };

  async function runJob(job: Claimed, handler: JobHandler): Promise<void> {
    const controller = new AbortController();
    const attempt = runAttempt(handler, job.data, { id: job.id, attempt: job.attempts }, job.timeoutMs, controller);
    const done = attempt.then(
      async () => void (await whenFree(() => markDone.run({ id: job.id, attempts: job.attempts, now: Date.now() }))),
      async (error: unknown) => void (await whenFree(() => markFailed.run({ id: job.id, attempts: job.attempts, now: Date.now(), error: errorText(error) }))),
    );
    running.set(job.id, { controller, done });
    try {
      await done;
    } finally {
      running.delete(job.id);
    }
  }

  async function loop(name: JobName, handler: JobHandler): Promise<void> {
    while (!stopping) {
      try {
        const now = Date.now();
        await pruneNow(now);
        const job = await whenFree(() => claim.immediate(name, now));
        if (job) await runJob(job, handler);
        else await idle(name);
      } catch (error) {
        // The database was busy past busy_timeout, or the disk failed: try again at the next poll.
        console.error(`[jobs] ${name}: ${errorText(error)}`);
        if (!stopping) await idle(name);
      }
    }
  }

  return {
    async send(name: JobName, data: Record<string, unknown>, opts: SendOptions = {}) {
      if (stopping) throw new Error("The job queue is stopped.");
      const now = Date.now();
      const id = randomUUID();
      const { changes } = await whenFree(() => insert.run({
        id,
        name,
        data: JSON.stringify(data),
        maxAttempts: (opts.retryLimit ?? DEFAULT_RETRY_LIMIT) + 1,
        timeoutMs: Math.max(1, Math.round(opts.timeoutMs ?? options.timeoutMs)),
        retryDelayMs: options.retryDelayMs,
        runAfter: now + Math.max(0, opts.startAfterMs ?? 0),
        key: opts.singletonKey ?? null,
        now,
      }));
      if (changes === 0) return null;
      if (!opts.startAfterMs) wake(name);
      return id;
    },

    async work(name: JobName, handler: JobHandler, opts: { concurrency?: number } = {}) {
      if (stopping) throw new Error("The job queue is stopped.");
      for (let i = 0; i < Math.max(1, opts.concurrency ?? 1); i++) loops.push(loop(name, handler));
    },

    async get(name: JobName, id: string): Promise<JobView | null> {
      const row = selectJob.get({ name, id }) as Row | undefined;
      if (!row) return null;
      return { id: row.id, name: row.name, state: row.state, attempts: row.attempts, lastError: row.last_error, createdAt: new Date(row.created_at), runAfter: new Date(row.run_after) };
    },

    async counts() {
      const counts = emptyCounts();
      for (const row of countStates.all() as { name: JobName; state: JobState; n: number }[]) {
        if ((JOB_NAMES as readonly string[]).includes(row.name)) counts[row.name][row.state] = row.n;
      }
      return counts;
    },

    async stop() {
      if (stopping) return;
      stopping = true;
      wake();
      const settled = Promise.allSettled([...running.values()].map((r) => r.done));
      let grace: NodeJS.Timeout | undefined;
      await Promise.race([settled, new Promise((resolve) => (grace = setTimeout(resolve, options.stopGraceMs)))]);
      clearTimeout(grace);
      // Past the grace period: the attempts end as failed (so they are retried soon) instead of waiting for their locks to expire.
      for (const { controller } of running.values()) controller.abort(new Error("the worker stopped"));
      await Promise.allSettled(loops);
      conn.close();
    },
  };
}
