/**
 * Checks every state-changing route handler makes before anything else
 * (lib/server/route.ts, the Auth.js routes): the request must come from our
 * own pages, and its body must be small. Plain functions over the Fetch API
 * `Request`, so they are unit-tested without a server.
 */

export type Refusal = { status: 403 | 413; code: string; error: string };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function hostOf(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * Cross-site request forgery guard for mutations. Browsers send `Origin` on
 * every cross-origin request and on every POST; it must name this host (as
 * the request itself, or a proxy in front of it, names it) or the configured
 * site URL. Without `Origin` (old browsers, curl, server-to-server callers),
 * a browser's `Sec-Fetch-Site: cross-site` still gives a forgery away; a
 * request with neither is not from a browser page, so it cannot carry a
 * victim's cookies by accident and is let through. Compared by host, like
 * Next's own server action check, so a TLS proxy that forgets
 * X-Forwarded-Proto does not lock everyone out.
 */
export function checkOrigin(request: Request, configuredOrigins: (string | undefined)[] = []): Refusal | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const origin = request.headers.get("origin");
  const refusal: Refusal = { status: 403, code: "forbidden:origin", error: "This request came from another site, so it was refused. Nothing was changed." };
  if (origin === null) return request.headers.get("sec-fetch-site") === "cross-site" ? refusal : null;
  const host = hostOf(origin);
  if (!host) return refusal; // "null" (sandboxed frames, file: pages) and garbage
  const own = [request.headers.get("x-forwarded-host"), request.headers.get("host"), ...configuredOrigins.map((o) => (o ? hostOf(o) : null))];
  return own.some((h) => h && h.split(",")[0]!.trim().toLowerCase() === host) ? null : refusal;
}

export function tooLarge(maxBytes: number): Refusal {
  const mb = (maxBytes / 1024 / 1024).toFixed(maxBytes < 1024 * 1024 ? 2 : 0);
  return { status: 413, code: "invalid:too_large", error: `The request is larger than this endpoint accepts (${mb} MB). Nothing was saved.` };
}

/** Refuses by the declared length, before any of the body is read. */
export function checkDeclaredSize(request: Request, maxBytes: number): Refusal | null {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) return tooLarge(maxBytes);
  return null;
}

export function refusalResponse(refusal: Refusal): Response {
  return Response.json({ error: refusal.error, code: refusal.code }, { status: refusal.status });
}
