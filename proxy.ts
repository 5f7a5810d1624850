import { NextResponse, type NextRequest } from "next/server";
import { MAX_ACTION_BODY_BYTES } from "@/lib/limits";
import { buildCsp, newNonce } from "@/server/security/csp";
import { checkDeclaredSize, checkOrigin, checkPathEncoding, checkStreamedSize, mayRunAction, refusalResponse } from "@/server/security/request-guard";
import { cachedAnswer, isInternalRender, pageCacheKey, RENDER_HEADER, STATUS_HEADER } from "@/server/page-cache/serve";

/**
 * Runs before every page and route handler: a fresh CSP nonce per request.
 * The policy goes on the *request* too, because that is where Next reads the
 * nonce to put it on its own scripts (and `x-nonce` lets a server component
 * nonce a script of ours, should one ever be needed). Pages must therefore
 * render per request (app/layout.tsx calls `connection()`): a page
 * prerendered at build time would carry scripts without this nonce.
 * The other security headers (nosniff, Referrer-Policy, X-Frame-Options)
 * are static and live in next.config.ts, which also covers static files.
 *
 * Anonymous GETs of public pages are answered from a short-lived cache of
 * rendered responses (server/page-cache), which serves HTML pages as plain
 * documents without Next's scripts: no nonce, the same bytes for every
 * reader, cacheable by any HTTP cache. The cache's own fill requests carry a per-process secret header and
 * render normally; the header is stripped from everything passed on.
 *
 * Body limits hold here for server actions, which have no code of ours
 * before Next parses their body. A declared length is checked as is. A body
 * streamed without one (Transfer-Encoding: chunked) is counted by reading
 * `request.body`, and that does not take it from the action: under
 * `next start` (Node runtime) Next hands the proxy a *copy* of the body
 * (next/dist/server/body-streams.js `cloneBodyStream`) and keeps its own
 * buffered copy for the page or action, and it waits for the whole upload
 * before routing on anyway (`finalize`), so counting here delays nothing.
 * Both copies stop at `proxyClientMaxBodySize`, which next.config.ts keeps
 * above MAX_ACTION_BODY_BYTES: the count can always pass the limit, so a
 * body cut short there is refused rather than handed on truncated. Route
 * handlers count their own, smaller, limits (server/route.ts).
 */
export async function proxy(request: NextRequest): Promise<NextResponse | Response> {
  // Next's router throws on a path it cannot decode, a 500 on every dynamic route: refuse it before routing.
  const undecodable = checkPathEncoding(request.nextUrl.pathname);
  if (undecodable) return refusalResponse(undecodable) as NextResponse;
  // Next refuses an oversized server action body itself, but as a 500 with an error digest (and a chunked one
  // past proxyClientMaxBodySize is cut short, also a 500); this gives the same 413 route handlers give.
  const oversized = checkDeclaredSize(request, MAX_ACTION_BODY_BYTES) ?? (await checkStreamedSize(request, MAX_ACTION_BODY_BYTES));
  if (oversized) return refusalResponse(oversized) as NextResponse;
  if (mayRunAction(request.method, request.nextUrl.pathname, request.headers)) {
    // Next refuses a server action whose Origin does not match the host too, but as a 500, and not at all for a
    // form posted without JavaScript and without Origin; answering 403 first gives every form of action call the
    // same refusal route handlers give (server/route.ts).
    const refusal = checkOrigin(request, [process.env.SITE_URL, process.env.AUTH_URL]);
    if (refusal) return refusalResponse(refusal) as NextResponse;
  }
  if (request.headers.has("next-action")) {
    // The answer is RSC data, not a document: no nonce needed, headers left untouched (but for the page cache's secret header).
    if (!request.headers.has(RENDER_HEADER)) return NextResponse.next();
    const stripped = new Headers(request.headers);
    stripped.delete(RENDER_HEADER);
    return NextResponse.next({ request: { headers: stripped } });
  }
  const nonce = newNonce();
  const policy = (scriptNonce: string | null) =>
    buildCsp({
      nonce: scriptNonce,
      pathname: request.nextUrl.pathname,
      development: process.env.NODE_ENV === "development",
      https: request.headers.get("x-forwarded-proto") === "https" || request.nextUrl.protocol === "https:",
      ssoOrigin: ssoOrigin(),
    });
  const internal = isInternalRender(request.headers);
  const key = internal ? null : pageCacheKey({ method: request.method, url: request.nextUrl, headers: request.headers });
  if (key) {
    const answer = await cachedAnswer(key, { method: request.method, url: request.nextUrl, headers: request.headers }, nonce, policy);
    if (answer) return answer;
  }
  const csp = policy(nonce);
  const headers = new Headers(request.headers);
  headers.delete(RENDER_HEADER);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  if (!internal) response.headers.set(STATUS_HEADER, "bypass");
  return response;
}

/** The identity provider's origin: the single sign-on form redirects there. */
function ssoOrigin(): string | null {
  const issuer = process.env.AUTH_OIDC_ISSUER;
  if (!issuer || !process.env.AUTH_OIDC_CLIENT_ID) return null;
  try {
    return new URL(issuer).origin;
  } catch {
    return null;
  }
}

export const config = {
  // Not for build output and optimized images: no HTML there, and nothing to post.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
