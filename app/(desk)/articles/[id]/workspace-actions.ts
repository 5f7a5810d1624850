"use server";
import { z } from "zod";
import { archiveNewCitations } from "@/server/sources/archive-on-cite";
import { linkClaims, unlinkClaims } from "@/db/queries/claim-links";
import { findClaimMatches } from "@/db/queries/claim-matches";
import { getClaimByIdOrThrow } from "@/db/queries/claims";
import { findPriorMatches } from "@/db/queries/earlier-checks";
import { dismissSuggestion } from "@/db/queries/suggestions";
import { action } from "@/server/action";
import { serialize } from "./serialize";
import { idSchema } from "@/lib/validation/ids";

/**
 * Server actions for the workspace's newer tools: claim matches across
 * articles and check-worthy suggestions. (Claims and verdicts: ./actions.ts.)
 */
const id = idSchema;

/** Earlier claims from other articles that say the same thing, ranked, with verdicts and citations. */
export const findClaimMatchesAction = action(z.object({ claimId: id }), { permission: "read:desk" }, async ({ claimId }) =>
  serialize(await findClaimMatches({ claimId })),
);

/** Fact-checks made before, elsewhere (imported ClaimReview and Check reports) that say what this claim says. */
export const findEarlierChecksAction = action(z.object({ claimId: id }), { permission: "read:desk" }, async ({ claimId }) => {
  const claim = await getClaimByIdOrThrow({ id: claimId });
  return serialize(await findPriorMatches({ query: { statement: claim.statement, exact: claim.exact, claimant: claim.claimantName } }));
});

const linkSchema = z.object({ claimId: id, claimVersion: z.int().min(1), matchedClaimId: id, reuse: z.boolean() });

/** Records that two claims say the same thing; with `reuse`, copies the matched verdict and citations as a new proposal. */
export const linkClaimAction = action(linkSchema, { permission: "write:desk" }, async (input, user) => {
  const link = await linkClaims({ ...input, userId: user.id });
  // Reused citations are this claim's own now: each is archived and its quote checked again.
  if (input.reuse) await archiveNewCitations();
  return serialize(link);
});

/** Undoes a link (the audit trail keeps both events). */
export const unlinkClaimAction = action(z.object({ linkId: id }), { permission: "write:desk" }, async ({ linkId }, user) =>
  serialize(await unlinkClaims({ linkId, userId: user.id })),
);

const dismissSchema = z
  .object({ articleId: id, versionId: id, start: z.int().min(0).max(10_000_000), end: z.int().min(1).max(10_000_000) })
  .refine((v) => v.end > v.start, { message: "That suggestion has no text.", path: ["end"] });

/** Hides a check-worthy suggestion for everyone working on the article. */
export const dismissSuggestionAction = action(dismissSchema, { permission: "write:desk" }, async (input, user) =>
  serialize(await dismissSuggestion({ ...input, userId: user.id })),
);
