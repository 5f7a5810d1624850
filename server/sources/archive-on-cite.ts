import "server-only";
import { appJobQueue } from "@/server/jobs/in-app";
import { queueArchives } from "./source-jobs";

/**
 * After a save that added citations: queue their archive jobs now, so the
 * reviewer sees the quote check within seconds. A failure here loses nothing:
 * the rows stay pending and the worker queues them on its next sweep.
 */
export async function archiveNewCitations(): Promise<void> {
  try {
    await queueArchives(await appJobQueue());
  } catch (error) {
    console.error("[archive] could not queue archive jobs now; the worker will:", error instanceof Error ? error.message : error);
  }
}
