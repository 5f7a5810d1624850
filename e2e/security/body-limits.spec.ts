/**
 * Over real HTTP: body limits hold for bodies sent without a length
 * (Transfer-Encoding: chunked, what fetch does with a stream body), on
 * Auth.js's routes and on server actions, with a 413 before anything is
 * parsed or saved; and a path with a percent-escape that is not UTF-8 gets a
 * 400 on every dynamic route instead of the router's 500.
 */
import { ACTION, builtAction, HttpClient } from "../../testing/http-client";
import { signIn } from "../../testing/seed-http";
import { ACCOUNTS } from "../fixtures/accounts";
import { expect, test } from "../fixtures/test";

const CHUNK = 64 * 1024;

/** `head`, then `fillerBytes` of "x", then `tail`, streamed in 64 KB chunks: undici sends it chunked, with no Content-Length. */
function chunked(head: string, fillerBytes: number, tail: string): { body: ReadableStream<Uint8Array>; duplex: "half" } {
  const encoder = new TextEncoder();
  const parts = [encoder.encode(head)];
  for (let left = fillerBytes; left > 0; left -= CHUNK) parts.push(new Uint8Array(Math.min(CHUNK, left)).fill(0x78));
  parts.push(encoder.encode(tail));
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next < parts.length) controller.enqueue(parts[next++]!);
      else controller.close();
    },
  });
  return { body, duplex: "half" };
}

/** The credentials callback with a streamed form body whose password is `passwordBytes` long (the real password when 0). */
async function streamedSignIn(baseURL: string, passwordBytes: number): Promise<Response> {
  const client = new HttpClient(baseURL);
  const { csrfToken } = (await (await client.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
  const head = new URLSearchParams({ csrfToken, email: ACCOUNTS.reviewer.email, callbackUrl: "/articles" }).toString();
  const password = passwordBytes ? "" : encodeURIComponent(ACCOUNTS.reviewer.password);
  return client.fetch("/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    ...chunked(`${head}&password=${password}`, passwordBytes, ""),
  } as RequestInit);
}

const sessionCookie = (response: Response) => response.headers.getSetCookie().find((l) => /^(__Secure-)?authjs\.session-token=/.test(l));

test("a chunked Auth.js post over 64 KB gets a 413 and signs no one in; a small chunked one still signs in", async ({ baseURL }) => {
  const huge = await streamedSignIn(baseURL!, 4 * 1024 * 1024);
  expect(huge.status).toBe(413);
  expect(await huge.json()).toMatchObject({ code: "invalid:too_large" });
  expect(sessionCookie(huge)).toBeUndefined();

  // The route reads the streamed body to count it, so Auth.js is handed the bytes it counted.
  const small = await streamedSignIn(baseURL!, 0);
  expect(small.status).toBeLessThan(400);
  expect(sessionCookie(small), "signed in").toBeTruthy();
});

test("a chunked server action body over the 12 MB limit gets a 413 and saves nothing; a small chunked one is saved", async ({ baseURL }, testInfo) => {
  const reviewer = await signIn(baseURL!, ACCOUNTS.reviewer);
  const action = builtAction(ACTION.saveImport);
  const stamp = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const call = (title: string, htmlBytes: number) =>
    reviewer.fetch("/articles/new", {
      method: "POST",
      headers: { "next-action": action.id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8" },
      ...chunked(`[{"title":${JSON.stringify(title)},"blocks":[{"kind":"paragraph","text":"${title}: a paragraph."}],"allowDuplicate":true,"sourceHtml":"`, htmlBytes, `"}]`),
    } as RequestInit);

  // Just over the limit (Next would refuse it with a 500), and past Next's 13 MB copy (Next would truncate it, then 500).
  for (const bytes of [12 * 1024 * 1024 + CHUNK, 20 * 1024 * 1024]) {
    const title = `Chunked oversized import ${bytes} ${stamp}`;
    const response = await call(title, bytes);
    expect(response.status, `${bytes} bytes`).toBe(413);
    expect(await response.json()).toMatchObject({ code: "invalid:too_large" });
    expect(await (await reviewer.fetch("/articles")).text()).not.toContain(title);
  }

  // The proxy counts its own copy of the body: the action still gets all of it.
  const title = `Chunked import ${stamp}`;
  const accepted = await call(title, 100 * 1024);
  expect(accepted.status).toBe(200);
  expect(await (await reviewer.fetch("/articles")).text()).toContain(title);
});

test("a path segment whose percent-escapes are not UTF-8 gets a 400 on every dynamic route; well-formed escapes are routed", async ({ baseURL }) => {
  const reviewer = await signIn(baseURL!, ACCOUNTS.reviewer);
  const bad = [
    "/fact-checks/%c0%af",
    "/fact-checks/x/claims/%E0%A4%A",
    "/articles/%c0%af",
    "/embed/claims/%c0%af",
    "/api/public/fact-checks/%c0%af",
    "/api/articles/%c0%af/annotations",
    "/fact-checks/100%",
  ];
  for (const path of bad) {
    for (const client of [new HttpClient(baseURL!), reviewer]) {
      const response = await client.fetch(path);
      expect(response.status, path).toBe(400);
      expect(await response.json()).toMatchObject({ code: "invalid:path" });
    }
  }
  // Escapes that decode (a space, UTF-8 é, a Devanagari letter) reach the route, which finds nothing by that name.
  for (const path of ["/fact-checks/a%20b", "/fact-checks/caf%C3%A9", "/embed/claims/%E0%A4%A8", "/api/public/fact-checks/caf%C3%A9"]) {
    expect((await fetch(new URL(path, baseURL!), { redirect: "manual" })).status, path).toBe(404);
  }
  expect((await reviewer.fetch("/api/public/fact-checks?q=caf%C3%A9")).status).toBe(200);
});
