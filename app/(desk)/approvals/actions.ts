"use server";
import { z } from "zod";
import { tooLong } from "@/lib/validation/messages";
import { reviewVerdict } from "@/db/queries/reviews";
import { action } from "@/server/action";
import { idSchema } from "@/lib/validation/ids";
import { REVIEW_DECISIONS } from "@/lib/workflow";

const reviewSchema = z.object({
  verdictId: idSchema,
  decision: z.enum(REVIEW_DECISIONS),
  comment: z.string().max(5000, tooLong("The comment")).default(""),
  publicationCheck: z
    .object({
      summary: z.string().trim().min(1, "Write a short summary for readers.").max(1000, tooLong("The summary")),
      headlineRatingId: z.string().max(64).nullable(),
      version: z.int().min(1),
    })
    .nullish(),
});

/**
 * Approve or request changes. The two-person rule and quorum are enforced in reviewVerdict.
 * An approval can change a published page (a correction goes live).
 */
export const reviewVerdictAction = action(reviewSchema, { permission: "review:verdict", invalidates: (result: { publicChanged: boolean }) => result.publicChanged }, async (input, user) => {
  const result = await reviewVerdict({ ...input, editorId: user.id });
  // No revalidatePath: it would render the whole queue into this answer. The card updates itself and refreshes the page
  // in the background (components/approvals/review-decision.tsx); the workspace learns of it through its change stamp.
  return { claimStatus: result.claimStatus, publicChanged: result.publicChanged };
});
