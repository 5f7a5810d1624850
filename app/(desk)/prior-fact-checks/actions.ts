"use server";
import { z } from "zod";
import { getImportBatchKind, undoImportBatch } from "@/db/queries/import-undo";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { importPriorFactChecks } from "@/db/queries/prior-fact-checks";
import { importPriorSchema, previewPriorSchema } from "@/lib/validation/prior-fact-checks";
import { action } from "@/server/action";
import { previewFromFile, previewFromPage, type PriorPreview } from "@/server/interop/prior-import";

/**
 * Prior fact-checks are the desk's own reference (what others already checked): nothing here reaches readers,
 * so no public cache is touched. Editors and admins bring them in and undo imports; every import and undo is
 * audited.
 */

/** Reads the ClaimReviews of a page or a file; nothing is stored. */
export const previewPriorFactChecksAction = action(previewPriorSchema, { permission: "review:verdict" }, async (input): Promise<PriorPreview> =>
  input.source === "url" ? previewFromPage(input.url) : previewFromFile(input.name, input.text),
);

/** Stores the previewed reviews as one import; those already stored are counted, not added again. */
export const importPriorFactChecksAction = action(importPriorSchema, { permission: "review:verdict" }, async (input, user) =>
  importPriorFactChecks({ kind: "claimreview", origin: input.origin, label: input.label, items: input.items, actorId: user.id }),
);

/** Removes everything one import brought in. A Check import created members and claims: only an admin undoes it. */
export const undoImportBatchAction = action(z.object({ batchId: z.string().trim().min(1).max(64) }), { permission: "review:verdict" }, async (input, user) => {
  if ((await getImportBatchKind(input.batchId)) === "check" && !can(user.role, "manage:organisation")) {
    throw new AppError("forbidden:manage:organisation", "Only an admin can undo an import from Check.");
  }
  return undoImportBatch({ batchId: input.batchId, actorId: user.id });
});
