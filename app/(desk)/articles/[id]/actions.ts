"use server";
import { z } from "zod";
import { getWorkspace, type ClaimDetail } from "@/db/queries/claim-details";
import { createClaim, updateClaim } from "@/db/queries/claims";
import { proposeVerdict } from "@/db/queries/verdicts";
import { proposeVerdictSchema } from "@/components/verdicts/schema";
import { MAX_STATEMENT } from "@/components/annotation/claim-rules";
import { action } from "@/lib/server/action";
import { serialize } from "./serialize";

const id = z.string().min(1).max(64);
const statement = z
  .string()
  .trim()
  .min(1, "Write the claim in plain words.")
  .max(MAX_STATEMENT, `Keep the restatement to ${MAX_STATEMENT} characters or fewer.`);

/** The workspace again, in the same serialisable shape the page passes as props (TanStack Query refetches with it). */
export const getWorkspaceAction = action(z.object({ articleId: id }), { permission: "read:desk" }, async ({ articleId }) =>
  serialize(await getWorkspace({ articleId })),
);

const createClaimSchema = z
  .object({
    articleId: id,
    versionId: id,
    start: z.int().min(0),
    end: z.int().min(1),
    exact: z.string().min(1).max(20_000, "Select a shorter passage: a claim is a sentence or two."),
    statement,
  })
  .refine((v) => v.end > v.start, { message: "Select some text first.", path: ["exact"] });

/** Creates a claim from a selection; createClaim re-derives the quote from the stored snapshot and refuses a mismatch. */
export const createClaimAction = action(createClaimSchema, { permission: "write:desk" }, async (input, user) => {
  const claim = await createClaim({ ...input, userId: user.id });
  const detail: ClaimDetail = { ...claim, verdict: null, reviews: [] };
  return serialize(detail);
});

const updateStatementSchema = z.object({ claimId: id, version: z.int().min(1), statement });

/** Edits the plain restatement; a stale `version` is refused with "changed by someone else". */
export const updateClaimStatementAction = action(updateStatementSchema, { permission: "write:desk" }, async (input, user) =>
  serialize(await updateClaim({ id: input.claimId, version: input.version, statement: input.statement, userId: user.id })),
);

const exclusionSchema = z.discriminatedUnion("excluded", [
  z.object({
    claimId: id,
    version: z.int().min(1),
    excluded: z.literal(true),
    reason: z.string().trim().min(1, "Say why this claim is not fact-checkable.").max(500, "Keep the reason to 500 characters or fewer."),
  }),
  z.object({ claimId: id, version: z.int().min(1), excluded: z.literal(false) }),
]);

/** Excludes a claim (not fact-checkable) with a reason, or includes it again. */
export const setClaimExclusionAction = action(exclusionSchema, { permission: "write:desk" }, async (input, user) =>
  serialize(
    await updateClaim({
      id: input.claimId,
      version: input.version,
      excluded: input.excluded ? { reason: input.reason } : null,
      userId: user.id,
    }),
  ),
);

/** Submits a verdict revision for approval, guarded by the claim's version. */
export const proposeVerdictAction = action(proposeVerdictSchema, { permission: "write:desk" }, async (input, user) => {
  const verdict = await proposeVerdict({ ...input, userId: user.id });
  return { verdictId: verdict.id, revision: verdict.revision };
});
