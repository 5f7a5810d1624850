/**
 * Failed sign-ins are limited per account *from one client address*
 * (default 5 per 15 minutes) and per address: the login form says so and
 * how long to wait, the Auth.js endpoint refuses too, other accounts are
 * unaffected, and nobody can lock the owner out by typing wrong passwords
 * for their account from somewhere else. Unknown emails are limited exactly
 * like real ones, so the limits reveal nothing about who exists.
 */
import { createUser, signIn } from "../../testing/seed-http";
import { ACCOUNTS } from "../fixtures/accounts";
import { expect, pages, test } from "../fixtures/test";
import { signInFrom, type SignInOutcome } from "./client-addresses";

/** The servers run with the default (playwright.config.ts does not set LOGIN_MAX_FAILURES_PER_ACCOUNT). */
const ACCOUNT_LIMIT = 5;
const REFUSED_HERE = /Too many failed sign-in attempts for this account from your network\. Try again in 1[45] minutes\./;

test("after too many failed sign-ins from one address the account is refused there with a clear message, while another account still signs in", async ({ anonymous, browser, baseURL }, testInfo) => {
  const email = `locked-${testInfo.project.name}-${Date.now().toString(36)}@factdesk.test`;
  const login = pages.login(anonymous);
  await login.goto();
  for (let i = 0; i < ACCOUNT_LIMIT; i++) {
    await login.signIn(email, `wrong-password-${i}`);
    await login.expectRejected();
  }
  await login.signIn(email, "wrong-password-again");
  await expect(anonymous.getByText(REFUSED_HERE)).toBeVisible();
  await expect(anonymous.getByText("That email and password do not match an active account.")).toHaveCount(0);

  // The Auth.js endpoint is behind the same limit (the check sits in `authorize`).
  const csrf = (await (await anonymous.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const refused = await anonymous.request.post("/api/auth/callback/credentials", {
    form: { email, password: "wrong-via-http", csrfToken: csrf.csrfToken, callbackUrl: "/articles" },
    maxRedirects: 0,
  });
  expect(refused.headers()["location"]).toMatch(/\/login\?error=CredentialsSignin&code=rate_limited/);
  await anonymous.goto(refused.headers()["location"]!);
  await expect(anonymous.getByText("Too many failed sign-in attempts. Wait a few minutes, then try again.")).toBeVisible();

  // Someone else, from the same address, signs in through the form as usual.
  const other = await browser.newPage({ baseURL });
  try {
    const otherLogin = pages.login(other);
    await otherLogin.goto();
    await otherLogin.signIn(ACCOUNTS.reviewer.email, ACCOUNTS.reviewer.password);
    await expect(other).toHaveURL(/\/articles$/);
  } finally {
    await other.context().close();
  }
});

test("wrong passwords from other addresses, forged headers or not, do not lock the owner out; known and unknown emails are refused alike", async ({ baseURL }, testInfo) => {
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const email = `owner-${stamp}@factdesk.test`;
  const password = `owner-password-${stamp}`;
  const admin = await signIn(baseURL!, ACCOUNTS.admin);
  await createUser(admin, { name: "Olive Owner", email, role: "reviewer", password });
  const unknown = `nobody-${stamp}@factdesk.test`;
  // Each project has its own server but all come from this machine: the last octet keeps the projects' addresses apart.
  const octet = testInfo.project.name === "sqlite" ? 10 : 20;
  const attacker = `127.0.0.${octet + 1}`;
  const forger = `127.0.0.${octet + 2}`;
  const owner = `127.0.0.${octet + 3}`;

  const hammer = async (from: string, target: string, headers: Record<string, string> = {}) => {
    const outcomes: SignInOutcome[] = [];
    for (let i = 0; i < ACCOUNT_LIMIT + 2; i++) outcomes.push(await signInFrom(baseURL!, from, target, `wrong-${i}`, headers));
    return outcomes;
  };
  const expected = [...Array<SignInOutcome>(ACCOUNT_LIMIT).fill("invalid"), "rate_limited", "rate_limited"];
  expect(await hammer(attacker, email)).toEqual(expected);
  expect(await hammer(attacker, unknown), "an unknown email gets the very same answers").toEqual(expected);
  // Refused before the password is checked: from that address even the right one is refused, so guessing there tells nothing.
  expect(await signInFrom(baseURL!, attacker, email, password)).toBe("rate_limited");

  // Another attacker names the owner's address in the headers a client may send; it is counted where it really is.
  expect(await hammer(forger, email, { "x-real-ip": owner, "x-forwarded-for": `${owner}, ${owner}` })).toEqual(expected);

  // The owner, from a clean address, signs in with the right password.
  expect(await signInFrom(baseURL!, owner, email, password)).toBe("signed_in");
  await signIn(baseURL!, { email, password });
});
