/**
 * Over real HTTP: the session cookie's flags (plain http for local use,
 * `__Secure-` behind a TLS proxy), refusal of cross-site mutations (route
 * handlers and server actions) and of oversized bodies, with nothing saved.
 */
import { ACTION, builtAction, HttpClient } from "../../testing/http-client";
import { importInput, ownAccount, signIn } from "../../testing/seed-http";
import { ACCOUNTS } from "../fixtures/accounts";
import { expect, test } from "../fixtures/test";

const EVIL = "https://evil.example";

/** One credentials sign-in by hand, returning the Set-Cookie lines of the callback's answer. */
async function credentialsCallback(base: string, headers: Record<string, string>, body?: string) {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const form = body ?? new URLSearchParams({ csrfToken, email: ACCOUNTS.reviewer.email, password: ACCOUNTS.reviewer.password, callbackUrl: "/articles" }).toString();
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: form,
    redirect: "manual",
  });
  return { response, setCookies: response.headers.getSetCookie() };
}

const sessionCookie = (lines: string[]) => lines.find((l) => /^(__Secure-)?authjs\.session-token=/.test(l));

const articleInput = (title: string) => importInput(title, [`${title}: a paragraph of text to import.`]);

test("the session cookie is HttpOnly and SameSite=Lax over http, and __Secure-/Secure behind an https proxy", async ({ baseURL }) => {
  const plain = sessionCookie((await credentialsCallback(baseURL!, {})).setCookies);
  expect(plain).toMatch(/^authjs\.session-token=/);
  expect(plain).toMatch(/;\s*HttpOnly/i);
  expect(plain).toMatch(/;\s*SameSite=Lax/i);
  expect(plain).not.toMatch(/;\s*Secure/i);

  const secure = sessionCookie((await credentialsCallback(baseURL!, { "x-forwarded-proto": "https" })).setCookies);
  expect(secure).toMatch(/^__Secure-authjs\.session-token=/);
  expect(secure).toMatch(/;\s*Secure/i);
  expect(secure).toMatch(/;\s*HttpOnly/i);
  expect(secure).toMatch(/;\s*SameSite=Lax/i);

  // The login form's server action signs in through the same Auth.js code, with the same flags.
  const form = new FormData();
  form.set("email", ACCOUNTS.editor.email);
  form.set("password", ACCOUNTS.editor.password);
  const viaAction = await new HttpClient(baseURL!, "", { "x-forwarded-proto": "https" }).actionResponse(ACTION.login, [null, form], "/login");
  const actionCookie = sessionCookie(viaAction.headers.getSetCookie());
  expect(actionCookie).toMatch(/^__Secure-authjs\.session-token=.*;\s*Secure/i);
  expect(actionCookie).toMatch(/;\s*HttpOnly/i);

  // And the app reads the prefixed cookie back: a desk page answers instead of sending to the login page.
  const behindProxy = await signIn(baseURL!, ACCOUNTS.reviewer, { "x-forwarded-proto": "https" });
  const desk = await behindProxy.fetch("/articles");
  expect(desk.status, desk.headers.get("location") ?? "").toBe(200);
});

test("route handlers refuse a cross-site POST with 403 JSON and an oversized body with 413, before signing anyone in", async ({ baseURL }) => {
  const foreign = await credentialsCallback(baseURL!, { origin: EVIL });
  expect(foreign.response.status).toBe(403);
  expect(await foreign.response.json()).toMatchObject({ code: "forbidden:origin" });
  expect(sessionCookie(foreign.setCookies)).toBeUndefined();

  const noOriginButCrossSite = await credentialsCallback(baseURL!, { "sec-fetch-site": "cross-site" });
  expect(noOriginButCrossSite.response.status).toBe(403);

  const ownOrigin = await credentialsCallback(baseURL!, { origin: baseURL! });
  expect(sessionCookie(ownOrigin.setCookies), "our own origin still signs in").toBeTruthy();

  const huge = await credentialsCallback(baseURL!, {}, `email=a%40b.test&password=${"x".repeat(200_000)}`);
  expect(huge.response.status).toBe(413);
  expect(await huge.response.json()).toMatchObject({ code: "invalid:too_large" });
  expect(sessionCookie(huge.setCookies)).toBeUndefined();
});

test("a server action called from another origin is refused with 403 and saves nothing; the same call from our origin works", async ({ baseURL }, testInfo) => {
  const reviewer = await signIn(baseURL!, ACCOUNTS.reviewer);
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const ours = `Same-origin import ${stamp}`;
  const theirs = `Cross-origin import ${stamp}`;

  // Saving redirects to the new article (an RSC answer), so success shows on the desk, not in a result.
  const accepted = await reviewer.withHeaders({ origin: baseURL! }).actionResponse(ACTION.saveImport, [articleInput(ours)], "/articles/new");
  expect(accepted.status).toBe(200);

  const refused = await reviewer.withHeaders({ origin: EVIL }).actionResponse(ACTION.saveImport, [articleInput(theirs)], "/articles/new");
  expect(refused.status).toBe(403);
  expect(await refused.json()).toMatchObject({ code: "forbidden:origin" });

  const desk = await (await reviewer.fetch("/articles")).text();
  expect(desk).toContain(ours);
  expect(desk).not.toContain(theirs);
});

