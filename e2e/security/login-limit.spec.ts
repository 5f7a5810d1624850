/**
 * Failed sign-ins are limited per account (default 5 per 15 minutes): the
 * login form says so and how long to wait, the Auth.js endpoint refuses
 * too, and other accounts are unaffected. Uses an email nobody has, so no
 * account another spec needs gets locked (and unknown emails are limited
 * exactly like real ones, so the limit reveals nothing about who exists).
 */
import { ACCOUNTS } from "../fixtures/accounts";
import { expect, pages, test } from "../fixtures/test";

/** The servers run with the default (playwright.config.ts does not set LOGIN_MAX_FAILURES_PER_ACCOUNT). */
const ACCOUNT_LIMIT = 5;
const LOCKED = /Too many failed sign-in attempts for this account\. Try again in 1[45] minutes\./;

test("after too many failed sign-ins the account is refused with a clear message, while another account still signs in", async ({ anonymous, browser, baseURL }, testInfo) => {
  const email = `locked-${testInfo.project.name}-${Date.now().toString(36)}@factdesk.test`;
  const login = pages.login(anonymous);
  await login.goto();
  for (let i = 0; i < ACCOUNT_LIMIT; i++) {
    await login.signIn(email, `wrong-password-${i}`);
    await login.expectRejected();
  }
  await login.signIn(email, "wrong-password-again");
  await expect(anonymous.getByText(LOCKED)).toBeVisible();
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
