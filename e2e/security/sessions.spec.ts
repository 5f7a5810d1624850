/**
 * Sessions end for real, over HTTP: a session token copied before sign-out
 * is refused after it (actions, route handlers and /api/auth/session), an
 * admin's "sign out everywhere", a deactivation or a role change ends every
 * session the user holds, and no request moves a session past its hard
 * limit of 12 hours after sign-in (server/auth.ts).
 *
 * Every test signs out people it created itself: signing out ends all of a
 * user's sessions, and the shared demo accounts are in use by other specs.
 */
import { encode } from "next-auth/jwt";
import { ACTION, HttpClient } from "../../testing/http-client";
import { createUser, ok, signIn, token } from "../../testing/seed-http";
import { ACCOUNTS } from "../fixtures/accounts";
import { expect, test } from "../fixtures/test";

// Any guarded action: empty input is refused by validation, after the session check.
const GUARDED = ACTION.markNotificationsRead;
const HARD_LIMIT_SECONDS = 12 * 60 * 60;
// Plain http: Auth.js names the cookie without the __Secure- prefix, and salts the token with that name.
const COOKIE = "authjs.session-token";

type Person = { id: string; version: number; email: string; password: string };

async function newPerson(admin: HttpClient, role: "reviewer" | "editor" = "reviewer"): Promise<Person> {
  const email = `${token("session-")}@factdesk.test`.toLowerCase();
  const password = `session-password-${token("")}`;
  const user = await createUser(admin, { name: "Sam Session", email, role, password });
  return { ...user, email, password };
}

/**
 * What a client's session gets it: the user /api/auth/session reports, the action's answer, a route
 * handler's status. Each probe uses its own copy of the cookie: a refused token is cleared from the jar,
 * and later probes would otherwise just be anonymous.
 */
async function standing(client: HttpClient): Promise<{ email: string | undefined; action: string; route: number }> {
  const session = (await (await client.withHeaders({}).fetch("/api/auth/session")).json()) as { user?: { email?: string } } | null;
  const result = await client.withHeaders({}).action(GUARDED, [{}]);
  const route = await client.withHeaders({}).fetch("/api/articles/no-such-article/annotations");
  return { email: session?.user?.email, action: result.ok ? "ok" : result.code, route: route.status };
}

function expectSignedIn(state: Awaited<ReturnType<typeof standing>>, email: string): void {
  expect(state.email).toBe(email);
  expect(state.action).not.toMatch(/^(unauthorized|forbidden):/);
  expect(state.route).toBe(404);
}

const SIGNED_OUT = { email: undefined, action: "unauthorized:session", route: 401 };

test("a session token copied before sign-out is refused after it, and the revoked copy cannot sign its owner out again", async ({ baseURL }) => {
  const admin = await signIn(baseURL!, ACCOUNTS.admin);
  const person = await newPerson(admin);
  const client = await signIn(baseURL!, person);
  // Same cookie, its own jar: what someone who copied the token holds.
  const copy = client.withHeaders({});
  expectSignedIn(await standing(copy), person.email);

  const out = await client.actionResponse(ACTION.signOut, []);
  expect(out.headers.getSetCookie().join("\n")).toMatch(/session-token=;/);
  expect(await standing(copy), "the copied token after sign-out").toEqual(SIGNED_OUT);
  expect((await copy.withHeaders({}).fetch("/articles")).headers.get("location") ?? "").toMatch(/\/login/);

  // Signing in again gives a working session; the copy stays dead, and cannot end the new session.
  const again = await signIn(baseURL!, person);
  expectSignedIn(await standing(again), person.email);
  await copy.withHeaders({}).actionResponse(ACTION.signOut, []);
  expect(await standing(copy)).toEqual(SIGNED_OUT);
  expectSignedIn(await standing(again), person.email);
});

test("signing out through Auth.js's own endpoint ends the other sessions too", async ({ baseURL }) => {
  const admin = await signIn(baseURL!, ACCOUNTS.admin);
  const person = await newPerson(admin);
  const client = await signIn(baseURL!, person);
  const elsewhere = await signIn(baseURL!, person);
  const { csrfToken } = (await (await client.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const out = await client.fetch("/api/auth/signout", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken }).toString(),
  });
  expect(out.status).toBeLessThan(400);
  expect(await standing(elsewhere), "a session on another device").toEqual(SIGNED_OUT);
});

