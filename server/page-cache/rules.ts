/**
 * Which requests the rendered-page cache may answer, and which responses it
 * may keep. Plain functions of method, URL and headers so they can be tested
 * without a server. Everything not explicitly allowed is bypassed: a page
 * rendered for a signed-in user, a client-router (RSC) request or an error
 * must never be stored or served from here.
 */

/** Auth.js session cookies, plain and on HTTPS, including chunked ones (`…session-token.0`). */
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-|__Host-)?(?:authjs|next-auth)\.session-token(?:\.\d+)?=/;

/** Headers the client router sends for RSC payloads and prefetches: those answers are not documents. */
const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "next-url", "purpose", "sec-purpose", "authorization"];

/** Public paths (anonymous readers see the same thing) and whether a query string is part of them. */
const PUBLIC_PATHS: { pattern: RegExp; query: boolean }[] = [
  { pattern: /^\/$/, query: false },
  { pattern: /^\/fact-checks$/, query: true }, // search and paging
  { pattern: /^\/fact-checks\/feed\.xml$/, query: false },
  { pattern: /^\/fact-checks\/[a-z0-9-]{1,100}$/, query: false },
  { pattern: /^\/fact-checks\/[a-z0-9-]{1,100}\/claims\/[A-Za-z0-9_-]{1,64}$/, query: false },
  { pattern: /^\/(?:about|methodology|corrections-policy)$/, query: false },
  { pattern: /^\/api\/public\/fact-checks$/, query: true },
  { pattern: /^\/api\/public\/fact-checks\/[a-z0-9-]{1,100}$/, query: false },
  { pattern: /^\/embed\/claims\/[A-Za-z0-9_-]{1,64}$/, query: false },
];

/** Longest query string kept as part of a key; longer ones are rendered, not cached. */
const MAX_QUERY = 200;

export type RequestLike = { method: string; url: URL; headers: Headers };

/**
 * The cache key for a request the cache may answer, or null to bypass.
 * The key is the path and query as sent (no normalisation: a different
 * spelling is just another entry), prefixed with the scheme. Not with the
 * Host header: the client writes it, and the page is rendered for SITE_URL
 * whatever it says, so each made-up host would only be another copy of the
 * same page pushing real ones out. A host a trusted proxy names is added by
 * serve.ts (pageCacheKey).
 */
export function cacheKey({ method, url, headers }: RequestLike): string | null {
  if (method !== "GET" && method !== "HEAD") return null;
  if (SESSION_COOKIE.test(headers.get("cookie") ?? "")) return null;
  if (ROUTER_HEADERS.some((name) => headers.has(name))) return null;
  const rule = PUBLIC_PATHS.find((r) => r.pattern.test(url.pathname));
  if (!rule) return null;
  if (url.search && (!rule.query || url.search.length > MAX_QUERY || url.searchParams.has("_rsc"))) return null;
  const proto = headers.get("x-forwarded-proto") === "https" ? "https" : url.protocol.replace(":", "");
  return `${proto}:${url.pathname}${url.search}`;
}

/** Text bodies only: nonce substitution works on strings, and no public binary is worth it. */
const CACHEABLE_TYPE = /^(?:text\/(?:html|xml|plain)|application\/(?:json|xml|atom\+xml|rss\+xml|ld\+json))\b/i;

/** Largest body kept; a bigger one is served but not stored. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * A response may be stored only if it is a plain 200 text answer that sets no cookie.
 * Cache-Control is not consulted: Next marks every dynamic render `private, no-store`
 * for browsers and shared caches, and that header is passed on unchanged; whether a
 * page is the same for every anonymous reader is decided by the path list above.
 */
export function isStorable(status: number, headers: Headers): boolean {
  if (status !== 200) return false;
  if (headers.has("set-cookie")) return false;
  return CACHEABLE_TYPE.test(headers.get("content-type") ?? "");
}

/**
 * Response headers not stored: per-response (CSP with its nonce, date),
 * hop-by-hop and length (the body is re-sent), cookies, and Next's internal
 * markers. The static security headers from next.config.ts are added again
 * by Next to every response, including the proxy's own.
 */
const DROPPED = new Set([
  "content-security-policy",
  "date",
  "set-cookie",
  "content-length",
  "content-encoding",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "x-content-type-options",
  "referrer-policy",
  "x-frame-options",
]);

/**
 * The headers kept with a stored answer. Its ETag is kept only when the body
 * does not contain the nonce (the JSON API and the feed, server/http-cache.ts):
 * such a body is replayed byte for byte, so the tag still names it and the
 * cache can answer If-None-Match itself. A body with the nonce in it gets a
 * fresh one on every answer, which a tag of the stored bytes would not name.
 */
export function storedHeaders(headers: Headers, { bodyHasNonce }: { bodyHasNonce: boolean }): [string, string][] {
  const kept: [string, string][] = [];
  headers.forEach((value, name) => {
    if (DROPPED.has(name) || name.startsWith("x-nextjs-") || name.startsWith("x-middleware-")) return;
    if (name === "etag" && bodyHasNonce) return;
    kept.push([name, value]);
  });
  return kept;
}
