/**
 * Single sign-on against a real OpenID Connect provider (e2e/security/identity-provider.ts),
 * set up as the README says: the redirect URI and post-logout URI derived from SITE_URL,
 * the three AUTH_OIDC_* variables, and nothing else (no AUTH_URL). Each app server here
 * is its own, on a fresh database of the project's dialect, reached through a
 * TLS-terminating reverse proxy (e2e/security/reverse-proxy.ts) as in a deployment: the
 * app sees plain http requests, and only SITE_URL says people use https, so the redirect
 * URI must come from the setting.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { signInContext } from "../../testing/seed-http";
import { ACCOUNTS } from "../fixtures/accounts";
import { waitForHydration } from "../fixtures/hydration";
import { AppServer, durabilityPort, freshDatabase, seed, type TestDatabase } from "../durability/server";
import { startIdentityProvider, type IdentityProvider } from "./identity-provider";
import { startReverseProxy } from "./reverse-proxy";
import { testCertificate } from "./test-certificate";

const PROVIDER_NAME = "Newsroom ID";

test.describe.configure({ mode: "serial" });
test.use({ ignoreHTTPSErrors: true });

/** `site`: SITE_URL, the address the browser uses: a reverse proxy's, in front of the app's own. */
type Setup = { provider: IdentityProvider; app: AppServer; database: TestDatabase; site: string; proxy: { stop(): Promise<void> } };

async function setUp(project: string, slot: number, provider: { tls: boolean; tamperIdTokens?: boolean }, env: Record<string, string> = {}): Promise<Setup> {
  const port = await durabilityPort(project, slot);
  const proxy = await startReverseProxy(port);
  // "localhost", not 127.0.0.1: Next.js writes every loopback address as localhost in the URLs it hands
  // the app (NextURL), so a loopback SITE_URL must be spelled that way for the redirect URI to match.
  const site = `https://localhost:${proxy.port}`;
  const idp = await startIdentityProvider({ ...provider, appBase: site });
  const database = await freshDatabase(project);
  seed(database.url);
  const app = new AppServer(port, database.url, {
    AUTH_OIDC_ISSUER: idp.issuer,
    AUTH_OIDC_CLIENT_ID: idp.clientId,
    AUTH_OIDC_CLIENT_SECRET: idp.clientSecret,
    AUTH_OIDC_NAME: PROVIDER_NAME,
    SITE_URL: site,
    // The provider's certificate is the test's own: the app is told to trust it, as it would trust a real one.
    NODE_EXTRA_CA_CERTS: (await testCertificate()).file,
    ...env,
  });
  await app.start();
  return { provider: idp, app, database, site, proxy };
}

async function tearDown(setup: Setup | undefined): Promise<void> {
  await setup?.proxy.stop();
  await setup?.app.stop();
  await setup?.provider.stop();
  await setup?.database.drop();
}

async function newPage(browser: Browser, base: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, ignoreHTTPSErrors: true });
  return context.newPage();
}

