/**
 * Checks every state-changing route handler makes before anything else
 * (server/route.ts, the Auth.js routes), and proxy.ts before any page or
 * server action: the request must come from our own pages, its body must be
 * small, and its path must be a well-formed one. Plain functions over the
 * Fetch API `Request`, so they are unit-tested without a server.
 */

import { env } from "@/server/env";

export type Refusal = { status: 400 | 403 | 413; code: string; error: string };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function hostOf(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * Whether a request may run a server action, so must pass `checkOrigin`
 * before Next sees it. Next runs an action for a POST that names one: in the
 * Next-Action header (JavaScript callers) or in a `$ACTION_ID_…` /
 * `$ACTION_REF_…` field of a multipart or urlencoded body (forms posted
 * before hydration, or with JavaScript off), and it does so for any path a
 * page answers, the not-found page included (so /api/<no such route> too).
 * The body cannot be read here without consuming it, so every mutation
 * counts, but under /api/auth/: that whole subtree is Auth.js's catch-all
 * route handler, where no action runs and which refuses cross-site posts
 * itself, bar an identity provider's form_post callback
 * (app/api/auth/[...nextauth]/route.ts). A future route handler that must
 * accept posts from other sites (a webhook) has to be exempted here too.
 */
export function mayRunAction(method: string, pathname: string, headers: Headers): boolean {
  if (headers.has("next-action")) return true;
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  return !pathname.startsWith("/api/auth/");
}

/**
 * Cross-site request forgery guard for mutations. Browsers send `Origin` on
 * every cross-origin request and on every POST; it must name this host or
 * the configured site URL. X-Forwarded-Host names "this host" only when a
 * trusted proxy is configured (TRUST_PROXY): otherwise the client wrote it
 * and could make any Origin look like ours with it. Without `Origin` (old
 * browsers, curl, server-to-server callers), a browser's Sec-Fetch-Site
 * still gives a forgery away: anything but same-origin (or none, a
 * user-typed navigation) is refused, so a sibling subdomain cannot post
 * either. A request with neither is not from a browser page, so it cannot
 * carry a victim's cookies by accident and is let through. Compared by
 * host, like Next's own server action check, so a TLS proxy that forgets
 * X-Forwarded-Proto does not lock everyone out.
 */
export function checkOrigin(request: Request, configuredOrigins: (string | undefined)[] = [], trustForwardedHost = forwardedHostTrusted()): Refusal | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const origin = request.headers.get("origin");
  const refusal: Refusal = { status: 403, code: "forbidden:origin", error: "This request came from another site, so it was refused. Nothing was changed." };
  if (origin === null) {
    const site = request.headers.get("sec-fetch-site");
    return site === null || site === "same-origin" || site === "none" ? null : refusal;
  }
  const host = hostOf(origin);
  if (!host) return refusal; // "null" (sandboxed frames, file: pages, some redirects) and garbage
  const forwarded = trustForwardedHost ? request.headers.get("x-forwarded-host")?.split(",")[0]!.trim().toLowerCase() : null;
  const own = [forwarded, request.headers.get("host")?.toLowerCase(), ...configuredOrigins.map((o) => (o ? hostOf(o) : null))];
  return own.some((h) => h && h === host) ? null : refusal;
}

/** Read per call, not at module load: tests and the proxy bundle set the environment before the first request. */
function forwardedHostTrusted(): boolean {
  return env().TRUST_PROXY.kind !== "none";
}

export function tooLarge(maxBytes: number): Refusal {
  const mb = (maxBytes / 1024 / 1024).toFixed(maxBytes < 1024 * 1024 ? 2 : 0);
  return { status: 413, code: "invalid:too_large", error: `The request is larger than this endpoint accepts (${mb} MB). Nothing was saved.` };
}

/**
 * Refuses by the declared length, before any of the body is read. A declared
 * length is the whole story: Node's parser reads exactly that many bytes as
 * the body and no more. A body sent without one (Transfer-Encoding: chunked)
 * has to be counted as it arrives: `readBodyWithin`, `checkStreamedSize`.
 */
export function checkDeclaredSize(request: Request, maxBytes: number): Refusal | null {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) return tooLarge(maxBytes);
  return null;
}

/** A body whose size only reading it tells: there is one, and it declares no length. */
function streamed(request: Request): ReadableStream<Uint8Array> | null {
  return request.headers.has("content-length") ? null : request.body;
}

/**
 * Reads a stream while counting it; null as soon as it passes `maxBytes`,
 * leaving the rest unread. `keep` false counts without holding on to the bytes.
 */
async function readWithin(stream: ReadableStream<Uint8Array>, maxBytes: number, keep: boolean): Promise<Uint8Array[] | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    total += value.byteLength;
    if (total > maxBytes) {
      reader.cancel().catch(() => {});
      return null;
    }
    if (keep) chunks.push(value);
  }
}

/**
 * For a route handler: the request as it may be handled, its streamed body
 * counted (and refused past `maxBytes`) before any parser sees it. Reading
 * the body uses it up, so what comes back is a copy carrying the bytes read,
 * built by the request's own class (a NextRequest stays one: Auth.js reads
 * `nextUrl`). A request with a declared length, or no body, is returned as is.
 */
export async function readBodyWithin<R extends Request>(request: R, maxBytes: number): Promise<R | Refusal> {
  const declared = checkDeclaredSize(request, maxBytes);
  if (declared) return declared;
  const stream = streamed(request);
  if (!stream) return request;
  const chunks = await readWithin(stream, maxBytes, true);
  if (!chunks) return tooLarge(maxBytes);
  const Same = request.constructor as new (input: Request, init: RequestInit) => R;
  return new Same(request, { body: new Blob(chunks as BlobPart[]) });
}

/**
 * For proxy.ts: refuses a streamed body past `maxBytes`. Counts without
 * keeping anything, because what the proxy is handed is a copy (see there).
 */
export async function checkStreamedSize(request: Request, maxBytes: number): Promise<Refusal | null> {
  const stream = streamed(request);
  if (!stream) return null;
  return (await readWithin(stream, maxBytes, false)) ? null : tooLarge(maxBytes);
}

/**
 * A path Next cannot decode (an escape that is not UTF-8, like `%c0%af`, or
 * a cut-off one, like `%E0%A4%A` or a lone `%`) makes its router throw while
 * it fills in a dynamic segment: a 500, on every dynamic route. Escapes never
 * span a `/`, so decoding the whole path fails exactly when a segment does.
 */
export function checkPathEncoding(pathname: string): Refusal | null {
  try {
    decodeURIComponent(pathname);
    return null;
  } catch {
    return { status: 400, code: "invalid:path", error: "This address is not valid: it contains characters that cannot be read." };
  }
}

export function refusalResponse(refusal: Refusal): Response {
  return Response.json({ error: refusal.error, code: refusal.code }, { status: refusal.status });
}
