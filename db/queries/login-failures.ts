import "server-only";
import { and, desc, eq, gt, lt, or } from "drizzle-orm";
import { newId } from "@/lib/ids";
import { getDatabase } from "../client";

export type LoginLimits = {
  /** Failures allowed per account (email) in the window before sign-in is refused. */
  accountMax: number;
  /** Failures allowed per client IP in the window. */
  ipMax: number;
  windowMs: number;
};

export type LoginAttempt =
  | { allowed: true; attemptId: string }
  | { allowed: false; scope: "account" | "ip"; retryAt: Date };

/**
 * The time the key is allowed again: when the `max`-th most recent failure
 * leaves the window (null while fewer than `max` are in it).
 */
async function blockedUntil(column: "accountKey" | "ip", value: string, max: number, since: Date, windowMs: number): Promise<Date | null> {
  const { db, t } = await getDatabase();
  const rows = await db
    .select({ createdAt: t.loginFailures.createdAt })
    .from(t.loginFailures)
    .where(and(eq(t.loginFailures[column], value), gt(t.loginFailures.createdAt, since)))
    .orderBy(desc(t.loginFailures.createdAt))
    .limit(max);
  if (rows.length < max) return null;
  return new Date(rows[max - 1]!.createdAt.getTime() + windowMs);
}

/**
 * Starts a sign-in attempt. The attempt is written as a failure *before* the
 * password is checked and counted together with earlier ones, so a burst of
 * parallel guesses cannot all slip past the limit while their password checks
 * run; `loginSucceeded` removes it again. An attempt over the limit is
 * refused and not kept, so a locked-out key stays locked for the window's
 * length, not for as long as someone keeps knocking.
 */
export async function beginLoginAttempt(input: { accountKey: string; ip: string; limits: LoginLimits; now?: Date }): Promise<LoginAttempt> {
  const { db, t } = await getDatabase();
  const now = input.now ?? new Date();
  const since = new Date(now.getTime() - input.limits.windowMs);
  const attemptId = newId();
  // Old rows go as new ones come in: the table holds at most one window of failures.
  await db.delete(t.loginFailures).where(lt(t.loginFailures.createdAt, since));
  await db.insert(t.loginFailures).values({ id: attemptId, accountKey: input.accountKey, ip: input.ip, createdAt: now });
  // The limits count earlier failures: this attempt is the (max + 1)-th when max are already there.
  const account = await blockedUntil("accountKey", input.accountKey, input.limits.accountMax + 1, since, input.limits.windowMs);
  const ip = account ? null : await blockedUntil("ip", input.ip, input.limits.ipMax + 1, since, input.limits.windowMs);
  if (!account && !ip) return { allowed: true, attemptId };
  await db.delete(t.loginFailures).where(eq(t.loginFailures.id, attemptId));
  // With this attempt gone, the earliest time the key is allowed is when the max-th most recent leaves.
  const retryAt = account
    ? await blockedUntil("accountKey", input.accountKey, input.limits.accountMax, since, input.limits.windowMs)
    : await blockedUntil("ip", input.ip, input.limits.ipMax, since, input.limits.windowMs);
  return { allowed: false, scope: account ? "account" : "ip", retryAt: retryAt ?? new Date(now.getTime() + 60_000) };
}

/**
 * A correct password: forget this attempt and the account's earlier
 * failures (someone who mistyped four times and then got it right starts
 * afresh). The IP's other failures stay: they may be guesses at other accounts.
 */
export async function loginSucceeded(input: { attemptId: string; accountKey: string }): Promise<void> {
  const { db, t } = await getDatabase();
  await db.delete(t.loginFailures).where(or(eq(t.loginFailures.id, input.attemptId), eq(t.loginFailures.accountKey, input.accountKey)));
}

/** How many failures are on record in the window (for tests and the admin's curiosity). */
export async function countLoginFailures(input: { accountKey?: string; ip?: string; since: Date }): Promise<number> {
  const { db, t } = await getDatabase();
  const where = [gt(t.loginFailures.createdAt, input.since)];
  if (input.accountKey) where.push(eq(t.loginFailures.accountKey, input.accountKey));
  if (input.ip) where.push(eq(t.loginFailures.ip, input.ip));
  const rows = await db.select({ id: t.loginFailures.id }).from(t.loginFailures).where(and(...where));
  return rows.length;
}
