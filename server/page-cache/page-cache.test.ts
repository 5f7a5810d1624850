import { afterEach, describe, expect, it, vi } from "vitest";
import { bumpPublicDataGeneration } from "./generation";
import { cacheKey, isStorable, storedHeaders } from "./rules";
import { isInternalRender, pageCacheKey, RENDER_HEADER, renderHeaders } from "./serve";
import { PageStore, withNonce, type Entry, type Rendered } from "./store";

const request = (path: string, headers: Record<string, string> = {}, method = "GET") => ({
  method,
  url: new URL(path, "http://localhost:3000"),
  headers: new Headers({ host: "localhost:3000", ...headers }),
});

describe("cache key rules", () => {
  it("keys anonymous GETs and HEADs of public paths", () => {
    for (const path of ["/fact-checks", "/fact-checks/a-b-1", "/fact-checks/a-b/claims/Xy_9-z", "/about", "/methodology", "/corrections-policy", "/fact-checks/feed.xml", "/api/public/fact-checks", "/api/public/fact-checks/a-b", "/embed/claims/abc"]) {
      expect(cacheKey(request(path)), path).toBe(`http:${path}`);
    }
    expect(cacheKey(request("/about", {}, "HEAD"))).toBe("http:/about");
  });

  it("bypasses the desk, sign-in, auth and article APIs, and anything unknown", () => {
    for (const path of ["/articles", "/articles/1", "/login", "/setup", "/admin/pages", "/api/auth/session", "/api/articles/x/annotations", "/api/health", "/fact-checks/a/opengraph-image", "/about/x", "/robots.txt", "/FACT-CHECKS"]) {
      expect(cacheKey(request(path)), path).toBeNull();
    }
  });

  it("bypasses other methods", () => {
    for (const method of ["POST", "PUT", "DELETE", "OPTIONS"]) expect(cacheKey(request("/about", {}, method))).toBeNull();
  });

  it("bypasses signed-in requests, plain, secure and chunked session cookies alike", () => {
    for (const cookie of ["authjs.session-token=x", "__Secure-authjs.session-token=x", "a=1; authjs.session-token.0=x", "theme=dark;__Secure-authjs.session-token.1=y", "next-auth.session-token=x"]) {
      expect(cacheKey(request("/fact-checks/a", { cookie })), cookie).toBeNull();
    }
    // Cookies that do not sign anyone in do not change what a public page shows.
    expect(cacheKey(request("/fact-checks/a", { cookie: "authjs.csrf-token=x; authjs.callback-url=y" }))).not.toBeNull();
    expect(cacheKey(request("/api/public/fact-checks", { authorization: "Bearer x" }))).toBeNull();
  });

  it("bypasses client-router requests (RSC payloads, prefetches, actions)", () => {
    for (const name of ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "next-url", "sec-purpose"]) {
      expect(cacheKey(request("/fact-checks/a", { [name]: "1" })), name).toBeNull();
    }
    expect(cacheKey(request("/fact-checks?_rsc=abc"))).toBeNull();
  });

  it("keeps a query string only where the page reads one", () => {
    expect(cacheKey(request("/fact-checks?q=hair&page=2"))).toBe("http:/fact-checks?q=hair&page=2");
    expect(cacheKey(request("/api/public/fact-checks?q=x"))).toBe("http:/api/public/fact-checks?q=x");
    expect(cacheKey(request("/fact-checks/a?x=1"))).toBeNull();
    expect(cacheKey(request("/about?utm=1"))).toBeNull();
    expect(cacheKey(request(`/fact-checks?q=${"x".repeat(300)}`))).toBeNull();
  });

  it("keys by scheme and host, and crawlers with browsers (they get the same page)", () => {
    expect(cacheKey(request("/about", { "x-forwarded-proto": "https", host: "example.org" }))).toBe("https:/about");
    // A Host the client made up is not another entry: the page is the same.
    expect(cacheKey(request("/about", { host: "made-up.example" }))).toBe(cacheKey(request("/about")));
    const browser = pageCacheKey(request("/about", { "user-agent": "Mozilla/5.0 Chrome/130" }));
    const crawler = pageCacheKey(request("/about", { "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1)" }));
    expect(browser).not.toBeNull();
    expect(crawler).toBe(browser);
  });

  it("is off when the time limit is 0", () => {
    vi.stubEnv("PUBLIC_PAGE_CACHE_SECONDS", "0");
    expect(pageCacheKey(request("/about"))).toBeNull();
    vi.unstubAllEnvs();
  });
});

