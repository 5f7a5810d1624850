import "server-only";
import { and, eq } from "drizzle-orm";
import { SUGGESTION_THRESHOLD } from "@/lib/check-worthy";
import { AppError, staleVersion } from "@/lib/errors";
import { getDatabase, type Db } from "../client";
import { refreshArticleStatus } from "./articles";
import { recordAudit } from "./audit";
import { approveRevision, getPublicationOfArticle } from "./claim-revisions";
import { notify } from "./notifications";
import { selectClaimForUpdate } from "./row-locks";

/** Organisation settings with their defaults; stored values override them. */
export const SETTING_DEFAULTS = {
  organisationName: "Factdesk",
  approvalQuorum: "1",
  /** "1": people sign in through single sign-on only; admins keep their passwords (a way in when the provider is down). */
  ssoOnly: "0",
  /** BCP 47 tag of the language the organisation writes its fact-checks in: ClaimReview's inLanguage, the feeds' language. */
  language: "en",
  /** Score (0..1) from which a sentence is suggested as check-worthy; "" = the model's shipped threshold (lib/check-worthy). */
  suggestionThreshold: "",
} as const;
export type SettingKey = keyof typeof SETTING_DEFAULTS;

export async function getSetting(key: SettingKey, q?: Db): Promise<string> {
  const { db, t } = await getDatabase();
  const [row] = await (q ?? db).select().from(t.settings).where(eq(t.settings.key, key));
  return row?.value ?? SETTING_DEFAULTS[key];
}