test("a server action body over the 12 MB limit gets a 413 and saves nothing", async ({ baseURL }, testInfo) => {
  const reviewer = await signIn(baseURL!, ACCOUNTS.reviewer);
  const title = `Oversized import ${testInfo.project.name}-${Date.now().toString(36)}`;
  const input = { ...articleInput(title), sourceHtml: "x".repeat(13 * 1024 * 1024) };
  const response = await reviewer.actionResponse(ACTION.saveImport, [input], "/articles/new");
  expect(response.status).toBe(413);
  expect(await response.text()).toContain("Nothing was saved.");
  expect(await (await reviewer.fetch("/articles")).text()).not.toContain(title);
});

test("a client-sent X-Forwarded-Host does not make a foreign Origin ours (no trusted proxy on these servers)", async ({ baseURL }, testInfo) => {
  const forged = { origin: EVIL, "x-forwarded-host": new URL(EVIL).host };
  const callback = await credentialsCallback(baseURL!, forged);
  expect(callback.response.status).toBe(403);
  expect(sessionCookie(callback.setCookies)).toBeUndefined();

  const reviewer = await signIn(baseURL!, ACCOUNTS.reviewer);
  const title = `Forwarded-host import ${testInfo.project.name}-${Date.now().toString(36)}`;
  const refused = await reviewer.withHeaders(forged).actionResponse(ACTION.saveImport, [articleInput(title)], "/articles/new");
  expect(refused.status).toBe(403);
  expect(await (await reviewer.fetch("/articles")).text()).not.toContain(title);
});

/**
 * A form posted before hydration (or with JavaScript off) names its action in
 * a body field, not in the Next-Action header: `$ACTION_ID_<id>` for a plain
 * action, `$ACTION_REF_n` plus `$ACTION_n:0` for one bound by useActionState.
 */
function noScriptForm(actionId: string, kind: "id" | "ref"): FormData {
  const form = new FormData();
  if (kind === "id") form.set(`$ACTION_ID_${actionId}`, "");
  else {
    form.set("$ACTION_REF_1", "");
    form.set("$ACTION_1:0", JSON.stringify({ id: actionId, bound: "$@1" }));
    form.set("$ACTION_1:1", JSON.stringify([null]));
  }
  return form;
}

test("server action forms posted without JavaScript get the same 403 from another site, a null Origin or a cross-site fetch without Origin", async ({ baseURL }) => {
  const signOut = builtAction(ACTION.signOut).id;
  const login = builtAction(ACTION.login).id;
  // An account of its own: the last step signs it out, which ends every session of the account.
  const { client: reviewer } = await ownAccount(await signIn(baseURL!, ACCOUNTS.admin), "reviewer");

  const hostile: Record<string, string>[] = [{ origin: EVIL }, { origin: "null" }, { "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }];
  for (const headers of hostile) {
    for (const [what, body] of [
      ["multipart $ACTION_ID_", noScriptForm(signOut, "id")],
      ["multipart $ACTION_REF_", noScriptForm(login, "ref")],
      ["urlencoded $ACTION_ID_", new URLSearchParams({ [`$ACTION_ID_${signOut}`]: "" })],
    ] as const) {
      const response = await reviewer.fetch("/articles", { method: "POST", headers, body });
      expect(response.status, `${what} with ${JSON.stringify(headers)}`).toBe(403);
      expect(await response.json()).toMatchObject({ code: "forbidden:origin" });
      expect(response.headers.getSetCookie().join("\n"), "the session cookie is not cleared").not.toMatch(/session-token=;|expires=Thu, 01 Jan 1970/i);
    }
  }
  // A path no route answers is answered by the not-found page, which Next would run an action for too.
  const unrouted = await reviewer.fetch("/api/no-such-route", { method: "POST", headers: { origin: EVIL }, body: noScriptForm(signOut, "id") });
  expect(unrouted.status).toBe(403);
  expect((await reviewer.fetch("/articles")).status, "still signed in").toBe(200);

  // From our own page the same form signs out (a redirect to the login page that clears the session cookie).
  const own = await reviewer.fetch("/articles", { method: "POST", headers: { origin: baseURL! }, body: noScriptForm(signOut, "id") });
  expect(own.status).toBeLessThan(400);
  expect(own.headers.getSetCookie().join("\n")).toMatch(/session-token=;/);
});
