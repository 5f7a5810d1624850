import type { JobHandler } from "./queue";

/**
 * Runs one attempt of a job with a time limit. JavaScript cannot stop a
 * handler from outside, so when the limit passes (or the worker stops and
 * aborts `controller`) the attempt ends as failed at once and the handler's
 * signal is aborted; a handler that ignores its signal runs on, unobserved,
 * while the job is retried.
 */
export async function runAttempt(
  handler: JobHandler,
  data: Record<string, unknown>,
  job: { id: string; attempt: number },
  timeoutMs: number,
  controller: AbortController,
): Promise<void> {
  const { signal } = controller;
  const ended = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
  // Either promise may settle after the race is decided; neither may become an unhandled rejection.
  ended.catch(() => undefined);
  const running = Promise.resolve().then(() => handler(data, { ...job, signal }));
  running.catch(() => undefined);
  const timer = setTimeout(() => controller.abort(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs);
  try {
    await Promise.race([running, ended]);
  } finally {
    clearTimeout(timer);
  }
}

/** The last error of a job whose lock expired: its worker died, or the attempt overran without the process noticing. */
export const LOST_ERROR = "the worker stopped, or the attempt ran past its time limit";

/** What a failed attempt records as the job's last error. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.slice(0, 2000);
}
