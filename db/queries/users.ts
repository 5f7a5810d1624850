import "server-only";
import { and, asc, count, eq } from "drizzle-orm";
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
    const changes = {
      ...(input.role ? { role: input.role } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...(input.name ? { name: input.name.trim() } : {}),
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
