/**
 * The rules of deploy/nginx.conf, checked on real nginx in front of a stub
 * app that answers whatever Cache-Control a test asks for and counts the
 * requests it gets: what is stored, what never is, what bypasses the cache,
 * what reaches the app. The spec e2e/deploy/nginx-cache.spec.ts runs the
 * same config in front of the real app.
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, nginxMissing, siteConfig, startNginx, type RunningNginx } from "./nginx";

const missing = nginxMissing();
if (missing && process.env.CI === "true") throw new Error(`CI needs nginx: ${missing}`);

const PUBLIC = "public, max-age=0, s-maxage=60, stale-while-revalidate=300";

/** Requests the stub got, by path and query. */
const seen = new Map<string, { headers: http.IncomingHttpHeaders; method: string }[]>();
let stub: http.Server;
let nginx: RunningNginx;
let dir: string;

function startStub(): Promise<number> {
  stub = http.createServer((req, res) => {
    const url = new URL(req.url!, "http://stub");
    seen.set(req.url!, [...(seen.get(req.url!) ?? []), { headers: req.headers, method: req.method! }]);
    req.resume();
    const headers: Record<string, string> = { "content-type": "text/plain", vary: "rsc, Accept-Encoding" };
    const cc = url.searchParams.get("cc") ?? PUBLIC;
    if (cc !== "none") headers["cache-control"] = cc;
    if (url.searchParams.has("cookie")) headers["set-cookie"] = "theme=dark; Path=/";
    let body: Buffer = Buffer.from(`body of ${req.url} #${seen.get(req.url!)!.length}`.padEnd(2000, "."));
    if (/\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
      body = gzipSync(body);
      headers["content-encoding"] = "gzip";
    }
    res.writeHead(200, headers);
    res.end(body);
  });
  return new Promise((resolve) => stub.listen(0, "127.0.0.1", () => resolve((stub.address() as AddressInfo).port)));
}

async function get(url: string, headers: Record<string, string> = {}, method = "GET"): Promise<{ status: number; cache: string | null; body: string }> {
  const response = await fetch(`${nginx.base}${url}`, { method, headers });
  return { status: response.status, cache: response.headers.get("x-cache-status"), body: method === "HEAD" ? "" : await response.text() };
}

