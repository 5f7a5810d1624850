import "server-only";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { AppError, staleVersion } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { Role } from "@/lib/permissions";
import { getDatabase } from "../client";
import { recordAudit } from "./audit";

export type User = typeof import("../schema/pg").users.$inferSelect;
export type PublicUser = Omit<User, "passwordHash">;

function withoutSecret({ passwordHash: _omit, ...user }: User): PublicUser {
  return user;
}

export async function countUsers(): Promise<number> {
  const { db, t } = await getDatabase();
  const [row] = await db.select({ n: count() }).from(t.users);
  return Number(row?.n ?? 0);
}

export async function getUserById({ id }: { id: string }): Promise<PublicUser | null> {
  const { db, t } = await getDatabase();
  const [user] = await db.select().from(t.users).where(eq(t.users.id, id));
  return user ? withoutSecret(user) : null;
}

/** Includes the password hash: for sign-in only. */
export async function getUserCredentialsByEmail({ email }: { email: string }): Promise<User | null> {
  const { db, t } = await getDatabase();
  const [user] = await db.select().from(t.users).where(eq(t.users.email, email.trim().toLowerCase()));
  return user ?? null;
}

export async function listUsers(): Promise<PublicUser[]> {
  const { db, t } = await getDatabase();
  const rows = await db.select().from(t.users).orderBy(asc(t.users.name));
  return rows.map(withoutSecret);
}

export async function createUser(input: {
  email: string;
  name: string;
  role: Role;
  passwordHash: string | null;
  actorId: string | null;
  /** Only the one-time setup may create a user when none exist; it passes true. */
  firstUser?: boolean;
}): Promise<PublicUser> {
  const database = await getDatabase();
  const { t } = database;
  return database.transaction(async (tx) => {
    if (input.firstUser) {
      const [row] = await tx.select({ n: count() }).from(t.users);
      if (Number(row?.n ?? 0) > 0) throw new AppError("forbidden:setup", "Factdesk is already set up. Sign in instead.");
    }
    const email = input.email.trim().toLowerCase();
    const [existing] = await tx.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, email));
    if (existing) throw new AppError("conflict:user", `A user with the email ${email} already exists.`, { fieldErrors: { email: ["Already in use."] } });
    const [user] = await tx
      .insert(t.users)
      .values({ id: newId(), email, name: input.name.trim(), role: input.role, passwordHash: input.passwordHash, active: true, createdAt: new Date() })
      .returning();
    const created = withoutSecret(user!);
    await recordAudit(tx, { actorId: input.actorId ?? created.id, action: "user.create", entityType: "user", entityId: created.id, after: created });
    return created;
  });
}

