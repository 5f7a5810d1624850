import { describe, expect, it } from "vitest";
import { testDialects, useTestDatabase } from "@/lib/testing/databases";
import { beginLoginAttempt, countLoginFailures, loginSucceeded, type LoginLimits } from "./login-failures";

const WINDOW = 15 * 60_000;
const limits: LoginLimits = { accountMax: 3, ipMax: 5, windowMs: WINDOW };
const at = (minutes: number) => new Date(Date.UTC(2030, 0, 1, 12, 0) + minutes * 60_000);
let n = 0;
/** Keys no other test in the file uses: every test shares one database. */
const fresh = () => ({ accountKey: `who-${++n}@example.test`, ip: `192.0.2.${n}` });

async function fail(key: { accountKey: string; ip: string }, now: Date, l = limits) {
  return beginLoginAttempt({ ...key, limits: l, now });
}

describe.each(testDialects())("login failures on %s", (dialect) => {
  useTestDatabase(dialect);

  it("refuses the account after accountMax failures, and says until when", async () => {
    const key = fresh();
    for (const minute of [0, 1, 2]) expect((await fail(key, at(minute))).allowed).toBe(true);
    const refused = await fail(key, at(3));
    expect(refused).toEqual({ allowed: false, scope: "account", retryAt: at(15) });
    // The refused attempt is not kept: the lock ends when the first failure leaves the window.
    expect(await countLoginFailures({ accountKey: key.accountKey, since: at(-15) })).toBe(3);
    expect((await fail(key, at(14))).allowed).toBe(false);
    expect((await fail(key, at(15.01))).allowed).toBe(true);
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

  it("does not count successes: a correct password clears the attempt and the account's failures", async () => {
    const key = fresh();
    await fail(key, at(0));
    await fail(key, at(1));
    for (let i = 0; i < 10; i++) {
      const attempt = await fail(key, at(2 + i / 10));
      if (!attempt.allowed) throw new Error("a success was refused");
      await loginSucceeded({ attemptId: attempt.attemptId, accountKey: key.accountKey });
    }
    expect(await countLoginFailures({ accountKey: key.accountKey, since: at(-15) })).toBe(0);
    expect(await countLoginFailures({ ip: key.ip, since: at(-15) })).toBe(0);
  });

  it("refuses all but accountMax of a parallel burst of guesses", async () => {
    const key = fresh();
    const results = await Promise.all(Array.from({ length: 12 }, () => fail(key, at(0))));
    expect(results.filter((r) => r.allowed).length).toBeLessThanOrEqual(limits.accountMax);
    expect(results.filter((r) => !r.allowed).length).toBeGreaterThanOrEqual(12 - limits.accountMax);
  });

  it("prunes failures older than the window as new attempts come in", async () => {
    const key = fresh();
    await fail(key, at(-100));
    expect(await countLoginFailures({ accountKey: key.accountKey, since: at(-1000) })).toBe(1);
    await fail(fresh(), at(0));
    expect(await countLoginFailures({ accountKey: key.accountKey, since: at(-1000) })).toBe(0);
  });
});
