/**
 * The rendered-page cache as proxy.ts uses it. The proxy runs before the page
 * renders and never sees the rendered body, so a miss is filled by asking this
 * same server for the page over loopback, marked with a header carrying a
 * secret only this process knows; the proxy lets that request through to the
 * renderer and keeps what comes back. HTML pages are kept as plain documents
 * (static-document.ts): no script needing a nonce, the same bytes for every
 * reader. Anything else rendered with a nonce (a page that cannot be served
 * plain) gets a fresh one on every answer: the stored one is replaced in the
 * body, and the caller builds a new Content-Security-Policy around it.
 */
import { env } from "@/server/env";
import { CACHE_POLICIES, cacheControl, ifNoneMatchMatches, notModified, strongETag, VARY } from "@/server/http-cache";
import { cacheKey, isStorable, MAX_BODY_BYTES, storedHeaders, type RequestLike } from "./rules";
import { toStaticDocument } from "./static-document";
import { PageStore, withNonce, type Entry, type Rendered } from "./store";

export const RENDER_HEADER = "x-factdesk-page-render";

/** Lets a reader (and the e2e suite) see whether an answer came from here: hit, stale (refreshing), miss or bypass. */
export const STATUS_HEADER = "x-page-cache";

const SECRET_KEY = Symbol.for("factdesk.page-render-secret");

/** 256 random bits per process, never logged or sent anywhere but loopback. */
function renderSecret(): string {
  const holder = globalThis as { [SECRET_KEY]?: string };
  if (!holder[SECRET_KEY]) {
    const bytes = new Uint8Array(32);
    crypto.getRandomValues(bytes);
    holder[SECRET_KEY] = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }
  return holder[SECRET_KEY];
}

/** True only for this process's own fill requests; any other value of the header is just stripped. */
export function isInternalRender(headers: Headers): boolean {
  const value = headers.get(RENDER_HEADER);
  return value !== null && value.length === 64 && value === renderSecret();
}

function settings(): { ttlMs: number; maxEntries: number } {
  const seconds = Number(process.env.PUBLIC_PAGE_CACHE_SECONDS ?? 5);
  const entries = Number(process.env.PUBLIC_PAGE_CACHE_ENTRIES ?? 500);
  return {
    ttlMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0,
    maxEntries: Number.isFinite(entries) && entries > 0 ? Math.floor(entries) : 0,
  };
}

const STORE_KEY = Symbol.for("factdesk.page-store");

function store(): PageStore {
  const holder = globalThis as { [STORE_KEY]?: PageStore };
  return (holder[STORE_KEY] ??= new PageStore(settings()));
}

/** Forwarding headers come from a proxy of ours only when TRUST_PROXY names one; otherwise the client wrote them. */
function proxyTrusted(): boolean {
  return env().TRUST_PROXY.kind !== "none";
}

/**
 * The key for a request the cache may answer, or null: off, not public, signed in, or a client-router fetch.
 * Behind a trusted proxy the page is rendered for the host that proxy names (X-Forwarded-Host, or the Host it
 * sent), so that host is part of the key: otherwise two hosts served by one app would share entries. Without
 * one, the client's Host is not (rules.ts).
 */
export function pageCacheKey(request: RequestLike, trusted = proxyTrusted()): string | null {
  const { ttlMs, maxEntries } = settings();
  if (ttlMs <= 0 || maxEntries <= 0) return null;
  const key = cacheKey(request);
  // The same host renderHeaders() passes on: the proxy's X-Forwarded-Host, or else the Host it sent.
  const forwardedHost = trusted ? (request.headers.get("x-forwarded-host")?.split(",")[0] ?? request.headers.get("host") ?? undefined)?.trim().toLowerCase() : undefined;
  // No split by user agent: with metadata never streamed (next.config.ts htmlLimitedBots), crawlers get the same page.
  return key && `${forwardedHost ? `${forwardedHost} ` : ""}${key}`;
}

/** Where this server listens, as seen from inside it: `next start` sets PORT. */
function selfOrigin(): string {
  return process.env.PUBLIC_PAGE_CACHE_ORIGIN ?? `http://127.0.0.1:${process.env.PORT ?? "3000"}`;
}

