"use server";
import { z } from "zod";
import { archiveNewCitations } from "@/server/sources/archive-on-cite";
import { tooLong } from "@/lib/validation/messages";
import { getWorkspace, loadClaimDetails, type ClaimDetail } from "@/db/queries/claim-details";
import { createClaim, getClaimByIdOrThrow, updateClaim, type Claim } from "@/db/queries/claims";
import { proposeVerdict } from "@/db/queries/verdicts";
import { proposeVerdictSchema } from "@/lib/validation/verdict";
import { MAX_QUOTE, MAX_STATEMENT } from "@/lib/validation/claim";
import { CLAIMANT_KINDS, MAX_CLAIMANT_NAME, MAX_CLAIMANT_ROLE } from "@/lib/claimant";
import { httpUrlOrNull, isoDate } from "@/lib/claimreview";
import { action } from "@/server/action";
import { idempotencyKeyField } from "@/lib/submission-key";
import { serialize } from "./serialize";
import { idSchema } from "@/lib/validation/ids";

const id = idSchema;
const statement = z
  .string()
  .trim()
  .min(1, "Write the claim in plain words.")
  .max(MAX_STATEMENT, tooLong("The restatement"));

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
    exact: z.string().min(1, "Select some text first.").max(MAX_QUOTE, tooLong("A claim's passage (a sentence or two)", "your selection has")),
    statement,
    idempotencyKey: idempotencyKeyField,
  })
  .refine((v) => v.end > v.start, { message: "Select some text first.", path: ["exact"] });

/**
 * Creates a claim from a selection; createClaim re-derives the quote from the stored snapshot and refuses a mismatch.
 * A retry with the same idempotency key answers with the first claim.
 */
export const createClaimAction = action(createClaimSchema, { permission: "write:desk" }, async (input, user) => {
  const claim = await createClaim({ ...input, userId: user.id });
  const detail: ClaimDetail = { ...claim, verdict: null, reviews: [] };
  return serialize(detail);
});

/**
 * A changed claim as the workspace shows it (verdict, citations, reviews): the
 * client puts it straight into its cache, so a write needs no refetch of the
 * whole workspace and no re-render of the page. Other reviewers see the change
 * through the change stamp (live-updates.ts).
 */
async function detailOf(claim: Claim): Promise<ClaimDetail> {
  return (await loadClaimDetails([claim]))[0]!;
}

const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong(what))
    .transform((v) => v || null)
    .nullish();

const correctionNote = optionalText(1000, "The correction note");

const claimantSchema = z.object({
  claimantName: optionalText(MAX_CLAIMANT_NAME, "The claimant's name"),
  claimantKind: z.enum(CLAIMANT_KINDS, "Choose a person or an organisation."),
  claimantRole: optionalText(MAX_CLAIMANT_ROLE, "The claimant's role"),
  appearanceUrl: optionalText(2000, "A web address").refine((v) => !v || httpUrlOrNull(v) !== null, "Give a full web address starting with https:// or http://."),
  appearanceDate: optionalText(10, "A date").refine((v) => !v || isoDate(v) === v, "Give the date as YYYY-MM-DD."),
});

const updateClaimSchema = z.object({ claimId: id, version: z.int().min(1), statement: statement.optional(), claimant: claimantSchema.optional(), correctionNote });

/**
 * Edits the plain restatement and/or the claimant; a stale `version` is refused with "changed by someone else".
 * Once the claim has a verdict the change is a new revision for an editor to approve (see updateClaim).
 * Readers keep the published revision, but public search finds a published claim by its statement only while
 * the editable statement is the published one (db/queries/public-visibility.ts): editing it changes search
 * results. Any edit of a published claim invalidates (edits before publication, the common case, do not).
 */
const onPublishedFactCheck = (claim: { publishedVerdictId: string | null }) => claim.publishedVerdictId !== null;

export const updateClaimAction = action(updateClaimSchema, { permission: "write:desk", invalidates: onPublishedFactCheck }, async (input, user) => {
  const claimant = input.claimant && { ...input.claimant, claimantName: input.claimant.claimantName ?? null, claimantRole: input.claimant.claimantRole ?? null, appearanceUrl: input.claimant.appearanceUrl ?? null, appearanceDate: input.claimant.appearanceDate ?? null };
  return serialize(await detailOf(await updateClaim({ id: input.claimId, version: input.version, statement: input.statement, claimant, correctionNote: input.correctionNote, userId: user.id })));
});

const exclusionSchema = z.discriminatedUnion("excluded", [
  z.object({
    claimId: id,
    version: z.int().min(1),
    excluded: z.literal(true),
    reason: z.string().trim().min(1, "Say why this claim is not fact-checkable.").max(500, tooLong("The reason")),
    correctionNote,
  }),
  z.object({ claimId: id, version: z.int().min(1), excluded: z.literal(false), correctionNote }),
]);

/** Excludes a claim (not fact-checkable) with a reason, or includes it again; on a published fact-check, through an approved revision. */
export const setClaimExclusionAction = action(exclusionSchema, { permission: "write:desk" }, async (input, user) =>
  serialize(
    await detailOf(
      await updateClaim({
        id: input.claimId,
        version: input.version,
        excluded: input.excluded ? { reason: input.reason } : null,
        correctionNote: input.correctionNote,
        userId: user.id,
      }),
    ),
  ),
);

/**
 * Submits a verdict revision for approval, guarded by the claim's version; a retry with the same idempotency key answers
 * with the first revision. Answers with the claim as it now stands (new version, status and verdict) for the workspace cache.
 */
export const proposeVerdictAction = action(proposeVerdictSchema.extend({ idempotencyKey: idempotencyKeyField }), { permission: "write:desk" }, async (input, user) => {
  const verdict = await proposeVerdict({ ...input, userId: user.id });
  await archiveNewCitations();
  const claim = await detailOf(await getClaimByIdOrThrow({ id: input.claimId }));
  return { verdictId: verdict.id, revision: verdict.revision, claim: serialize(claim) };
});