/** From the login page through the provider's own sign-in (and consent, the first time) and back. */
async function signInWithProvider(page: Page, login: string): Promise<void> {
  await page.goto("/login");
  const appOrigin = new URL(page.url()).origin;
  await page.getByRole("button", { name: `Sign in with ${PROVIDER_NAME}` }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password: the provider's development sign-in accepts it");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await passConsent(page, appOrigin);
}

/** The provider asks for consent the first time an account signs in; then the browser is back at the app. */
async function passConsent(page: Page, appOrigin: string): Promise<void> {
  const backAtApp = (url: URL) => url.origin === appOrigin;
  const consent = page.getByRole("button", { name: "Continue" });
  await Promise.race([page.waitForURL(backAtApp), consent.waitFor()]);
  if (!backAtApp(new URL(page.url()))) {
    await consent.click();
    await page.waitForURL(backAtApp);
  }
}

async function sessionEmail(page: Page): Promise<string | null> {
  const session = (await (await page.request.get("/api/auth/session")).json()) as { user?: { email?: string } } | null;
  return session?.user?.email ?? null;
}

test.describe("with an https provider, set up as the README says", () => {
  let setup: Setup;
  test.beforeAll(async ({}, testInfo) => {
    test.setTimeout(180_000);
    setup = await setUp(testInfo.project.name, 1, { tls: true });
  });
  test.afterAll(async () => tearDown(setup));

  test("a user an admin added signs in; the email comes from userinfo when the ID token leaves it out", async ({ browser }) => {
    setup.provider.accounts.set("editor-at-idp", { email: ACCOUNTS.editor.email, email_verified: true, name: "Editor at the provider" });
    const page = await newPage(browser, setup.site);
    await signInWithProvider(page, "editor-at-idp");
    await expect(page).toHaveURL(/\/articles/);
    await expect(page.locator(".user-menu")).toContainText("editor");
    expect(await sessionEmail(page)).toBe(ACCOUNTS.editor.email);
    // The provider's ID token had no email: the sign-in above read it from the userinfo endpoint.
    expect(setup.provider.lastIdTokenClaims()).not.toHaveProperty("email");
    await page.context().close();
  });

  test("an unverified email equal to the admin's is refused, and says why", async ({ browser }) => {
    setup.provider.accounts.set("impostor", { email: ACCOUNTS.admin.email, email_verified: false });
    const page = await newPage(browser, setup.site);
    await signInWithProvider(page, "impostor");
    await expect(page).toHaveURL(/\/login\?error=AccessDenied/);
    await expect(page.getByTestId("form-error")).toContainText(`${PROVIDER_NAME} has not verified the email address`);
    expect(await sessionEmail(page)).toBeNull();
    await page.context().close();
  });

  test("once linked, the provider's subject decides, not the email", async ({ browser }) => {
    // Linked by the first test. The provider account's email changes; it still signs in as the editor.
    setup.provider.accounts.set("editor-at-idp", { email: "renamed@elsewhere.example", email_verified: true });
    const same = await newPage(browser, setup.site);
    await signInWithProvider(same, "editor-at-idp");
    expect(await sessionEmail(same)).toBe(ACCOUNTS.editor.email);
    await same.context().close();

    // Another provider account now claiming the editor's verified email does not become the editor.
    setup.provider.accounts.set("second-editor-at-idp", { email: ACCOUNTS.editor.email, email_verified: true });
    const other = await newPage(browser, setup.site);
    await signInWithProvider(other, "second-editor-at-idp");
    await expect(other.getByTestId("form-error")).toContainText(`linked to a different ${PROVIDER_NAME} account`);
    expect(await sessionEmail(other)).toBeNull();
    await other.context().close();
  });

  test("an account the provider gives no email for is told precisely what is missing", async ({ browser }) => {
    setup.provider.accounts.set("no-email", { name: "No Email" });
    const page = await newPage(browser, setup.site);
    await signInWithProvider(page, "no-email");
    await expect(page.getByTestId("form-error")).toContainText("neither in the ID token nor from its userinfo endpoint");
    expect(await sessionEmail(page)).toBeNull();
    await page.context().close();
  });

  test("a user added without a password signs in through the provider; 'single sign-on only' keeps passwords for admins", async ({ browser }) => {
    const admin = await newPage(browser, setup.site);
    await signInContext(admin.context(), ACCOUNTS.admin);
    await admin.goto("/admin/users");
    const email = `sam-${test.info().project.name}@factdesk.test`;
    await admin.getByLabel("Name").fill("Sam Single");
    await admin.getByLabel("Email").fill(email);
    await admin.getByRole("button", { name: "Add user" }).click();
    await expect(admin.getByText(`They sign in with ${PROVIDER_NAME}.`)).toBeVisible();

    setup.provider.accounts.set("sam", { email, email_verified: true });
    const sam = await newPage(browser, setup.site);
    await signInWithProvider(sam, "sam");
    expect(await sessionEmail(sam)).toBe(email);
    await sam.context().close();

    await admin.goto("/admin/settings");
    await admin.getByLabel("Single sign-on only").check();
    await admin.getByRole("button", { name: "Save sign-in setting" }).click();
    await expect(admin.getByTestId("toast")).toContainText(`sign in with ${PROVIDER_NAME} only`);

    // A reviewer's right password is refused, and told to use the provider; an admin's still works.
    const reviewer = await newPage(browser, setup.site);
    await reviewer.goto("/login");
    await waitForHydration(reviewer.getByRole("button", { name: "Sign in", exact: true }));
    await reviewer.getByLabel("Email").fill(ACCOUNTS.reviewer.email);
    await reviewer.getByLabel("Password").fill(ACCOUNTS.reviewer.password);
    await reviewer.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(reviewer.getByTestId("form-error")).toContainText("single sign-on only");
    expect(await sessionEmail(reviewer)).toBeNull();
    await reviewer.context().close();
    const breakGlass = await newPage(browser, setup.site);
    await signInContext(breakGlass.context(), ACCOUNTS.admin);
    expect(await sessionEmail(breakGlass)).toBe(ACCOUNTS.admin.email);
    await breakGlass.context().close();

    await admin.getByLabel("Single sign-on only").uncheck();
    await admin.getByRole("button", { name: "Save sign-in setting" }).click();
    await expect(admin.getByTestId("toast")).toContainText("password again");
    await admin.context().close();
  });

  test("signing out also ends the session at the provider", async ({ browser }) => {
    setup.provider.accounts.set("editor-at-idp", { email: ACCOUNTS.editor.email, email_verified: true });
    const page = await newPage(browser, setup.site);
    await signInWithProvider(page, "editor-at-idp");
    expect(await sessionEmail(page)).toBe(ACCOUNTS.editor.email);

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.href.startsWith(setup.provider.issuer));
    await page.getByRole("button", { name: "Yes, sign me out" }).click();
    await page.waitForURL(`${setup.site}/login`);
    expect(await sessionEmail(page)).toBeNull();

    // Without the provider's session, single sign-on asks for the provider's sign-in again.
    await page.getByRole("button", { name: `Sign in with ${PROVIDER_NAME}` }).click();
    await expect(page.locator('input[name="login"]')).toBeVisible();
    await page.context().close();
  });
});