export async function getApprovalQuorum(q?: Db): Promise<number> {
  const n = Number(await getSetting("approvalQuorum", q));
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

export async function getSsoOnly(q?: Db): Promise<boolean> {
  return (await getSetting("ssoOnly", q)) === "1";
}

/** The score from which the workspace suggests a sentence: the organisation's choice, else the shipped one. */
export async function getSuggestionThreshold(q?: Db): Promise<number> {
  const stored = await getSetting("suggestionThreshold", q);
  const n = Number(stored);
  return stored !== "" && n > 0 && n < 1 ? n : SUGGESTION_THRESHOLD;
}

/**
 * An admin's change to one setting, inside `tx`: stored only while its
 * version is still `version` (what the admin saw, 0 = never stored), else
 * refused as stale; audited. Returns the new version.
 */
async function saveSetting(tx: Db, input: { key: SettingKey; value: string; version: number; actorId: string }): Promise<number> {
  const { t } = await getDatabase();
  const { key, value } = input;
  const [row] = await tx.select().from(t.settings).where(eq(t.settings.key, key));
  const current = row?.version ?? 0;
  if (current !== input.version) throw staleVersion("setting");
  const before = row?.value ?? SETTING_DEFAULTS[key];
  // The version guard is in the write itself: a concurrent save that got there first leaves no row to change.
  const [written] = row
    ? await tx.update(t.settings).set({ value, version: current + 1 }).where(and(eq(t.settings.key, key), eq(t.settings.version, current))).returning()
    : await tx.insert(t.settings).values({ key, value, version: 1 }).onConflictDoNothing().returning();
  if (!written) throw staleVersion("setting");
  await recordAudit(tx, { actorId: input.actorId, action: "settings.update", entityType: "settings", entityId: key, before: { [key]: before }, after: { [key]: value } });
  return current + 1;
}

/** Turns "single sign-on only" on or off. `version` is what the admin saw (0 = never stored); a stale one is refused. */
export async function updateSsoOnly(input: { ssoOnly: boolean; version: number; actorId: string }): Promise<{ ssoOnly: boolean; version: number }> {
  const database = await getDatabase();
  return database.transaction(async (tx) => {
    const version = await saveSetting(tx, { key: "ssoOnly", value: input.ssoOnly ? "1" : "0", version: input.version, actorId: input.actorId });
    return { ssoOnly: input.ssoOnly, version };
  });
}

/** Sets the language the fact-checks are written in. `version` is what the admin saw (0 = never stored); a stale one is refused. */
export async function updateLanguage(input: { language: string; version: number; actorId: string }): Promise<{ language: string; version: number }> {
  const database = await getDatabase();
  return database.transaction(async (tx) => {
    const version = await saveSetting(tx, { key: "language", value: input.language, version: input.version, actorId: input.actorId });
    return { language: input.language, version };
  });
}

/** Sets the score from which sentences are suggested (0..1, exclusive), or back to the shipped threshold with null. */
export async function updateSuggestionThreshold(input: { threshold: number | null; version: number; actorId: string }): Promise<{ threshold: number; version: number }> {
  if (input.threshold !== null && !(input.threshold > 0 && input.threshold < 1)) throw new AppError("invalid:settings", "The threshold must be between 1 % and 99 %.");
  const database = await getDatabase();
  return database.transaction(async (tx) => {
    const version = await saveSetting(tx, { key: "suggestionThreshold", value: input.threshold === null ? "" : String(input.threshold), version: input.version, actorId: input.actorId });
    return { threshold: input.threshold ?? SUGGESTION_THRESHOLD, version };
  });
}

/** A stored setting with its `version` (0 when only the default exists), for optimistic concurrency. */
export async function getSettingWithVersion(key: SettingKey): Promise<{ value: string; version: number }> {
  const { db, t } = await getDatabase();
  const [row] = await db.select().from(t.settings).where(eq(t.settings.key, key));
  return row ? { value: row.value, version: row.version } : { value: SETTING_DEFAULTS[key], version: 0 };
}

/**
 * Changes the approval quorum. `version` is what the admin saw (0 = never
 * stored). Lowering the quorum approves, in the same transaction, every
 * proposed verdict that already has enough approvals under the new rule, so
 * no claim waits for an approval it no longer needs.
 */
export async function updateApprovalQuorum(input: { quorum: number; version: number; actorId: string }): Promise<{ quorum: number; version: number; approvedClaims: number; publicChanged: boolean; leftForEditor: number }> {
  if (!Number.isInteger(input.quorum) || input.quorum < 1 || input.quorum > 5) {
    throw new AppError("invalid:settings", "The quorum must be a whole number from 1 to 5.", { fieldErrors: { approvalQuorum: ["From 1 to 5."] } });
  }
  const database = await getDatabase();
  return database.transaction(async (tx) => {
    const version = await saveSetting(tx, { key: "approvalQuorum", value: String(input.quorum), version: input.version, actorId: input.actorId });
    const met = await approveClaimsMeetingQuorum(tx, input.quorum, input.actorId);
    return { quorum: input.quorum, version, approvedClaims: met.approved, publicChanged: met.publicChanged, leftForEditor: met.leftForEditor };
  });
}

/**
 * Approves, through the same step as an editor's approval (row lock, version
 * guard, correction, audit, notification), each revision that now has enough
 * approvals. Never one an editor sent back, and never one that would correct a
 * live fact-check: that needs an editor to confirm the summary and headline
 * verdict, so it stays in the approval queue.
 */
async function approveClaimsMeetingQuorum(tx: Db, quorum: number, actorId: string): Promise<{ approved: number; publicChanged: boolean; leftForEditor: number }> {
  const { t } = await getDatabase();
  const waiting = await tx.select({ id: t.claims.id }).from(t.claims).where(eq(t.claims.status, "verdict_proposed"));
  const result = { approved: 0, publicChanged: false, leftForEditor: 0 };
  for (const { id } of waiting) {
    const claim = await selectClaimForUpdate(tx, id);
    if (!claim?.currentVerdictId || claim.status !== "verdict_proposed") continue;
    const decisions = await tx.select({ decision: t.reviews.decision }).from(t.reviews).where(eq(t.reviews.verdictId, claim.currentVerdictId));
    const approvals = decisions.filter((r) => r.decision === "approved").length;
    if (approvals < quorum || decisions.some((r) => r.decision === "changes_requested")) continue;
    const publication = await getPublicationOfArticle(tx, claim.articleId);
    if (publication?.live && claim.publishedVerdictId !== claim.currentVerdictId) {
      result.leftForEditor++;
      continue;
    }
    const [verdict] = await tx.select().from(t.verdicts).where(eq(t.verdicts.id, claim.currentVerdictId));
    const now = new Date();
    const approved = await approveRevision(tx, { claim, verdict: verdict!, editorId: actorId, now });
    result.publicChanged ||= approved.publicChanged;
    await recordAudit(tx, { actorId, action: "verdict.quorum_met", entityType: "claim", entityId: claim.id, before: { status: claim.status }, after: { status: approved.status, verdictId: verdict!.id, approvals, quorum } });
    await notify(tx, { userIds: [verdict!.authorId], kind: "review", actorId, articleId: claim.articleId, claimId: claim.id, message: `Your verdict on “${claim.statement}” is approved: the approval quorum is now ${quorum}, and it has ${approvals}.` });
    await refreshArticleStatus(tx, claim.articleId, actorId);
    result.approved++;
  }
  return result;
}
