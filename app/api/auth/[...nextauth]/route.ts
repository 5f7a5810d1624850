import type { NextRequest } from "next/server";
import { handlers } from "@/server/auth";
import { MAX_AUTH_BODY_BYTES } from "@/lib/limits";
import { guardRequest } from "@/server/route";
import { getCurrentUser } from "@/server/session";

/**
 * Auth.js answers /api/auth/session from the signed cookie alone, so a user
 * deactivated after signing in would still be described as signed in there.
 * The rest of the app checks the database (getCurrentUser); so does this.
 */
export async function GET(request: NextRequest): Promise<Response> {
  if (request.nextUrl.pathname.endsWith("/session") && !(await getCurrentUser())) {
    return Response.json(null, { headers: { "cache-control": "private, no-store" } });
  }
  return handlers.GET(request);
}

/**
 * Auth.js checks its own CSRF token; the Origin check in front is a second
 * lock, and the size check keeps a huge body from being parsed at all, sent
 * with a length or streamed without one (then Auth.js is handed the counted
 * copy: the original's body has been read). An
 * identity provider answering with `response_mode=form_post` posts to
 * /api/auth/callback/oidc from its own origin, so that path skips the
 * Origin check (Auth.js verifies its state and PKCE there).
 */
export async function POST(request: NextRequest): Promise<Response> {
  const fromProvider = request.nextUrl.pathname === "/api/auth/callback/oidc";
  const guarded = await guardRequest(request, MAX_AUTH_BODY_BYTES, { checkOrigin: !fromProvider });
  if ("refused" in guarded) return guarded.refused;
  return handlers.POST(guarded.request);
}
