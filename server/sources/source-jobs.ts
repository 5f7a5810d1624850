/**
 * The archive's background work, as jobs on the queue (server/jobs):
 * - "archive-citation": archive one citation's source and check its quote;
 * - "check-links": the daily sweep, which queues one "check-link" per cited
 *   address, spaced per host so no site gets more than one request every
 *   few seconds from us;
 * - "check-link": fetch one address again and record what changed.
 * Pending archive rows are the outbox: `queueArchives` sends a job for each
 * (after a save, and from the worker now and then), and the singleton key
 * keeps a citation from being queued twice. The worker's sweep also puts an
 * archive whose site did not answer back in the outbox, a few times at most,
 * until an editor approves its revision.
 */
import "server-only";
import { z } from "zod";
import { getDatabase } from "@/db/client";
import { pendingArchiveIds, requeueUnreachableArchives } from "@/db/queries/citation-archives";
import { idSchema } from "@/lib/validation/ids";
import type { JobHandler, JobName, JobQueue } from "@/server/jobs/queue";
import { archiveCitation } from "./archive-citation";
import { archivePolicyFromEnv } from "./archive-policy";
import { checkLink, dueLinkChecks } from "./link-check";

const citationJob = z.object({ citationId: idSchema });
const linkJob = z.object({ url: z.string().min(1).max(2048) });

export function sourceJobHandlers(queue: JobQueue): Record<JobName, JobHandler> {
  // Read once, when the worker starts: a mistyped ARCHIVE_* setting stops it there with the reason, not every job later.
  const policy = archivePolicyFromEnv();
  return {
    "archive-citation": async (data) => {
      const { citationId } = citationJob.parse(data);
      // No public cache is dropped: readers get only an archive checked before an editor approved its revision, so one
      // finished now reaches them only through a later approval, and the approval that publishes it drops the caches itself.
      await archiveCitation(await getDatabase(), citationId, policy);
    },
    "check-links": async () => {
      await queueLinkChecks(queue);
    },
    "check-link": async (data) => {
      const { url } = linkJob.parse(data);
      await checkLink(await getDatabase(), url, policy);
    },
  };
}

/** Sends an archive job for every citation still waiting; returns how many were sent (not already queued). */
export async function queueArchives(queue: JobQueue): Promise<number> {
  let sent = 0;
  for (const citationId of await pendingArchiveIds()) {
    if (await queue.send("archive-citation", { citationId }, { singletonKey: citationId })) sent++;
  }
  return sent;
}

/** The worker's sweep: archives whose site did not answer go back in the outbox when due another try, then every pending one is queued. */
export async function sweepArchives(queue: JobQueue, now = new Date()): Promise<number> {
  await requeueUnreachableArchives(now);
  return queueArchives(queue);
}

/** Queues a check of every cited address due one (fetched more than a day ago, unless `olderThanMs` says less), spaced per host. */
export async function queueLinkChecks(queue: JobQueue, options: { olderThanMs?: number } = {}): Promise<number> {
  let sent = 0;
  for (const { url, startAfterMs } of await dueLinkChecks(await getDatabase(), new Date(), options)) {
    if (await queue.send("check-link", { url }, { singletonKey: url, startAfterMs })) sent++;
  }
  return sent;
}
