/**
 * `npm run worker`: runs background jobs (server/jobs) on DATABASE_URL
 * (default: the SQLite file data/factdesk.db) until SIGINT or SIGTERM, then
 * stops taking jobs and waits up to 10 s for the running ones. Any number may
 * run next to the app and each other; set JOBS_IN_APP=0 for the app when it
 * should leave the jobs to them.
 */
import { defaultDatabaseUrl } from "@/db/client";
import { JOB_CONCURRENCY, jobHandlers, startSweeps } from "@/server/jobs/handlers";
import { openJobQueue } from "@/server/jobs/queue";
import { startWorker } from "@/server/jobs/worker";
import { redactUrl } from "./lib/redact";

async function main(): Promise<void> {
  const url = defaultDatabaseUrl();
  const queue = await openJobQueue(url);
  await startWorker(queue, jobHandlers(queue), { concurrency: JOB_CONCURRENCY });
  startSweeps(queue);
  console.log(`Worker running on ${redactUrl(url)}. Ctrl-C stops it once the running jobs are done (10 s at most).`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    // A second Ctrl-C means now; the cut-short jobs run again once their time limits pass.
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`${signal}: stopping…`);
    queue.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
