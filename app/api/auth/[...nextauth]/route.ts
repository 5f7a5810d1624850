import type { NextRequest } from "next/server";
import { handlers } from "@/lib/server/auth";
import { getCurrentUser } from "@/lib/server/session";

export const { POST } = handlers;

/**
 * Auth.js answers /api/auth/session from the signed cookie alone, so a user
 * deactivated after signing in would still be described as signed in there.
 * The rest of the app checks the database (getCurrentUser); so does this.
 */
export async function GET(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/session") && !(await getCurrentUser())) {
    return Response.json(null, { headers: { "cache-control": "private, no-store" } });
  }
  return handlers.GET(request);
}