export async function updateUser(input: {
  id: string;
  version: number;
  role?: Role;
  active?: boolean;
  name?: string;
  actorId: string;
}): Promise<PublicUser> {
  const database = await getDatabase();
  const { t } = database;
  return database.transaction(async (tx) => {
    const [before] = await tx.select().from(t.users).where(eq(t.users.id, input.id));
    if (!before) throw new AppError("not_found:user", "That user does not exist.");
    if (input.id === input.actorId && (input.active === false || (input.role && input.role !== "admin"))) {
      throw new AppError("forbidden:user", "You cannot deactivate yourself or remove your own admin role; ask another admin.");
    }
    // A new role or a deactivation must not wait for old tokens to expire: it ends the user's sessions.
    // (Reactivating too, so a token copied before the deactivation does not come back to life.)
    const endsSessions = (input.role !== undefined && input.role !== before.role) || (input.active !== undefined && input.active !== before.active);
    const changes = {
      ...(input.role ? { role: input.role } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...(input.name ? { name: input.name.trim() } : {}),
      ...(endsSessions ? { sessionVersion: sql`${t.users.sessionVersion} + 1` } : {}),
      version: input.version + 1,
    };
    const [after] = await tx
      .update(t.users)
      .set(changes)
      .where(and(eq(t.users.id, input.id), eq(t.users.version, input.version)))
      .returning();
    if (!after) throw staleVersion("user");
    await recordAudit(tx, { actorId: input.actorId, action: "user.update", entityType: "user", entityId: input.id, before: withoutSecret(before), after: withoutSecret(after) });
    return withoutSecret(after);
  });
}

/**
 * An admin gives a user a password: a member brought in from another tool (who came without one), or someone
 * who lost theirs. Their sessions end; the audit records that it was set, never the hash.
 */
export async function setUserPassword(input: { id: string; version: number; passwordHash: string; actorId: string }): Promise<PublicUser> {
  const database = await getDatabase();
  const { t } = database;
  return database.transaction(async (tx) => {
    const [after] = await tx
      .update(t.users)
      .set({ passwordHash: input.passwordHash, sessionVersion: sql`${t.users.sessionVersion} + 1`, version: input.version + 1 })
      .where(and(eq(t.users.id, input.id), eq(t.users.version, input.version)))
      .returning();
    if (!after) {
      const [exists] = await tx.select({ id: t.users.id }).from(t.users).where(eq(t.users.id, input.id));
      throw exists ? staleVersion("user") : new AppError("not_found:user", "That user does not exist.");
    }
    const user = withoutSecret(after);
    await recordAudit(tx, { actorId: input.actorId, action: "user.password_set", entityType: "user", entityId: input.id, after: user });
    return user;
  });
}

/**
 * "Sign out everywhere", by an admin: every session token the user holds
 * stops working on its next request. Not version-checked: it changes
 * nothing an admin could overwrite, and doing it twice is harmless.
 */
export async function endUserSessions({ id, actorId }: { id: string; actorId: string }): Promise<PublicUser> {
  const database = await getDatabase();
  const { t } = database;
  return database.transaction(async (tx) => {
    const [after] = await tx
      .update(t.users)
      .set({ sessionVersion: sql`${t.users.sessionVersion} + 1` })
      .where(eq(t.users.id, id))
      .returning();
    if (!after) throw new AppError("not_found:user", "That user does not exist.");
    const user = withoutSecret(after);
    await recordAudit(tx, { actorId, action: "user.sign_out_everywhere", entityType: "user", entityId: id, after: user });
    return user;
  });
}

/**
 * Signing out: ends all of the user's sessions, but only if the token
 * signing out is still current. A token that was already revoked (a copy
 * someone kept) must not be able to sign its owner out again and again.
 * Returns whether anything was ended.
 */
export async function endSessionsIfCurrent({ id, sessionVersion }: { id: string; sessionVersion: number }): Promise<boolean> {
  const database = await getDatabase();
  const { t } = database;
  // Writes go through transaction(): on SQLite `db` is the read connection.
  const rows = await database.transaction((tx) =>
    tx
      .update(t.users)
      .set({ sessionVersion: sql`${t.users.sessionVersion} + 1` })
      .where(and(eq(t.users.id, id), eq(t.users.sessionVersion, sessionVersion)))
      .returning({ id: t.users.id }),
  );
  return rows.length > 0;
}

/** The user linked to an identity-provider account (issuer + subject), if any. */
export async function getUserByOidcSubject({ issuer, subject }: { issuer: string; subject: string }): Promise<PublicUser | null> {
  const { db, t } = await getDatabase();
  const [user] = await db.select().from(t.users).where(and(eq(t.users.oidcIssuer, issuer), eq(t.users.oidcSubject, subject)));
  return user ? withoutSecret(user) : null;
}

/**
 * Links a user to an identity-provider account at their first single
 * sign-on. Only a user not yet linked to this issuer is linked; one linked
 * to another subject stays so ("linked_elsewhere"): an email address the
 * provider has given to a new account must not take over the old link.
 */
export async function linkOidcSubject({ id, issuer, subject }: { id: string; issuer: string; subject: string }): Promise<"linked" | "linked_elsewhere"> {
  const database = await getDatabase();
  const { t } = database;
  return database.transaction(async (tx) => {
    const [before] = await tx.select().from(t.users).where(eq(t.users.id, id));
    if (!before) throw new AppError("not_found:user", "That user does not exist.");
    if (before.oidcIssuer !== null && before.oidcIssuer === issuer) return before.oidcSubject === subject ? "linked" : "linked_elsewhere";
    // One provider account is one user (checked here: the index on the pair is not unique).
    const [holder] = await tx.select({ id: t.users.id }).from(t.users).where(and(eq(t.users.oidcIssuer, issuer), eq(t.users.oidcSubject, subject)));
    if (holder) throw new AppError("conflict:user", "That single sign-on account is already linked to another user.");
    const [after] = await tx
      .update(t.users)
      .set({ oidcIssuer: issuer, oidcSubject: subject })
      .where(and(eq(t.users.id, id), eq(t.users.version, before.version)))
      .returning();
    if (!after) throw staleVersion("user");
    await recordAudit(tx, { actorId: id, action: "user.link_sso", entityType: "user", entityId: id, before: withoutSecret(before), after: withoutSecret(after) });
    return "linked";
  });
}
