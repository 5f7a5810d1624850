/**
 * Users for the demo and the e2e servers. Goes through the query layer (so
 * every insert is audited like any other) and is safe to run twice: an
 * account whose email already exists is left alone.
 */
import { createUser, getUserCredentialsByEmail, updateUser, type PublicUser } from "@/db/queries/users";
import type { Role } from "@/lib/permissions";
import { hashPassword } from "@/server/password";

export type SeedAccount = {
  email: string;
  name: string;
  role: Role;
  password: string;
  /** false creates the account and then deactivates it (an admin "removed" them). */
  active?: boolean;
};

/** Creates the accounts that do not exist yet; returns every account's user row, in input order. */
export async function seedUsers(accounts: readonly SeedAccount[]): Promise<PublicUser[]> {
  const users: PublicUser[] = [];
  for (const account of accounts) {
    const existing = await getUserCredentialsByEmail({ email: account.email });
    if (existing) {
      const { passwordHash: _secret, ...user } = existing;
      users.push(user);
      continue;
    }
    let user = await createUser({
      email: account.email,
      name: account.name,
      role: account.role,
      passwordHash: await hashPassword(account.password),
      actorId: null,
    });
    if (account.active === false) {
      // Deactivation is an admin's act (and nobody may deactivate themselves), so an admin must come earlier in the list.
      const admin = users.find((u) => u.role === "admin" && u.active);
      if (!admin) throw new Error(`seedUsers: list an active admin before the inactive account ${account.email}`);
      user = await updateUser({ id: user.id, version: user.version, active: false, actorId: admin.id });
    }
    users.push(user);
  }
  return users;
}
