/**
 * HTTP caching for the public routes that are not HTML: the JSON API, the
 * Atom feed, the sitemap index and files, robots.txt. Each answers the same
 * bytes to every reader, so each gets a strong ETag (a hash of those bytes),
 * answers a matching If-None-Match with 304 Not Modified and no body, and
 * tells shared caches (a CDN, a reverse proxy) how long they may keep it.
 *
 * Public HTML pages get the same treatment from the rendered-page cache,
 * which serves them as plain documents with the same bytes for every reader
 * (server/page-cache/static-document.ts); Next's own renders (signed-in
 * readers, the desk) carry a nonce and stay `private, no-store`.
 *
 * The rendered-page cache (server/page-cache) keeps the ETag of what it
 * stores from these routes and answers If-None-Match itself, with
 * `notModified`, so a conditional request gets its 304 on either path.
 */
import { createHash } from "node:crypto";

/** How long shared caches may serve a response (s-maxage) and then keep serving it while they fetch a fresh one (stale-while-revalidate), in seconds. */
export type CachePolicy = { sMaxAge: number; staleWhileRevalidate: number };

/**
 * Per route. Browsers get max-age=0: they revalidate every time, which costs
 * a 304 and no body while nothing changed, so a reader never sees a
 * correction later than the shared cache does. Shared caches cannot be told
 * by the app that data changed (it clears only its own caches on publish),
 * so s-maxage is the longest a reader of a CDN may see the old version.
 */
export const CACHE_POLICIES = {
  /**
   * Public HTML pages (the fact-check, its claims, the index, the organisation pages, embeds), as plain documents
   * (server/page-cache/static-document.ts): a minute, like the API that shows the same verdicts, and five minutes of
   * stale while a cache refetches, so a viral page costs the app one render a minute per cache.
   */
  page: { sMaxAge: 60, staleWhileRevalidate: 300 },
  /** The JSON API: other sites show our verdicts and should pick up a correction within a minute; five more minutes of stale while they refetch. */
  api: { sMaxAge: 60, staleWhileRevalidate: 300 },
  /** The feed: readers poll it every 15 to 60 minutes, so five minutes of delay for a new entry goes unnoticed; an hour of stale. */
  feed: { sMaxAge: 300, staleWhileRevalidate: 3600 },
  /** The sitemap index and files: crawlers read them a few times a day, and a file reads up to 50,000 rows; an hour, and a day of stale. */
  sitemap: { sMaxAge: 3600, staleWhileRevalidate: 86_400 },
  /** robots.txt changes only with a deploy (SITE_URL, the rules); crawlers themselves keep it up to a day. */
  robots: { sMaxAge: 3600, staleWhileRevalidate: 86_400 },
} as const satisfies Record<string, CachePolicy>;

export function cacheControl(policy: CachePolicy): string {
  return `public, max-age=0, s-maxage=${policy.sMaxAge}, stale-while-revalidate=${policy.staleWhileRevalidate}`;
}

/**
 * The only request header these responses vary by. Next compresses text
 * responses (next.config.ts `compress`, on by default) when the client
 * accepts gzip, and says so with `Vary: Accept-Encoding` on the 200; a 304
 * must repeat the 200's Vary (RFC 9110 §15.4.5), and Next's compression adds
 * nothing to a response without a body, so it is set here for both. No
 * Origin: CORS is open with `*`, the same for every origin. No Cookie: a
 * signed-in reader gets the same bytes.
 *
 * (Next itself adds `Vary: rsc, next-router-state-tree, …` to every App
 * Router response before a route handler runs; a route handler cannot remove
 * it. Ordinary clients never send those headers, so it splits no cache.)
 */
export const VARY = "Accept-Encoding";

/**
 * A strong entity tag: a hash of the exact body bytes as the route produced
 * them. The same bytes give the same tag in every process, so instances
 * behind one CDN agree. Next's gzip (when the client accepts it) comes after
 * and keeps the tag; strictly a gzipped copy is another representation, but
 * these routes serve no byte ranges, where that would matter, and a proxy
 * that compresses itself (nginx) marks the tag weak, which still matches.
 */
export function strongETag(body: string | Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("base64url")}"`;
}

/** The entity tags of an If-None-Match value, each as [weak, opaque-tag]; "*" as such; null when it does not parse. */
export function parseIfNoneMatch(value: string): "*" | [boolean, string][] | null {
  const trimmed = value.trim();
  if (trimmed === "*") return "*";
  const tags: [boolean, string][] = [];
  // entity-tag = [ W/ ] DQUOTE *etagc DQUOTE, with etagc = %x21 / %x23-7E / obs-text: a comma may sit inside the quotes.
  const tag = /\s*(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"\s*(?:,|$)/y;
  let at = 0;
  while (at < trimmed.length) {
    // Empty list elements ("a, , b") are allowed by the list syntax (RFC 9110 §5.6.1).
    if (/[\s,]/.test(trimmed[at]!)) {
      at++;
      continue;
    }
    tag.lastIndex = at;
    const match = tag.exec(trimmed);
    if (!match) return null;
    tags.push([match[1] !== undefined, `"${match[2]}"`]);
    at = tag.lastIndex;
  }
  return tags.length ? tags : null;
}

/**
 * Whether If-None-Match fails, i.e. the client already has `etag` (RFC 9110
 * §13.1.2): "*" matches any current representation; otherwise any listed tag
 * matches by weak comparison, where only the opaque tags must be equal (a
 * `W/` on either side does not matter; a cache that recompresses may have
 * weakened ours). A value that does not parse matches nothing.
 */
export function ifNoneMatchMatches(header: string | null, etag: string): boolean {
  if (header === null) return false;
  const tags = parseIfNoneMatch(header);
  if (tags === null) return false;
  if (tags === "*") return true;
  const opaque = etag.replace(/^W\//, "");
  return tags.some(([, tag]) => tag === opaque);
}

/** Headers a 304 leaves out: they describe a body it does not have (RFC 9110 §15.4.5). */
const BODY_HEADERS = ["content-type", "content-length", "content-encoding", "content-language", "content-range", "transfer-encoding"];

/** The 304 for a 200 with these headers: the same validators and caching fields (ETag, Cache-Control, Vary) and CORS, no body. */
export function notModified(headers: Headers): Response {
  const kept = new Headers(headers);
  for (const name of BODY_HEADERS) kept.delete(name);
  return new Response(null, { status: 304, headers: kept });
}

/**
 * A 200 with `body`, its ETag, Cache-Control for `policy` and Vary, or a 304
 * when the request's If-None-Match already names that ETag. `headers` go on
 * both (CORS). For GET and HEAD, the only methods these routes answer.
 */
export function cacheableResponse(request: Request, body: string, options: { contentType: string; policy: CachePolicy; headers?: Record<string, string> }): Response {
  const headers = new Headers(options.headers);
  headers.set("Content-Type", options.contentType);
  headers.set("Cache-Control", cacheControl(options.policy));
  headers.set("Vary", VARY);
  headers.set("ETag", strongETag(body));
  if (ifNoneMatchMatches(request.headers.get("if-none-match"), headers.get("etag")!)) return notModified(headers);
  return new Response(body, { status: 200, headers });
}
