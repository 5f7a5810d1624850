import type { Metadata } from "next";
import { UsersAdmin } from "@/components/admin/users-admin";
import { Forbidden } from "@/components/desk/forbidden";
import { listUsers } from "@/db/queries/users";
import { env, oidcEnabled } from "@/server/env";
import { requirePageUser } from "@/server/session";

export const metadata: Metadata = { title: "Users" };

/** User administration (admins only; the actions check again on their own). */
export default async function AdminUsersPage() {
  const { user, allowed } = await requirePageUser("manage:organisation", "/admin/users");
  if (!allowed) return <Forbidden what="Only admins can manage users and roles. Ask an admin if you need a different role." />;
  const users = await listUsers();
  return (
    <main id="main" className="page">
      {/* With single sign-on set up a user may be added without a password; without it the form asks for one. */}
      <UsersAdmin users={users} currentUserId={user.id} sso={oidcEnabled() ? env().AUTH_OIDC_NAME : null} />
    </main>
  );
}