describe.skipIf(missing !== null)("deploy/nginx.conf on real nginx", () => {
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-nginx-"));
    const app = await startStub();
    // 3930–3939: this project's range for nginx in unit tests (the e2e spec uses 3900–3929).
    const port = await freePort(3930, 3939);
    nginx = await startNginx(dir, [siteConfig({ listen: `127.0.0.1:${port}`, upstreams: [`127.0.0.1:${app}`], cacheDir: path.join(dir, "cache") })], port);
  });
  afterAll(async () => {
    await nginx?.stop();
    stub?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("keeps a public answer for its s-maxage although max-age is 0, for GET and HEAD", async () => {
    for (const url of ["/fact-checks/a", "/api/public/fact-checks?q=x", "/embed/claims/c1", "/about", "/sitemaps/claims-1.xml", "/robots.txt"]) {
      const first = await get(url);
      const second = await get(url);
      expect([first.cache, second.cache], url).toEqual(["MISS", "HIT"]);
      expect(second.body, url).toBe(first.body);
      expect(seen.get(url), url).toHaveLength(1);
    }
    expect((await get("/fact-checks/head", {}, "HEAD")).cache).toBe("MISS");
    expect((await get("/fact-checks/head")).cache).toBe("HIT");
  });

  it("serves a stale copy while it refreshes, within the app's stale-while-revalidate and not beyond it", async () => {
    const within = `/fact-checks/swr?cc=${encodeURIComponent("public, max-age=0, s-maxage=1, stale-while-revalidate=30")}`;
    const beyond = `/fact-checks/swr?cc=${encodeURIComponent("public, max-age=0, s-maxage=1, stale-while-revalidate=1")}`;
    const first = await get(within);
    await get(beyond);
    await new Promise((r) => setTimeout(r, 2100));
    const stale = await get(within);
    expect([stale.cache, stale.body]).toEqual(["STALE", first.body]);
    // One background request refreshed it.
    await expect.poll(() => seen.get(within)?.length).toBe(2);
    const fresh = await get(within);
    expect(fresh.cache).toBe("HIT");
    expect(fresh.body).toContain("#2");
    // Past s-maxage + stale-while-revalidate (nginx counts whole seconds) the reader waits for the app.
    await new Promise((r) => setTimeout(r, 1500));
    expect((await get(beyond)).cache).toBe("EXPIRED");
  });

  it("never stores private, no-store, no-cache, Set-Cookie, or an answer without Cache-Control", async () => {
    const answers = ["private, max-age=60", "private, no-cache, no-store, max-age=0, must-revalidate", "no-store", "no-cache", "none"];
    for (const [i, cc] of answers.entries()) {
      const url = `/fact-checks/p${i}?cc=${encodeURIComponent(cc)}`;
      for (let n = 0; n < 2; n++) expect((await get(url)).cache, cc).toBe("MISS");
      expect(seen.get(url), cc).toHaveLength(2);
    }
    const withCookie = "/fact-checks/cookie?cookie=1";
    for (let n = 0; n < 2; n++) expect((await get(withCookie)).cache).toBe("MISS");
  });

  it("neither serves nor stores anything for a signed-in request", async () => {
    for (const [i, cookie] of ["authjs.session-token=x", "__Secure-authjs.session-token=x", "a=1; authjs.session-token.0=x", "theme=dark;__Secure-authjs.session-token.1=y", "__Host-authjs.session-token=z"].entries()) {
      const url = `/fact-checks/signed-in-${i}`;
      expect((await get(url, { cookie })).cache, cookie).toBe("BYPASS");
      expect((await get(url, { cookie })).cache, cookie).toBe("BYPASS");
      // Not stored: the next anonymous reader goes to the app.
      expect((await get(url)).cache, cookie).toBe("MISS");
      expect((await get(url, { cookie })).cache, `${cookie}: not served from the anonymous copy either`).toBe("BYPASS");
    }
    // Cookies that sign nobody in do not matter.
    await get("/fact-checks/csrf");
    expect((await get("/fact-checks/csrf", { cookie: "authjs.csrf-token=x; authjs.callback-url=y" })).cache).toBe("HIT");
  });

  it("bypasses credentials and Next's client-router requests", async () => {
    await get("/fact-checks/router");
    const routerRequests: Record<string, string>[] = [{ authorization: "Bearer x" }, { rsc: "1" }, { "next-router-prefetch": "1" }, { "next-router-state-tree": "%5B%5D" }, { "next-router-segment-prefetch": "/x" }, { "next-action": "abc" }];
    for (const headers of routerRequests) {
      expect((await get("/fact-checks/router", headers)).cache, JSON.stringify(headers)).toBe("BYPASS");
    }
    expect((await get("/fact-checks/router?_rsc=abc")).cache).toBe("BYPASS");
  });

  it("caches nothing outside the public paths, and no method but GET and HEAD", async () => {
    for (const url of ["/articles", "/approvals", "/admin/users", "/login", "/api/articles/x/annotations", "/api/auth/session", "/fact-checksx", "/about/x"]) {
      for (let n = 0; n < 2; n++) expect((await get(url)).cache, url).toBeNull();
      expect(seen.get(url), url).toHaveLength(2);
    }
    for (let n = 0; n < 2; n++) expect((await get("/fact-checks/post", {}, "POST")).cache).not.toBe("HIT");
    expect(seen.get("/fact-checks/post")).toHaveLength(2);
  });

  it("keeps one copy per URL whatever the client's Accept-Encoding, unzipped for clients without gzip", async () => {
    const gzipped = await fetch(`${nginx.base}/fact-checks/enc`, { headers: { "accept-encoding": "gzip, deflate, br, zstd" } });
    expect(gzipped.headers.get("content-encoding")).toBe("gzip");
    const plain = await fetch(`${nginx.base}/fact-checks/enc`, { headers: { "accept-encoding": "identity" } });
    expect(plain.headers.get("x-cache-status")).toBe("HIT");
    expect(plain.headers.get("content-encoding")).toBeNull();
    // fetch unzips the first one: both read the same text.
    expect(await plain.text()).toBe(await gzipped.text());
    expect(seen.get("/fact-checks/enc")![0]!.headers["accept-encoding"]).toBe("gzip");
  });

  it("passes the client's address, scheme and host, and nothing the client said about them beyond X-Forwarded-For", async () => {
    // fetch() will not send another Host: a plain http request does.
    await new Promise<void>((resolve, reject) => {
      const headers = { "x-forwarded-for": "203.0.113.9", "x-forwarded-host": "evil.example", "x-real-ip": "198.51.100.1", host: "factdesk.example.org" };
      http.get(`${nginx.base}/login?forwarded`, { headers }, (res) => res.resume().on("end", resolve)).on("error", reject);
    });
    const headers = seen.get("/login?forwarded")![0]!.headers;
    // TRUST_PROXY=1 takes the right-most entry: the address nginx saw.
    expect(headers["x-forwarded-for"]).toBe("203.0.113.9, 127.0.0.1");
    expect(headers["x-forwarded-proto"]).toBe("http");
    expect(headers["x-forwarded-host"]).toBe("factdesk.example.org");
    expect(headers["host"]).toBe("factdesk.example.org");
    expect(headers["x-real-ip"]).toBeUndefined();
  });

  it("refuses a body over the app's 12 MiB action limit itself", async () => {
    const big = await fetch(`${nginx.base}/articles/new`, { method: "POST", body: Buffer.alloc(12 * 1024 * 1024 + 1) });
    expect(big.status).toBe(413);
    expect(seen.has("/articles/new")).toBe(false);
    const fits = await fetch(`${nginx.base}/articles/new`, { method: "POST", body: Buffer.alloc(1024 * 1024) });
    expect(fits.status).toBe(200);
  });
});
