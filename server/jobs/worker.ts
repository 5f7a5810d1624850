/**
 * A worker: the handler of every job name registered on one queue, and the
 * daily link check kept scheduled.
 *
 * The daily check is a "check-links" job whose singleton key names its day
 * (`daily:2025-01-31`), due at DAILY_HOUR_UTC. Every worker sends the next one
 * when it starts, and each run sends the one after it before doing its work,
 * so a failed or killed run still leaves tomorrow's scheduled. A key per day
 * rather than one fixed key: the run's own job is still running when it sends
 * the next one, and a fixed key would make that send a no-op. Workers
 * starting at once, or a run and a starting worker, name the same day and so
 * the same job.
 */
import { errorText } from "./attempt";
import { JOB_NAMES, type JobHandler, type JobName, type JobQueue } from "./queue";

const DAY_MS = 24 * 3600_000;

export type WorkerOptions = {
  /** Hour of the day (UTC) the daily link check is due (default 3). */
  dailyHourUtc?: number;
  /** Jobs of one name run at the same time, per name (default 1 each). */
  concurrency?: Partial<Record<JobName, number>>;
};

/** The first daily slot strictly after `after`. */
export function nextDailySlot(after: number, hourUtc: number): Date {
  const day = new Date(after);
  const slot = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hourUtc);
  return new Date(slot > after ? slot : slot + DAY_MS);
}

async function scheduleDailyCheck(queue: JobQueue, after: number, hourUtc: number): Promise<void> {
  const slot = nextDailySlot(after, hourUtc);
  await queue.send("check-links", { slot: slot.toISOString() }, { singletonKey: `daily:${slot.toISOString().slice(0, 10)}`, startAfterMs: Math.max(0, slot.getTime() - Date.now()) });
}

/** Registers `handlers` on `queue` and schedules the daily link check. Stop it with queue.stop(). */
export async function startWorker(queue: JobQueue, handlers: Record<JobName, JobHandler>, options: WorkerOptions = {}): Promise<void> {
  const hourUtc = options.dailyHourUtc ?? 3;
  for (const name of JOB_NAMES) {
    const handler = handlers[name];
    const run: JobHandler = async (data, job) => {
      if (name === "check-links" && typeof data.slot === "string") {
        // From this run's own slot, not the clock: a run the database started a moment early must not name its own day again.
        await scheduleDailyCheck(queue, Math.max(Date.now(), Date.parse(data.slot)), hourUtc);
      }
      try {
        await handler(data, job);
      } catch (error) {
        console.error(`[jobs] ${name} ${job.id} attempt ${job.attempt} failed: ${errorText(error)}`);
        throw error;
      }
    };
    await queue.work(name, run, { concurrency: options.concurrency?.[name] });
  }
  await scheduleDailyCheck(queue, Date.now(), hourUtc);
}