describe("what may be stored", () => {
  const html = { "content-type": "text/html; charset=utf-8" };
  it("stores plain 200 text answers only", () => {
    expect(isStorable(200, new Headers(html))).toBe(true);
    expect(isStorable(200, new Headers({ "content-type": "application/json" }))).toBe(true);
    expect(isStorable(200, new Headers({ "content-type": "application/atom+xml; charset=utf-8" }))).toBe(true);
    for (const status of [404, 500, 307, 206]) expect(isStorable(status, new Headers(html)), String(status)).toBe(false);
    expect(isStorable(200, new Headers({ ...html, "set-cookie": "a=1" }))).toBe(false);
    // Next's header for every dynamic render: for browsers, not about this cache.
    expect(isStorable(200, new Headers({ ...html, "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" }))).toBe(true);
    expect(isStorable(200, new Headers({ "content-type": "image/png" }))).toBe(false);
  });

  it("keeps neither per-response nor cookie headers", () => {
    const kept = storedHeaders(new Headers({ ...html, "content-security-policy": "x", etag: "1", "set-cookie": "a", "content-length": "9", vary: "rsc", "x-nextjs-cache": "MISS", "cache-control": "no-store" }), { bodyHasNonce: true });
    expect(Object.fromEntries(kept)).toEqual({ "content-type": html["content-type"], vary: "rsc", "cache-control": "no-store" });
  });

  it("keeps the ETag of a body replayed byte for byte (no nonce in it), for conditional requests", () => {
    const json = new Headers({ "content-type": "application/json", etag: '"abc"', "cache-control": "public, max-age=0, s-maxage=60", "access-control-allow-origin": "*" });
    expect(Object.fromEntries(storedHeaders(json, { bodyHasNonce: false }))).toEqual(Object.fromEntries(json));
    expect(storedHeaders(json, { bodyHasNonce: true }).map(([name]) => name)).not.toContain("etag");
  });
});

describe("the fill request's secret header", () => {
  it("is accepted only with this process's secret", () => {
    expect(isInternalRender(new Headers())).toBe(false);
    expect(isInternalRender(new Headers({ [RENDER_HEADER]: "1" }))).toBe(false);
    expect(isInternalRender(new Headers({ [RENDER_HEADER]: "0".repeat(64) }))).toBe(false);
  });
});

describe("forwarding headers (one request must not choose the host a shared page is rendered for)", () => {
  const forged = { host: "localhost:3000", "x-forwarded-host": "evil.example", "x-forwarded-for": "203.0.113.9", "x-forwarded-proto": "https", "user-agent": "UA" };

  it("are not passed to the fill request without a trusted proxy, and do not split the key", () => {
    const sent = renderHeaders(new Headers(forged), false);
    expect(sent.has("x-forwarded-host")).toBe(false);
    expect(sent.has("x-forwarded-for")).toBe(false);
    expect(sent.get("user-agent")).toBe("UA");
    expect(pageCacheKey(request("/about", forged), false)).toBe(pageCacheKey(request("/about", { ...forged, "x-forwarded-host": "other.example" }), false));
    // Nor does the Host header: the fill request goes to this server, whatever the client named.
    expect(pageCacheKey(request("/about", forged), false)).toBe(pageCacheKey(request("/about", { ...forged, host: "made-up.example" }), false));
  });

  it("are passed on from a trusted proxy, whose host is then part of the key", () => {
    const sent = renderHeaders(new Headers(forged), true);
    expect(sent.get("x-forwarded-host")).toBe("evil.example");
    expect(sent.get("x-forwarded-for")).toBe("203.0.113.9");
    expect(renderHeaders(new Headers({ host: "factdesk.example" }), true).get("x-forwarded-host")).toBe("factdesk.example");
    const one = pageCacheKey(request("/about", { ...forged, "x-forwarded-host": "a.example" }), true);
    expect(one).toContain("a.example");
    expect(one).not.toBe(pageCacheKey(request("/about", { ...forged, "x-forwarded-host": "b.example" }), true));
    // A trusted proxy that names no X-Forwarded-Host: its Host is what the page is rendered for, so it keys too.
    const { "x-forwarded-host": _named, ...unnamed } = forged;
    expect(pageCacheKey(request("/about", { ...unnamed, host: "a.example" }), true)).not.toBe(pageCacheKey(request("/about", { ...unnamed, host: "b.example" }), true));
  });
});

describe("nonce substitution", () => {
  it("replaces every occurrence of the stored nonce", () => {
    const body = `<script nonce="abc+/=">1</script><script nonce="abc+/=">2</script>{"nonce":"abc+/="}`;
    expect(withNonce(body, "abc+/=", "NEW")).toBe(`<script nonce="NEW">1</script><script nonce="NEW">2</script>{"nonce":"NEW"}`);
    expect(withNonce("no nonce", "", "NEW")).toBe("no nonce");
  });
});

