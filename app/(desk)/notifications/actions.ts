"use server";
import { refresh } from "next/cache";
import { z } from "zod";
import { markNotificationsRead } from "@/db/queries/notifications";
import { action } from "@/server/action";
import { idSchema } from "@/lib/validation/ids";

/** Marks some (ids) or all of the caller's own notifications read. */
export const markNotificationsReadAction = action(
  z.object({ ids: z.array(idSchema).max(200).optional() }),
  { permission: "read:desk" },
  async (input, user) => {
    const count = await markNotificationsRead({ userId: user.id, ids: input.ids });
    refresh();
    return { count };
  },
);
