/**
 * The login form itself (every other spec signs in over HTTP).
 */
import { ACCOUNTS, INACTIVE_ACCOUNT } from "../fixtures/accounts";
import { expect, pages, test } from "../fixtures/test";

test("a wrong password is refused with a message that does not say which part was wrong", async ({ anonymous }) => {
  const login = pages.login(anonymous);
  await login.goto();
  await login.signIn(ACCOUNTS.reviewer.email, "not-the-password");
  await login.expectRejected();
});

test("an unknown email gets the same message", async ({ anonymous }) => {
  const login = pages.login(anonymous);
  await login.goto();
  await login.signIn("nobody@factdesk.test", "factdesk-demo");
  await login.expectRejected();
});

test("signing in lands on the desk", async ({ anonymous }) => {
  const login = pages.login(anonymous);
  await login.goto();
  await login.signIn(ACCOUNTS.reviewer.email, ACCOUNTS.reviewer.password);
  await expect(anonymous).toHaveURL(/\/articles$/);
  await expect(anonymous.getByText(ACCOUNTS.reviewer.name)).toBeVisible();
});

test("signing in from a redirect returns to the page that asked", async ({ anonymous }) => {
  await anonymous.goto("/approvals");
  await expect(anonymous).toHaveURL(/\/login\?next=%2Fapprovals/);
  await pages.login(anonymous).signIn(ACCOUNTS.editor.email, ACCOUNTS.editor.password);
  await expect(anonymous).toHaveURL(/\/approvals$/);
  await expect(anonymous.getByText("Not available to your role")).toHaveCount(0);
});

test("a deactivated user cannot sign in", async ({ anonymous }) => {
  const login = pages.login(anonymous);
  await login.goto();
  await login.signIn(INACTIVE_ACCOUNT.email, INACTIVE_ACCOUNT.password);
  await login.expectRejected();
  await anonymous.goto("/articles");
  await expect(anonymous).toHaveURL(/\/login/);
});