describe("the store", () => {
  const entry = (body: string): Entry => ({ status: 200, headers: [], body, nonce: "n", plain: false });
  const rendered = (body: string, storable = true): Rendered => ({ entry: entry(body), storable });
  let now = 1_000;
  const clock = () => now;
  afterEach(() => {
    now = 1_000;
  });

  it("serves a stored entry until its time is up", async () => {
    const store = new PageStore({ ttlMs: 3000, maxEntries: 10, now: clock });
    const render = vi.fn(async () => rendered("one"));
    await store.getOrRender("k", render);
    now += 2999;
    expect((await store.getOrRender("k", render)).entry.body).toBe("one");
    expect(render).toHaveBeenCalledTimes(1);
    now += 1;
    await store.getOrRender("k", render);
    expect(render).toHaveBeenCalledTimes(2);
  });

  it("serves an expired entry while one render refreshes it, but not once it is twice its age", async () => {
    const store = new PageStore({ ttlMs: 3000, maxEntries: 10, now: clock });
    let finish!: (r: Rendered) => void;
    await store.getOrRender("k", async () => rendered("one"));
    now += 3000;
    const refresh = vi.fn(() => new Promise<Rendered>((resolve) => (finish = resolve)));
    const readers = await Promise.all(Array.from({ length: 20 }, () => store.getOrRender("k", refresh)));
    expect(readers.map((r) => [r.entry.body, r.source])).toEqual(Array.from({ length: 20 }, () => ["one", "stale"]));
    expect(refresh).toHaveBeenCalledTimes(1);
    finish(rendered("two"));
    await vi.waitFor(() => expect(store.get("k")?.body).toBe("two"));

    now += 6000;
    expect((await store.getOrRender("k", async () => rendered("three"))).entry.body).toBe("three");
  });

  it("never serves a stale entry after public data changed", async () => {
    const store = new PageStore({ ttlMs: 3000, maxEntries: 10, now: clock });
    await store.getOrRender("k", async () => rendered("old"));
    now += 3500;
    bumpPublicDataGeneration();
    const answer = await store.getOrRender("k", async () => rendered("new"));
    expect([answer.entry.body, answer.source]).toEqual(["new", "render"]);
  });

  it("drops everything when public data changes", async () => {
    const store = new PageStore({ ttlMs: 60_000, maxEntries: 10, now: clock });
    await store.getOrRender("k", async () => rendered("old"));
    bumpPublicDataGeneration();
    expect(store.get("k")).toBeUndefined();
    expect((await store.getOrRender("k", async () => rendered("new"))).entry.body).toBe("new");
  });

  it("does not keep a render that started before an invalidation", async () => {
    const store = new PageStore({ ttlMs: 60_000, maxEntries: 10, now: clock });
    let finish!: (r: Rendered) => void;
    const slow = store.getOrRender("k", () => new Promise<Rendered>((resolve) => (finish = resolve)));
    bumpPublicDataGeneration();
    // A reader after the change does not join the old render.
    const after = store.getOrRender("k", async () => rendered("new"));
    finish(rendered("old"));
    expect((await slow).entry.body).toBe("old");
    expect((await after).entry.body).toBe("new");
    expect(store.get("k")?.body).toBe("new");
  });

  it("shares one render among concurrent misses", async () => {
    const store = new PageStore({ ttlMs: 60_000, maxEntries: 10, now: clock });
    let finish!: (r: Rendered) => void;
    const render = vi.fn(() => new Promise<Rendered>((resolve) => (finish = resolve)));
    const readers = Array.from({ length: 50 }, () => store.getOrRender("k", render));
    finish(rendered("page"));
    const bodies = (await Promise.all(readers)).map((r) => r.entry.body);
    expect(render).toHaveBeenCalledTimes(1);
    expect(new Set(bodies)).toEqual(new Set(["page"]));
  });

  it("serves but never stores what may not be stored, and shares failures without keeping them", async () => {
    const store = new PageStore({ ttlMs: 60_000, maxEntries: 10, now: clock });
    await store.getOrRender("404", async () => rendered("not found", false));
    expect(store.get("404")).toBeUndefined();
    await expect(store.getOrRender("x", async () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(store.get("x")).toBeUndefined();
  });

  it("evicts the least recently used entry beyond its size", async () => {
    const store = new PageStore({ ttlMs: 60_000, maxEntries: 2, now: clock });
    await store.getOrRender("a", async () => rendered("a"));
    await store.getOrRender("b", async () => rendered("b"));
    store.get("a");
    await store.getOrRender("c", async () => rendered("c"));
    expect(store.size).toBe(2);
    expect(store.get("b")).toBeUndefined();
    expect(store.get("a")?.body).toBe("a");
    expect(store.get("c")?.body).toBe("c");
  });
});
