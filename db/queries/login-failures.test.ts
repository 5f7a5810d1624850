import { and, eq, gt } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { getDatabase } from "../client";
import { beginLoginAttempt, loginSucceeded, type LoginLimits } from "./login-failures";

const WINDOW = 15 * 60_000;
const limits: LoginLimits = { accountIpMax: 3, ipMax: 5, accountSlowdownAfter: 6, accountMaxDelayMs: 8_000, windowMs: WINDOW };
const at = (minutes: number) => new Date(Date.UTC(2030, 0, 1, 12, 0) + minutes * 60_000);
const seconds = (s: number) => s / 60;
let n = 0;
/** Keys no other test in the file uses: every test shares one database. */
const fresh = () => ({ accountKey: `who-${++n}@example.test`, ip: `192.0.2.${n}` });
const otherIp = (i: number) => `198.51.${n}.${i}`;

/** How many failures are on record since `since`, for an account, an address or both: read straight from the table. */
async function countLoginFailures(input: { accountKey?: string; ip?: string; since: Date }): Promise<number> {
  const { db, t } = await getDatabase();
  const where = [gt(t.loginFailures.createdAt, input.since)];
  if (input.accountKey) where.push(eq(t.loginFailures.accountKey, input.accountKey));
  if (input.ip) where.push(eq(t.loginFailures.ip, input.ip));
  return (await db.select({ id: t.loginFailures.id }).from(t.loginFailures).where(and(...where))).length;
}

async function fail(key: { accountKey: string; ip: string }, now: Date, l = limits) {
  return beginLoginAttempt({ ...key, limits: l, now });
}

describe.each(testDialects())("login failures on %s", (dialect) => {
  useTestDatabase(dialect);

  it("refuses an account from one address after accountIpMax failures there, and says until when", async () => {
    const key = fresh();
    for (const minute of [0, 1, 2]) expect((await fail(key, at(minute))).allowed).toBe(true);
    const refused = await fail(key, at(3));
    expect(refused).toEqual({ allowed: false, scope: "account_ip", retryAt: at(15) });
    // The refused attempt is not kept: the refusal ends when the first failure leaves the window.
    expect(await countLoginFailures({ accountKey: key.accountKey, since: at(-15) })).toBe(3);
    expect((await fail(key, at(14))).allowed).toBe(false);
    expect((await fail(key, at(15.01))).allowed).toBe(true);
  });

  it("lets the right password in from a clean address while the account is hammered from another", async () => {
    const victim = fresh();
    const attacker = { accountKey: victim.accountKey, ip: otherIp(1) };
    for (let i = 0; i < 20; i++) await fail(attacker, at(i / 10));
    expect((await fail(attacker, at(3))).allowed).toBe(false);
    const attempt = await fail(victim, at(3));
    expect(attempt.allowed).toBe(true);
    if (attempt.allowed) await loginSucceeded({ attemptId: attempt.attemptId, ...victim });
    // The attacker's failures stay on record: a success elsewhere does not reset them.
    expect(await countLoginFailures({ ip: attacker.ip, since: at(-15) })).toBe(limits.accountIpMax);
  });

  it("limits one account without touching another from the same address", async () => {
    const a = fresh();
    const b = { ...fresh(), ip: a.ip };
    for (let i = 0; i < 3; i++) await fail(a, at(i));
    expect((await fail(a, at(4))).allowed).toBe(false);
    expect((await fail(b, at(4))).allowed).toBe(true);
  });

  it("refuses an address after ipMax failures spread over several accounts", async () => {
    const ip = fresh().ip;
    for (let i = 0; i < 5; i++) expect((await fail({ accountKey: `spray-${i}-${ip}@example.test`, ip }, at(i))).allowed).toBe(true);
    const refused = await fail({ accountKey: `spray-x-${ip}@example.test`, ip }, at(6));
    expect(refused).toEqual({ allowed: false, scope: "ip", retryAt: at(15) });
    // Another address is unaffected.
    expect((await fail({ accountKey: `spray-y-${ip}@example.test`, ip: `${ip}0` }, at(6))).allowed).toBe(true);
  });

  it("spaces attempts on an account out with a growing delay once many addresses have failed, but never locks it", async () => {
    const { accountKey } = fresh();
    const from = (i: number) => ({ accountKey, ip: otherIp(i) });
    // Six addresses, one failure each: the backstop is reached, no address is over its own limits.
    for (let i = 0; i < 6; i++) expect((await fail(from(i), at(0))).allowed).toBe(true);
    // The 7th failure on record needs 1 s after the latest; then 2 s, 4 s, 8 s (the ceiling), 8 s …
    expect(await fail(from(10), at(seconds(0.5)))).toEqual({ allowed: false, scope: "account", retryAt: new Date(at(0).getTime() + 1000) });
    let t = 0;
    for (const delay of [1, 2, 4, 8, 8]) {
      expect((await fail(from(20 + t), at(seconds(t + delay - 0.1)))).allowed, `${delay} s after ${t}`).toBe(false);
      expect((await fail(from(20 + t), at(seconds(t + delay)))).allowed, `${delay} s after ${t}`).toBe(true);
      t += delay;
    }
  });

  it("does not count successes: a correct password clears the attempt and this address's failures on the account", async () => {
    const key = fresh();
    await fail(key, at(0));
    await fail(key, at(1));
    await fail({ accountKey: `other-${key.accountKey}`, ip: key.ip }, at(1));
    for (let i = 0; i < 10; i++) {
      const attempt = await fail(key, at(2 + i / 10));
      if (!attempt.allowed) throw new Error("a success was refused");
      await loginSucceeded({ attemptId: attempt.attemptId, ...key });
    }
    expect(await countLoginFailures({ accountKey: key.accountKey, since: at(-15) })).toBe(0);
    // The address's failure on another account may be a guess: it stays.
    expect(await countLoginFailures({ ip: key.ip, since: at(-15) })).toBe(1);
  });

  it("refuses all but accountIpMax of a parallel burst of guesses", async () => {
    const key = fresh();
    const results = await Promise.all(Array.from({ length: 12 }, () => fail(key, at(0))));
    expect(results.filter((r) => r.allowed).length).toBeLessThanOrEqual(limits.accountIpMax);
    expect(results.filter((r) => !r.allowed).length).toBeGreaterThanOrEqual(12 - limits.accountIpMax);
  });

  it("prunes failures older than the window as new attempts come in", async () => {
    const key = fresh();
    await fail(key, at(-100));
    expect(await countLoginFailures({ accountKey: key.accountKey, since: at(-1000) })).toBe(1);
    await fail(fresh(), at(0));
    expect(await countLoginFailures({ accountKey: key.accountKey, since: at(-1000) })).toBe(0);
  });
});