test.describe("with a plain-http provider", () => {
  test.beforeAll(({}, testInfo) => test.skip(testInfo.project.name !== "sqlite", "decided before any query: one dialect is enough"));

  test("single sign-on is off without the development flag", async ({ browser }, testInfo) => {
    test.setTimeout(120_000);
    const setup = await setUp(testInfo.project.name, 2, { tls: false });
    try {
      const page = await newPage(browser, setup.site);
      await page.goto("/login");
      await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
      await expect(page.getByRole("button", { name: `Sign in with ${PROVIDER_NAME}` })).toHaveCount(0);
      const providers = (await (await page.request.get("/api/auth/providers")).json()) as Record<string, unknown>;
      expect(Object.keys(providers)).toEqual(["credentials"]);
      await page.context().close();
    } finally {
      await tearDown(setup);
    }
  });

  test("with the development flag, an ID token whose signature was altered on the way is refused", async ({ browser }, testInfo) => {
    test.setTimeout(120_000);
    const setup = await setUp(testInfo.project.name, 3, { tls: false, tamperIdTokens: true }, { AUTH_OIDC_ALLOW_INSECURE_ISSUER: "1" });
    try {
      setup.provider.accounts.set("admin-at-idp", { email: ACCOUNTS.admin.email, email_verified: true });
      const page = await newPage(browser, setup.site);
      await signInWithProvider(page, "admin-at-idp");
      expect(setup.provider.tokenRequests()).toBe(1);
      await expect(page.getByTestId("form-error")).toContainText("could not verify");
      expect(await sessionEmail(page)).toBeNull();
      await page.context().close();
    } finally {
      await tearDown(setup);
    }
  });
});
