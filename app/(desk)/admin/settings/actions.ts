"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { updateApprovalQuorum } from "@/db/queries/settings";
import { action } from "@/lib/server/action";
import { invalidatePublicData } from "@/lib/server/public-cache";

const schema = z.object({
  approvalQuorum: z.coerce.number().int("Use a whole number.").min(1, "At least one editor must approve.").max(5, "At most 5 approvals."),
  version: z.coerce.number().int().min(0),
});

/** Changes how many editors must approve a verdict; a stale version is refused. */
export const updateSettingsAction = action(schema, { permission: "manage:organisation" }, async (input, user) => {
  const result = await updateApprovalQuorum({ quorum: input.approvalQuorum, version: input.version, actorId: user.id });
  revalidatePath("/", "layout");
  if (result.publicChanged) invalidatePublicData();
  return result;
});
