import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { PublicUser } from "@/db/queries/users";
import { AppError } from "@/lib/errors";
import { can, minimumRole, type Permission } from "@/lib/permissions";
import { auth, loadSessionUser } from "./auth";

/**
 * The signed-in user, read once per request. The role and active flag come
 * from the database, not the cookie, so a deactivation or role change takes
 * effect on the next request. auth() has already refused a token that was
 * signed out, revoked or past its hard limit (the jwt callback in ./auth).
 */
export const getCurrentUser = cache(async (): Promise<PublicUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await loadSessionUser(id);
  return user?.active ? user : null;
});

const ROLE_NAMES = { reviewer: "reviewers", editor: "editors", admin: "admins" } as const;

/** Throws unauthorized (no session) or forbidden (role too low). */
export async function requirePermission(permission: Permission): Promise<PublicUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("unauthorized:session", "Sign in to continue.");
  if (!can(user.role, permission)) {
    throw new AppError(`forbidden:${permission}`, `Only ${ROLE_NAMES[minimumRole(permission)]} and above can do this.`);
  }
  return user;
}

/**
 * For pages: no session → the login page (coming back here afterwards);
 * a role too low → null, and the page shows <Forbidden/>.
 */
export async function requirePageUser(permission: Permission, returnTo: string): Promise<{ user: PublicUser; allowed: boolean }> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(returnTo)}`);
  return { user, allowed: can(user.role, permission) };
}
