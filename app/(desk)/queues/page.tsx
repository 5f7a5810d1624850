import type { Metadata } from "next";
import { getQueues } from "@/db/queries/queues";
import { Forbidden } from "@/components/desk/forbidden";
import { can } from "@/lib/permissions";
import { applyQueueFilter, parseQueueParams, QUEUES } from "@/lib/queues";
import { requirePageUser } from "@/server/session";
import { QueueView } from "./_components/queue-view";

export const metadata: Metadata = { title: "Queues" };

/** The desk home: the signed-in person's queues with counts, filters and sorting (all in the URL). */
export default async function QueuesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, allowed } = await requirePageUser("read:desk", "/queues");
  if (!allowed) return <Forbidden what="The desk is for reviewers, editors and admins." />;
  const params = parseQueueParams(await searchParams);
  const queues = await getQueues(user);
  const visible = QUEUES.filter((q) => q !== "awaiting" || can(user.role, "review:verdict"));
  const counts = Object.fromEntries(visible.map((q) => [q, queues[q].length]));
  const queue = visible.includes(params.queue) ? params.queue : "mine";
  return <QueueView queue={queue} queues={visible} counts={counts} filter={params} items={applyQueueFilter([...queues[queue]], params)} total={queues[queue].length} />;
}
