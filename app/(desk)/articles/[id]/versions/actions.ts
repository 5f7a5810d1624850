"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { tooLong } from "@/lib/validation/messages";
import { MAX_QUOTE } from "@/lib/validation/claim";
import { decideClaimAnchor } from "@/db/queries/claim-anchors";
import { assertOriginalFileExists } from "@/db/queries/original-files";
import { saveVersionAndReanchorClaims } from "@/db/queries/snapshots";
import { blocksSchema, snapshotSourceSchema } from "@/lib/validation/import";
import { sanitizeImportedHtml } from "@/server/import/sanitize";
import { action } from "@/server/action";
import { idSchema } from "@/lib/validation/ids";

const id = idSchema;

const saveVersionSchema = z.object({ articleId: id, basedOnVersionId: id, blocks: blocksSchema, ...snapshotSourceSchema });

/**
 * Saves a previewed new version as a snapshot, re-anchors the claims, then shows the reviewer what happened.
 * The public page keeps the published snapshot, but the index's verdicts and search count only claims still
 * on it (db/queries/public-visibility.ts): moving a published article's claims on changes what readers see there.
 */
export const saveVersionAction = action(saveVersionSchema, { permission: "write:desk", invalidates: "public" }, async (input, user) => {
  await assertOriginalFileExists(input.originalFileId);
  const { snapshot } = await saveVersionAndReanchorClaims({ ...input, sourceHtml: input.sourceHtml ? sanitizeImportedHtml(input.sourceHtml) : null, userId: user.id });
  revalidatePath(`/articles/${input.articleId}`);
  redirect(`/articles/${input.articleId}/versions/${snapshot.number}`);
});

const decisionSchema = z.object({
  claimId: id,
  version: z.int().min(1),
  decision: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("confirm") }),
    z.object({ kind: z.literal("keep_old") }),
    z.object({ kind: z.literal("reattach"), start: z.int().min(0), end: z.int().min(1), exact: z.string().min(1, "Select some text first.").max(MAX_QUOTE, tooLong("A claim's passage (a sentence or two)", "your selection has")) }),
  ]),
});

/**
 * Confirms a proposed position, re-attaches a claim to a new selection, or keeps it on the old snapshot.
 * Readers see a published claim where they did (decideClaimAnchor refuses otherwise), but keeping it on the
 * published snapshot puts it back in the index's verdicts and in search, as with saveVersionAction.
 */
export const decideAnchorAction = action(decisionSchema, { permission: "write:desk", invalidates: (result: { published: boolean }) => result.published }, async (input, user) => {
  const claim = await decideClaimAnchor({ ...input, userId: user.id });
  revalidatePath(`/articles/${claim.articleId}`);
  return { anchorStatus: claim.anchorStatus, versionId: claim.versionId, published: claim.publishedVerdictId !== null };
});
