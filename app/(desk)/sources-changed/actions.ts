"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { resolveSourceChange } from "@/db/queries/source-changes";
import { idSchema } from "@/lib/validation/ids";
import { action } from "@/server/action";
import { appJobQueue } from "@/server/jobs/in-app";
import { queueLinkChecks } from "@/server/sources/source-jobs";

/** Marks a link-check finding as seen: a reviewer looked and decided (a correction goes through the verdict, as always). */
export const resolveSourceChangeAction = action(z.object({ id: idSchema }), { permission: "write:desk" }, async ({ id }, user) => {
  await resolveSourceChange(id, user.id);
  revalidatePath("/sources-changed");
  return { resolved: true };
});

/** Operators: check every cited address now instead of at the daily run (still one request per host every few seconds; an address already queued is not queued twice). */
export const checkLinksNowAction = action(z.object({}), { permission: "manage:organisation" }, async () => {
  const queued = await queueLinkChecks(await appJobQueue(), { olderThanMs: 0 });
  revalidatePath("/sources-changed");
  return { queued };
});