const FORWARDED = ["user-agent", "accept", "accept-language", "x-forwarded-proto"];
/** Passed on only from a trusted proxy: from anyone else they would render a page, kept for every reader, for a host of the client's choosing. */
const FROM_PROXY = ["x-forwarded-host", "x-forwarded-for"];

/** The headers of the fill request: the secret, what a page may render differently by, and the proxy's forwarding headers if it is trusted. */
export function renderHeaders(headers: Headers, trusted = proxyTrusted()): Headers {
  const forward = new Headers({ [RENDER_HEADER]: renderSecret(), "accept-encoding": "identity" });
  for (const name of trusted ? [...FORWARDED, ...FROM_PROXY] : FORWARDED) {
    const value = headers.get(name);
    if (value !== null) forward.set(name, value);
  }
  if (trusted && !forward.has("x-forwarded-host") && headers.get("host")) forward.set("x-forwarded-host", headers.get("host")!);
  return forward;
}

/** Renders the page by asking this server for it; null when the answer is not one to pass on (redirect, binary, cookie, failure). */
async function render(url: URL, headers: Headers): Promise<Rendered | null> {
  const forward = renderHeaders(headers);
  let response: Response;
  try {
    response = await fetch(new URL(url.pathname + url.search, selfOrigin()), { headers: forward, redirect: "manual", signal: AbortSignal.timeout(15_000) });
  } catch {
    return null;
  }
  const type = response.headers.get("content-type") ?? "";
  const text = /^(?:text\/|application\/(?:json|xml|atom\+xml|rss\+xml|ld\+json))/i.test(type);
  if (response.status >= 300 && response.status < 400) return null;
  if (!text || response.headers.has("set-cookie")) {
    await response.body?.cancel();
    return null;
  }
  const body = await response.text();
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1] ?? "";
  const storable = isStorable(response.status, response.headers) && Buffer.byteLength(body) <= MAX_BODY_BYTES;
  const plain = storable && /^text\/html\b/i.test(type) ? toStaticDocument(body, nonce) : null;
  if (plain !== null) return { entry: plainEntry(response.headers, plain), storable };
  const kept = storedHeaders(response.headers, { bodyHasNonce: nonce !== "" && body.includes(nonce) });
  return { entry: { status: response.status, headers: kept, body, nonce, plain: false }, storable };
}

/**
 * A public page as a plain document, with the headers any cache needs to keep it: the same bytes for every reader,
 * so a strong ETag and `Cache-Control: public`. Next's Link header goes: it names the render's nonce.
 */
function plainEntry(rendered: Headers, body: string): Entry {
  const headers = new Headers(storedHeaders(rendered, { bodyHasNonce: true }));
  headers.delete("link");
  headers.set("cache-control", cacheControl(CACHE_POLICIES.page));
  headers.set("vary", VARY);
  headers.set("etag", strongETag(body));
  return { status: 200, headers: [...headers], body, nonce: "", plain: true };
}

const FALLBACK = Symbol("fallback");

/**
 * The answer for a cacheable request, with `nonce` in place of the stored
 * one and `policy(nonce)` as its CSP (`policy(null)` for a plain document,
 * which has no inline script to allow); null to let the request render normally.
 */
export async function cachedAnswer(key: string, request: RequestLike, nonce: string, policy: (nonce: string | null) => string): Promise<Response | null> {
  const rendered = await store().getOrRender(key, async () => (await render(request.url, request.headers)) ?? Promise.reject(FALLBACK)).catch((error) => {
    if (error === FALLBACK) return null;
    throw error;
  });
  if (!rendered) return null;
  // A render shared with a concurrent reader is a miss for both: neither found it stored.
  const status = !rendered.storable ? "bypass" : rendered.source === "render" ? "miss" : rendered.source;
  const { entry } = rendered;
  const headers = new Headers(entry.headers);
  headers.set("content-security-policy", policy(entry.plain ? null : nonce));
  headers.set(STATUS_HEADER, status);
  // The routes with an ETag (server/http-cache.ts) answer a client that has the body with 304; so does the cache for them.
  const etag = headers.get("etag");
  if (entry.status === 200 && etag && ifNoneMatchMatches(request.headers.get("if-none-match"), etag)) return notModified(headers);
  const body = request.method === "HEAD" ? null : withNonce(entry.body, entry.nonce, nonce);
  return new Response(body, { status: entry.status, headers });
}
