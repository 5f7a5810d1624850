import { describe, expect, it } from "vitest";
import { checkDeclaredSize, checkOrigin } from "./request-guard";

const post = (headers: Record<string, string>, body?: BodyInit) => new Request("http://app.test/api/x", { method: "POST", headers, body, duplex: "half" } as RequestInit);

describe("checkOrigin", () => {
  it("lets safe methods through whatever their origin", () => {
    expect(checkOrigin(new Request("http://app.test/x", { headers: { origin: "https://evil.example" } }))).toBeNull();
  });

  it("accepts our own host (directly, behind a proxy, or the configured site URL)", () => {
    expect(checkOrigin(post({ origin: "http://app.test", host: "app.test" }))).toBeNull();
    expect(checkOrigin(post({ origin: "https://factdesk.example", host: "10.0.0.5:3000", "x-forwarded-host": "factdesk.example" }))).toBeNull();
    expect(checkOrigin(post({ origin: "https://factdesk.example", host: "10.0.0.5:3000" }), ["https://factdesk.example"])).toBeNull();
  });

  it("refuses another site, a null origin, and a cross-site fetch without Origin", () => {
    expect(checkOrigin(post({ origin: "https://evil.example", host: "app.test" }))).toMatchObject({ status: 403, code: "forbidden:origin" });
    expect(checkOrigin(post({ origin: "http://app.test.evil.example", host: "app.test" }))?.status).toBe(403);
    expect(checkOrigin(post({ origin: "null", host: "app.test" }))?.status).toBe(403);
    expect(checkOrigin(post({ "sec-fetch-site": "cross-site", host: "app.test" }))?.status).toBe(403);
  });

  it("lets a request with neither Origin nor Sec-Fetch-Site through (not from a browser page)", () => {
    expect(checkOrigin(post({ host: "app.test" }))).toBeNull();
    expect(checkOrigin(post({ host: "app.test", "sec-fetch-site": "same-origin" }))).toBeNull();
  });
});

describe("body size", () => {
  it("refuses a declared length over the limit with a 413", () => {
    expect(checkDeclaredSize(post({ "content-length": "2000" }), 1000)).toMatchObject({ status: 413, code: "invalid:too_large" });
    expect(checkDeclaredSize(post({ "content-length": "1000" }), 1000)).toBeNull();
  });
});
