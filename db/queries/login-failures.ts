import "server-only";
import { and, desc, eq, gt, lt, ne, or, type SQL } from "drizzle-orm";
import { newId } from "@/lib/ids";
import { getDatabase } from "../client";

/**
 * Sign-in limits. The hard ones are keyed by the client address, so that
 * nobody can lock someone else out by typing wrong passwords for their
 * account: an address that fails too often for one account, or for
 * accounts in general, waits out the window. The account as a whole only
 * has a high backstop against guessing from many addresses, and that one
 * spaces attempts out (growing delay) rather than locking.
 */
export type LoginLimits = {
  /** Failures allowed per account from one address in the window. */
  accountIpMax: number;
  /** Failures allowed per address in the window, whatever the accounts. */
  ipMax: number;
  /** Failures per account from all addresses in the window before attempts on it are spaced out. */
  accountSlowdownAfter: number;
  /** The longest wait the backstop imposes between two attempts on one account. */
  accountMaxDelayMs: number;
  windowMs: number;
};

/** Which limit refused: this account from this address, this address, or the account's backstop. */
export type LoginLimitScope = "account_ip" | "ip" | "account";

export type LoginAttempt = { allowed: true; attemptId: string } | { allowed: false; scope: LoginLimitScope; retryAt: Date };

/** Doubling from 1 s; past this many doublings the ceiling (at most an hour) has long been reached. */
const MAX_DOUBLINGS = 13;

/**
 * When the key is allowed again, counting the failures other than this
 * attempt: when the `max`-th most recent leaves the window (null while
 * fewer than `max` are in it).
 */
async function blockedUntil(key: SQL, attemptId: string, max: number, since: Date, windowMs: number): Promise<Date | null> {
  const { db, t } = await getDatabase();
  const rows = await db
    .select({ createdAt: t.loginFailures.createdAt })
    .from(t.loginFailures)
    .where(and(key, ne(t.loginFailures.id, attemptId), gt(t.loginFailures.createdAt, since)))
    .orderBy(desc(t.loginFailures.createdAt))
    .limit(max);
  return rows.length < max ? null : new Date(rows[max - 1]!.createdAt.getTime() + windowMs);
}

/**
 * The backstop: with `accountSlowdownAfter` or more failures on the account
 * in the window (from anywhere), an attempt must come at least 1 s after the
 * latest one, 2 s with one more failure, then 4 s … up to the ceiling. A
 * refused attempt is not kept, so the delay grows only as fast as attempts
 * get through: about one guess per ceiling once it is reached.
 */
async function slowedUntil(accountKey: string, attemptId: string, limits: LoginLimits, since: Date, now: Date): Promise<Date | null> {
  const { db, t } = await getDatabase();
  const rows = await db
    .select({ createdAt: t.loginFailures.createdAt })
    .from(t.loginFailures)
    .where(and(eq(t.loginFailures.accountKey, accountKey), ne(t.loginFailures.id, attemptId), gt(t.loginFailures.createdAt, since)))
    .orderBy(desc(t.loginFailures.createdAt))
    .limit(limits.accountSlowdownAfter + MAX_DOUBLINGS);
  if (rows.length < limits.accountSlowdownAfter) return null;
  const delay = Math.min(limits.accountMaxDelayMs, 1000 * 2 ** (rows.length - limits.accountSlowdownAfter));
  const until = new Date(rows[0]!.createdAt.getTime() + delay);
  return until > now ? until : null;
}

/**
 * Starts a sign-in attempt. The attempt is written as a failure *before* the
 * password is checked and the limits count the failures already there, so a
 * burst of parallel guesses cannot all slip past while their password checks
 * run; `loginSucceeded` removes it again. An attempt over a limit is refused
 * and not kept, so a refused address stays refused for the window's length,
 * not for as long as someone keeps knocking. Nothing here depends on whether
 * the account exists: unknown emails are limited exactly like real ones.
 */
export async function beginLoginAttempt(input: { accountKey: string; ip: string; limits: LoginLimits; now?: Date }): Promise<LoginAttempt> {
  const { db, t } = await getDatabase();
  const { accountKey, ip, limits } = input;
  const now = input.now ?? new Date();
  const since = new Date(now.getTime() - limits.windowMs);
  const attemptId = newId();
  // Old rows go as new ones come in: the table holds at most one window of failures.
  await db.delete(t.loginFailures).where(lt(t.loginFailures.createdAt, since));
  await db.insert(t.loginFailures).values({ id: attemptId, accountKey, ip, createdAt: now });
  const refusals: { scope: LoginLimitScope; retryAt: Date | null }[] = [
    { scope: "account_ip", retryAt: await blockedUntil(and(eq(t.loginFailures.accountKey, accountKey), eq(t.loginFailures.ip, ip))!, attemptId, limits.accountIpMax, since, limits.windowMs) },
    { scope: "ip", retryAt: await blockedUntil(eq(t.loginFailures.ip, ip), attemptId, limits.ipMax, since, limits.windowMs) },
    { scope: "account", retryAt: await slowedUntil(accountKey, attemptId, limits, since, now) },
  ];
  // Several limits may refuse at once: name the one that lasts longest, so "try again in …" is true.
  const refused = refusals.filter((r): r is { scope: LoginLimitScope; retryAt: Date } => r.retryAt !== null).sort((a, b) => b.retryAt.getTime() - a.retryAt.getTime())[0];
  if (!refused) return { allowed: true, attemptId };
  await db.delete(t.loginFailures).where(eq(t.loginFailures.id, attemptId));
  return { allowed: false, ...refused };
}

/**
 * A correct password: forget this attempt and this address's earlier
 * failures on the account (someone who mistyped four times and then got it
 * right starts afresh). Failures from other addresses stay: a successful
 * sign-in must not reset what someone else is spending on the account, and
 * the address's failures on other accounts may be guesses.
 */
export async function loginSucceeded(input: { attemptId: string; accountKey: string; ip: string }): Promise<void> {
  const { db, t } = await getDatabase();
  await db
    .delete(t.loginFailures)
    .where(or(eq(t.loginFailures.id, input.attemptId), and(eq(t.loginFailures.accountKey, input.accountKey), eq(t.loginFailures.ip, input.ip))));
}
