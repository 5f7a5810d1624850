/**
 * Which client address the per-address sign-in limit counts, over real
 * HTTP, on servers of their own: the shared ones allow 300 failures per
 * address (every spec signs in from 127.0.0.1) and trust no proxy, while
 * these allow 5 and one of them trusts the loopback range as its proxies.
 * SQLite only: the addresses are decided before any query, and the queries
 * run on both databases in login-limit.spec.ts and the unit tests.
 */
import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "../fixtures/accounts";
import { signInFrom, startServer, type SignInOutcome } from "./client-addresses";

const PER_ADDRESS = 5;
const LIMITS = { LOGIN_MAX_FAILURES_PER_IP: String(PER_ADDRESS), LOGIN_MAX_FAILURES_PER_ACCOUNT: "100" };
const portBase = Number(process.env.E2E_PORT_BASE ?? 3211) + 30;

test.describe.configure({ mode: "serial" });
test.beforeAll(({}, testInfo) => test.skip(testInfo.project.name !== "sqlite", "one run is enough: see the file comment"));

/** `count` failures on fresh unknown emails (so no per-account limit is involved), sent from `from` with `headers`. */
async function spray(base: string, from: string, count: number, headers: (i: number) => Record<string, string> = () => ({})): Promise<SignInOutcome[]> {
  const outcomes: SignInOutcome[] = [];
  for (let i = 0; i < count; i++) outcomes.push(await signInFrom(base, from, `spray-${from}-${i}-${Date.now()}@factdesk.test`, "wrong", headers(i)));
  return outcomes;
}
const refusedAfterLimit = (count: number) => [...Array<SignInOutcome>(PER_ADDRESS).fill("invalid"), ...Array<SignInOutcome>(count - PER_ADDRESS).fill("rate_limited")];

test.describe("with no trusted proxy", () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  test.beforeAll(async () => {
    test.setTimeout(150_000);
    server = await startServer(portBase, LIMITS);
  });
  test.afterAll(async () => server?.stop());

  test("headers naming another address neither fill that address's limit nor escape one's own", async () => {
    const victim = "127.0.0.42";
    // X-Real-IP is the client's word; a list in X-Forwarded-For is too (Next writes one address).
    const forged = await spray(server.base, "127.0.0.41", PER_ADDRESS + 2, () => ({ "x-real-ip": victim, "x-forwarded-for": `${victim}, ${victim}` }));
    expect(forged).toEqual(refusedAfterLimit(PER_ADDRESS + 2));
    expect(await signInFrom(server.base, victim, ACCOUNTS.reviewer.email, ACCOUNTS.reviewer.password)).toBe("signed_in");

    // A new X-Real-IP for every guess does not make a new address: the socket's is counted.
    const rotating = await spray(server.base, "127.0.0.43", PER_ADDRESS + 2, (i) => ({ "x-real-ip": `198.51.100.${i + 1}` }));
    expect(rotating).toEqual(refusedAfterLimit(PER_ADDRESS + 2));
    expect(await signInFrom(server.base, "127.0.0.43", ACCOUNTS.editor.email, ACCOUNTS.editor.password)).toBe("rate_limited");
    expect(await signInFrom(server.base, "127.0.0.44", ACCOUNTS.editor.email, ACCOUNTS.editor.password)).toBe("signed_in");
  });
});

test.describe("with TRUST_PROXY naming the proxies by CIDR", () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  test.beforeAll(async () => {
    test.setTimeout(150_000);
    // Every loopback address stands for one of our proxies; the client is the first address left of them.
    server = await startServer(portBase + 1, { ...LIMITS, TRUST_PROXY: "127.0.0.0/8, ::1" });
  });
  test.afterAll(async () => server?.stop());

  test("the client is the right-most address that is not one of our proxies", async () => {
    const via = (client: string) => () => ({ "x-forwarded-for": `6.6.6.6, ${client}, 127.0.0.9` });
    expect(await spray(server.base, "127.0.0.51", PER_ADDRESS + 1, via("203.0.113.9"))).toEqual(refusedAfterLimit(PER_ADDRESS + 1));
    // Another client behind the same proxy is a different address.
    expect(await signInFrom(server.base, "127.0.0.51", ACCOUNTS.reviewer.email, ACCOUNTS.reviewer.password, via("203.0.113.10")())).toBe("signed_in");
    expect(await signInFrom(server.base, "127.0.0.51", ACCOUNTS.reviewer.email, ACCOUNTS.reviewer.password, via("203.0.113.9")())).toBe("rate_limited");
  });

  test("X-Forwarded-Host from a trusted proxy names our host for the Origin check", async () => {
    const csrf = await fetch(`${server.base}/api/auth/csrf`);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const post = (origin: string) =>
      fetch(`${server.base}/api/auth/callback/credentials`, {
        method: "POST",
        redirect: "manual",
        headers: {
          origin,
          "x-forwarded-host": "factdesk.example",
          cookie: csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; "),
          "content-type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({ csrfToken, email: ACCOUNTS.reviewer.email, password: ACCOUNTS.reviewer.password }).toString(),
      });
    expect((await post("https://factdesk.example")).status).toBe(302);
    expect((await post("https://evil.example")).status).toBe(403);
  });
});
