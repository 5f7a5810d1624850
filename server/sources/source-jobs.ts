/**
 * The archive's background work, as jobs on the queue (server/jobs):
 * - "archive-citation": archive one citation's source and check its quote;
 * - "check-links": the daily sweep, which queues one "check-link" per cited
 *   address, spaced per host so no site gets more than one request every
 *   few seconds from us;
 * - "check-link": fetch one address again and record what changed.
 * Pending archive rows are the outbox: `queueArchives` sends a job for each
 * (after a save, and from the worker now and then), and the singleton key
 * keeps a citation from being queued twice.
 */
import "server-only";
import { z } from "zod";
import { getDatabase } from "@/db/client";
import { pendingArchiveIds } from "@/db/queries/citation-archives";
import { citationIsPublished } from "@/db/queries/sources";
import { idSchema } from "@/lib/validation/ids";
import type { JobHandler, JobName, JobQueue } from "@/server/jobs/queue";
import { invalidatePublicData } from "@/server/public-cache";
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
      const database = await getDatabase();
      await archiveCitation(database, citationId, policy);
      // A citation readers already see gains its archive link: their cached pages must show it.
      if (await citationIsPublished(database, citationId)) await invalidatePublicData();
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

/** Queues a check of every cited address due one (fetched more than a day ago, unless `olderThanMs` says less), spaced per host. */
export async function queueLinkChecks(queue: JobQueue, options: { olderThanMs?: number } = {}): Promise<number> {
  let sent = 0;
  for (const { url, startAfterMs } of await dueLinkChecks(await getDatabase(), new Date(), options)) {
    if (await queue.send("check-link", { url }, { singletonKey: url, startAfterMs })) sent++;
  }
  return sent;
}