test("an admin signs a user out everywhere from the users page; a deactivation and a role change end sessions too", async ({ baseURL, pageAs }) => {
  const admin = await signIn(baseURL!, ACCOUNTS.admin);
  const person = await newPerson(admin);
  const laptop = await signIn(baseURL!, person);
  const phone = await signIn(baseURL!, person);
  expectSignedIn(await standing(laptop), person.email);

  const page = await pageAs("admin");
  await page.goto("/admin/users");
  const row = page.getByRole("row").filter({ hasText: person.email });
  await row.getByRole("button", { name: "Sign out everywhere Sam Session" }).click();
  await expect(page.getByTestId("toast")).toHaveText("Sam Session is signed out on every device. They need to sign in again.");
  expect(await standing(laptop)).toEqual(SIGNED_OUT);
  expect(await standing(phone)).toEqual(SIGNED_OUT);

  // Only admins may do it (authorization-matrix.spec.ts probes every role); the user simply signs in again.
  const reviewer = await signIn(baseURL!, ACCOUNTS.reviewer);
  expect(await reviewer.action(ACTION.signOutUserEverywhere, [{ id: person.id }])).toMatchObject({ ok: false, code: "forbidden:manage:organisation" });
  const back = await signIn(baseURL!, person);
  expectSignedIn(await standing(back), person.email);

  // A new role ends the session that was signed in under the old one.
  const promoted = await ok(admin.action<{ version: number }>(ACTION.changeUserRole, [{ id: person.id, version: person.version, role: "editor" }]), "change role");
  expect(await standing(back), "after a role change").toEqual(SIGNED_OUT);

  // A session from before a deactivation does not come back with the reactivation.
  const before = await signIn(baseURL!, person);
  const off = await ok(admin.action<{ version: number }>(ACTION.setUserActive, [{ id: person.id, version: promoted.version, active: false }]), "deactivate");
  await ok(admin.action(ACTION.setUserActive, [{ id: person.id, version: off.version, active: true }]), "reactivate");
  expect(await standing(before), "after deactivation and reactivation").toEqual(SIGNED_OUT);
});

test("refreshing the session never moves its expiry past 12 hours after sign-in", async ({ baseURL }) => {
  const admin = await signIn(baseURL!, ACCOUNTS.admin);
  const person = await newPerson(admin);
  const signedInAt = Date.now();
  const client = await signIn(baseURL!, person);
  const expiry = async () => Date.parse(((await (await client.fetch("/api/auth/session")).json()) as { expires: string }).expires);
  const first = await expiry();
  expect(first).toBeLessThanOrEqual(signedInAt + HARD_LIMIT_SECONDS * 1000 + 2_000);
  await new Promise((resolve) => setTimeout(resolve, 2_100));
  await client.action(GUARDED, [{}]);
  expect(await expiry(), "the expiry after more requests").toBe(first);
});

test("a token past its hard limit is refused, however recently it was refreshed", async ({ baseURL }) => {
  const admin = await signIn(baseURL!, ACCOUNTS.admin);
  const person = await newPerson(admin);
  const secret = process.env.E2E_AUTH_SECRET!;
  const now = Math.floor(Date.now() / 1000);
  // A token as this server writes it at sign-in, but signed in `age` seconds ago; Auth.js gives it a fresh exp.
  const forged = async (age: number) => {
    const jwt = await encode({
      secret,
      salt: COOKIE,
      maxAge: HARD_LIMIT_SECONDS,
      token: { sub: person.id, email: person.email, name: "Sam Session", role: "reviewer", sessionVersion: 0, signedInAt: now - age },
    });
    return new HttpClient(baseURL!, `${COOKIE}=${jwt}`);
  };
  // Eleven hours in, the token is good: the forgery is made right.
  expectSignedIn(await standing(await forged(11 * 60 * 60)), person.email);
  expect(await standing(await forged(HARD_LIMIT_SECONDS + 60)), "12 h and a minute after sign-in").toEqual(SIGNED_OUT);
});
