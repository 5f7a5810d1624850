import { NextResponse, type NextRequest } from "next/server";
import { MAX_ACTION_BODY_BYTES } from "@/lib/limits";
import { buildCsp, newNonce } from "@/lib/security/csp";
import { checkOrigin, refusalResponse } from "@/lib/security/request-guard";

/**
 * Runs before every page and route handler: a fresh CSP nonce per request.
 * The policy goes on the *request* too, because that is where Next reads the
 * nonce to put it on its own scripts (and `x-nonce` lets a server component
 * nonce a script of ours, should one ever be needed). Pages must therefore
 * render per request (app/layout.tsx calls `connection()`): a page
 * prerendered at build time would carry scripts without this nonce.
 * The other security headers (nosniff, Referrer-Policy, X-Frame-Options)
 * are static and live in next.config.ts, which also covers static files.
 */
export function proxy(request: NextRequest): NextResponse {
  // Next refuses an oversized server action body itself, but as a 500 with an error digest; a declared
  // length over the limit gets a plain 413 here instead, before any of it is read. (A chunked body has
  // no length and still meets Next's own limit: nothing is saved either way.)
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_ACTION_BODY_BYTES) {
    return new NextResponse(`The request is larger than ${MAX_ACTION_BODY_BYTES / 1024 / 1024} MB, the most Factdesk accepts. Nothing was saved.`, {
      status: 413,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  if (request.headers.has("next-action")) {
    // Next refuses a server action whose Origin does not match the host too, but as a 500; answering
    // 403 first gives callers the same refusal route handlers give (lib/server/route.ts).
    const refusal = checkOrigin(request, [process.env.SITE_URL, process.env.AUTH_URL]);
    if (refusal) return refusalResponse(refusal) as NextResponse;
    // The answer is RSC data, not a document: no nonce needed, headers left untouched.
    return NextResponse.next();
  }
  const nonce = newNonce();
  const csp = buildCsp({
    nonce,
    pathname: request.nextUrl.pathname,
    development: process.env.NODE_ENV === "development",
    https: request.headers.get("x-forwarded-proto") === "https" || request.nextUrl.protocol === "https:",
    ssoOrigin: ssoOrigin(),
  });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
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
