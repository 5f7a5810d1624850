"use server";
import { refresh, revalidatePath } from "next/cache";
import { z } from "zod";
import { updateApprovalQuorum, updateLanguage, updateSsoOnly, updateSuggestionThreshold } from "@/db/queries/settings";
import { languageTag } from "@/lib/validation/language";
import { oidcEnabled } from "@/server/env";
import { AppError } from "@/lib/errors";
import { action } from "@/server/action";

const schema = z.object({
  approvalQuorum: z.coerce.number().int("Use a whole number.").min(1, "At least one editor must approve.").max(5, "At most 5 editors can be required to approve."),
  version: z.coerce.number().int().min(0),
});

/** Changes how many editors must approve a verdict; a stale version is refused. A lowered quorum can approve a correction readers see. */
export const updateSettingsAction = action(schema, { permission: "manage:organisation", invalidates: (result: { publicChanged: boolean }) => result.publicChanged }, async (input, user) => {
  const result = await updateApprovalQuorum({ quorum: input.approvalQuorum, version: input.version, actorId: user.id });
  refresh();
  return result;
});

/**
 * "Single sign-on only": password sign-in is refused for everyone but admins (their break-glass way
 * in when the provider is down). Only switched on while single sign-on is set up, or no one else could sign in.
 */
export const updateSsoOnlyAction = action(z.object({ ssoOnly: z.boolean(), version: z.coerce.number().int().min(0) }), { permission: "manage:organisation" }, async (input, user) => {
  if (input.ssoOnly && !oidcEnabled()) throw new AppError("invalid:settings", "Single sign-on is not set up (AUTH_OIDC_* settings), so it cannot be the only way in.");
  const result = await updateSsoOnly({ ssoOnly: input.ssoOnly, version: input.version, actorId: user.id });
  revalidatePath("/admin/settings");
  return result;
});

/**
 * The language the organisation writes its fact-checks in. Readers' machines see it (ClaimReview's inLanguage,
 * the feeds), so every saved change invalidates the public pages; it is audited like every setting.
 */
export const updateLanguageAction = action(z.object({ language: languageTag, version: z.coerce.number().int().min(0) }), { permission: "manage:organisation", invalidates: "public" }, async (input, user) => {
  const result = await updateLanguage({ language: input.language, version: input.version, actorId: user.id });
  revalidatePath("/admin/settings");
  return result;
});

/**
 * The score from which the workspace suggests a sentence as check-worthy, in percent (null: the shipped threshold).
 * Desk-only: suggestions never reach readers.
 */
export const updateSuggestionThresholdAction = action(
  z.object({ percent: z.number({ error: "Enter a whole number from 1 to 99, or leave it empty." }).int("Use a whole number.").min(1, "At least 1 %.").max(99, "At most 99 %.").nullable(), version: z.coerce.number().int().min(0) }),
  { permission: "manage:organisation" },
  async (input, user) => {
    const result = await updateSuggestionThreshold({ threshold: input.percent === null ? null : input.percent / 100, version: input.version, actorId: user.id });
    revalidatePath("/admin/settings");
    return result;
  },
);
