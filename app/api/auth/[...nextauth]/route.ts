import type { NextRequest } from "next/server";
import { handlers } from "@/lib/server/auth";
import { guardRequest } from "@/lib/server/route";

export const { GET } = handlers;

/** Auth.js posts are tiny forms (email, password, CSRF token). */
const MAX_AUTH_BODY_BYTES = 64 * 1024;

/**
 * Auth.js checks its own CSRF token; the Origin check in front is a second
 * lock, and the size check keeps a huge body from being parsed at all. An
 * identity provider answering with `response_mode=form_post` posts to
 * /api/auth/callback/oidc from its own origin, so that path skips the
 * Origin check (Auth.js verifies its state and PKCE there).
 */
export async function POST(request: NextRequest): Promise<Response> {
  const fromProvider = request.nextUrl.pathname === "/api/auth/callback/oidc";
  const refused = guardRequest(request, MAX_AUTH_BODY_BYTES, { checkOrigin: !fromProvider });
  if (refused) return refused;
  return handlers.POST(request);
}
