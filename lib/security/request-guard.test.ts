import { describe, expect, it } from "vitest";
import { checkDeclaredSize, checkOrigin, mayRunAction } from "./request-guard";

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
});
