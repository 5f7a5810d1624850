"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { decideClaimAnchor } from "@/db/queries/claim-anchors";
import { addSnapshot } from "@/db/queries/snapshots";
import { blocksSchema, snapshotSourceSchema } from "@/components/import/schema";
import { sanitizeImportedHtml } from "@/server/import/sanitize";
import { action } from "@/server/action";

const id = z.string().min(1).max(64);

const saveVersionSchema = z.object({ articleId: id, basedOnVersionId: id, blocks: blocksSchema, ...snapshotSourceSchema });

/** Saves a previewed new version as a snapshot, re-anchors the claims, then shows the reviewer what happened. */
export const saveVersionAction = action(saveVersionSchema, { permission: "write:desk" }, async (input, user) => {
  const { snapshot } = await addSnapshot({ ...input, sourceHtml: input.sourceHtml ? sanitizeImportedHtml(input.sourceHtml) : null, userId: user.id });
  revalidatePath(`/articles/${input.articleId}`);
  redirect(`/articles/${input.articleId}/versions/${snapshot.number}`);
});

const decisionSchema = z.object({
  claimId: id,
  version: z.int().min(1),
  decision: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("confirm") }),
    z.object({ kind: z.literal("keep_old") }),
    z.object({ kind: z.literal("reattach"), start: z.int().min(0), end: z.int().min(1), exact: z.string().min(1).max(20_000, "Select a shorter passage: a claim is a sentence or two.") }),
  ]),
});

/** Confirms a proposed position, re-attaches a claim to a new selection, or keeps it on the old snapshot. */
export const decideAnchorAction = action(decisionSchema, { permission: "write:desk" }, async (input, user) => {
  const claim = await decideClaimAnchor({ ...input, userId: user.id });
  revalidatePath(`/articles/${claim.articleId}`);
  return { anchorStatus: claim.anchorStatus, versionId: claim.versionId };
});
