import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { checkDeclaredSize, checkOrigin, checkPathEncoding, checkStreamedSize, mayRunAction, readBodyWithin } from "./request-guard";

/** A body as a chunked upload arrives: a stream of `count` chunks of `size` bytes, with no length declared. */
function chunked(count: number, size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent++ < count) controller.enqueue(new Uint8Array(size).fill(120));
      else controller.close();
    },
  });
}

const post = (headers: Record<string, string>, body?: BodyInit) => new Request("http://app.test/api/x", { method: "POST", headers, body, duplex: "half" } as RequestInit);

describe("checkOrigin", () => {
  it("lets safe methods through whatever their origin", () => {
    expect(checkOrigin(new Request("http://app.test/x", { headers: { origin: "https://evil.example" } }))).toBeNull();
  });

  it("accepts our own host (directly, behind a trusted proxy, or the configured site URL)", () => {
    expect(checkOrigin(post({ origin: "http://app.test", host: "app.test" }))).toBeNull();
    expect(checkOrigin(post({ origin: "https://factdesk.example", host: "10.0.0.5:3000", "x-forwarded-host": "factdesk.example" }), [], true)).toBeNull();
    expect(checkOrigin(post({ origin: "https://factdesk.example", host: "10.0.0.5:3000" }), ["https://factdesk.example"])).toBeNull();
  });

  it("does not let a client-sent X-Forwarded-Host make a foreign Origin ours unless a proxy is trusted", () => {
    const forged = post({ origin: "https://evil.example", host: "app.test", "x-forwarded-host": "evil.example" });
    expect(checkOrigin(forged, [], false)).toMatchObject({ status: 403, code: "forbidden:origin" });
    // The default reads TRUST_PROXY, which is unset in tests.
    expect(checkOrigin(forged)).toMatchObject({ status: 403 });
  });

  it("refuses another site, a null origin, and a cross-site or same-site fetch without Origin", () => {
    expect(checkOrigin(post({ origin: "https://evil.example", host: "app.test" }))).toMatchObject({ status: 403, code: "forbidden:origin" });
    expect(checkOrigin(post({ origin: "http://app.test.evil.example", host: "app.test" }))?.status).toBe(403);
    expect(checkOrigin(post({ origin: "null", host: "app.test" }))?.status).toBe(403);
    expect(checkOrigin(post({ "sec-fetch-site": "cross-site", host: "app.test" }))?.status).toBe(403);
    expect(checkOrigin(post({ "sec-fetch-site": "same-site", host: "app.test" }))?.status).toBe(403);
  });

  it("lets a request with neither Origin nor Sec-Fetch-Site through (not from a browser page)", () => {
    expect(checkOrigin(post({ host: "app.test" }))).toBeNull();
    expect(checkOrigin(post({ host: "app.test", "sec-fetch-site": "same-origin" }))).toBeNull();
  });
});

describe("mayRunAction", () => {
  const h = (init: Record<string, string> = {}) => new Headers(init);

  it("counts every mutation of a page path, with or without the Next-Action header", () => {
    expect(mayRunAction("POST", "/login", h({ "next-action": "abc" }))).toBe(true);
    // A form posted before hydration: multipart with a $ACTION_ID_ field, no header.
    expect(mayRunAction("POST", "/login", h({ "content-type": "multipart/form-data; boundary=x" }))).toBe(true);
    expect(mayRunAction("POST", "/articles/x", h({ "content-type": "application/x-www-form-urlencoded" }))).toBe(true);
    expect(mayRunAction("PUT", "/", h())).toBe(true);
    expect(mayRunAction("DELETE", "/api-docs", h())).toBe(true);
  });

  it("counts mutations of /api/ paths too, which a not-found page answers, but not Auth.js's own (it checks for itself)", () => {
    expect(mayRunAction("POST", "/api/no-such-route", h({ "content-type": "multipart/form-data; boundary=x" }))).toBe(true);
    expect(mayRunAction("POST", "/api", h())).toBe(true);
    expect(mayRunAction("POST", "/api/auth/callback/oidc", h())).toBe(false);
    expect(mayRunAction("POST", "/api/auth/callback/credentials", h())).toBe(false);
    // A Next-Action header is an action call wherever it goes.
    expect(mayRunAction("POST", "/api/auth/x", h({ "next-action": "abc" }))).toBe(true);
  });

  it("leaves reads alone", () => {
    expect(mayRunAction("GET", "/login", h())).toBe(false);
    expect(mayRunAction("HEAD", "/", h())).toBe(false);
  });
});

describe("body size", () => {
  it("refuses a declared length over the limit with a 413", () => {
    expect(checkDeclaredSize(post({ "content-length": "2000" }), 1000)).toMatchObject({ status: 413, code: "invalid:too_large" });
    expect(checkDeclaredSize(post({ "content-length": "1000" }), 1000)).toBeNull();
  });

  it("counts a body streamed without a length and refuses it once it passes the limit", async () => {
    expect(await checkStreamedSize(post({}, chunked(3, 400)), 1000)).toMatchObject({ status: 413, code: "invalid:too_large" });
    expect(await checkStreamedSize(post({}, chunked(2, 400)), 1000)).toBeNull();
    expect(await readBodyWithin(post({}, chunked(3, 400)), 1000)).toMatchObject({ status: 413 });
  });

  it("stops reading an endless stream at the limit", async () => {
    expect(await checkStreamedSize(post({}, chunked(Infinity, 1024)), 64 * 1024)).toMatchObject({ status: 413 });
  });

  it("hands on a copy with the bytes read, of the request's own class", async () => {
    const original = new NextRequest("http://app.test/api/auth/callback/credentials", { method: "POST", body: chunked(2, 400), headers: { "content-type": "text/plain" } });
    const copy = await readBodyWithin(original, 1000);
    expect(copy).toBeInstanceOf(NextRequest);
    const request = copy as NextRequest;
    expect(request.nextUrl.pathname).toBe("/api/auth/callback/credentials");
    expect(request.headers.get("content-type")).toBe("text/plain");
    expect(await request.text()).toBe("x".repeat(800));
  });

  it("leaves a request with a declared length or no body as it is, unread", async () => {
    const declared = post({ "content-length": "5" }, "hello");
    expect(await readBodyWithin(declared, 1000)).toBe(declared);
    expect(declared.bodyUsed).toBe(false);
    const empty = new Request("http://app.test/x");
    expect(await readBodyWithin(empty, 1000)).toBe(empty);
    expect(await checkStreamedSize(declared, 1)).toBeNull();
  });
});

describe("checkPathEncoding", () => {
  it("refuses escapes that do not decode as UTF-8 with a 400", () => {
    for (const path of ["/fact-checks/%c0%af", "/fact-checks/x/claims/%E0%A4%A", "/articles/%c0%af", "/api/articles/%ff/annotations", "/embed/claims/100%"]) {
      expect(checkPathEncoding(path), path).toMatchObject({ status: 400, code: "invalid:path" });
    }
  });

  it("lets well-formed escapes through", () => {
    for (const path of ["/", "/fact-checks/a%20b", "/fact-checks/caf%C3%A9", "/fact-checks/%E0%A4%A8", "/a%2Fb"]) expect(checkPathEncoding(path), path).toBeNull();
  });
});
