"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { tooLong } from "@/lib/validation/messages";
import { createUser, endUserSessions, setUserPassword, updateUser, type PublicUser } from "@/db/queries/users";
import { oidcEnabled } from "@/server/env";
import { AppError } from "@/lib/errors";
import { ROLES } from "@/lib/permissions";
import { action } from "@/server/action";
import { hashPassword } from "@/server/password";
import { idSchema } from "@/lib/validation/ids";

const ADMIN = { permission: "manage:organisation" } as const;
const PATH = "/admin/users";

const createUserSchema = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(120, tooLong("A name")),
  email: z.email("Enter a valid email address.").max(254, tooLong("An email address")),
  role: z.enum(ROLES, "Choose a role."),
  /** Empty: someone who signs in through single sign-on only, with no password at all. */
  password: z.union([z.literal(""), z.string().min(12, "Use at least 12 characters for the password.").max(200, tooLong("A password"))]).default(""),
});

const rowSchema = {
  id: idSchema,
  version: z.coerce.number().int().min(0),
};

/**
 * Adds a user, with an initial password (they can sign in at once) or, when
 * single sign-on is set up, without one: they sign in through the provider.
 */
export const createUserAction = action(createUserSchema, ADMIN, async (input, actor): Promise<PublicUser> => {
  if (!input.password && !oidcEnabled()) {
    throw new AppError("invalid:user", "Set an initial password: single sign-on is not set up, so it is the only way in.", { fieldErrors: { password: ["Use at least 12 characters."] } });
  }
  const user = await createUser({
    name: input.name,
    email: input.email,
    role: input.role,
    passwordHash: input.password ? await hashPassword(input.password) : null,
    actorId: actor.id,
  });
  revalidatePath(PATH);
  return user;
});

/** Changes a user's role; `version` must match, or nothing changes (someone else edited them). Ends their sessions. */
export const changeUserRoleAction = action(z.object({ ...rowSchema, role: z.enum(ROLES, "Choose a role.") }), ADMIN, async (input, actor) => {
  const user = await updateUser({ id: input.id, version: input.version, role: input.role, actorId: actor.id });
  revalidatePath(PATH);
  return user;
});

/**
 * Deactivates or reactivates a user. A deactivated user cannot sign in, and
 * their open sessions end (updateUser raises their session version).
 */
export const setUserActiveAction = action(z.object({ ...rowSchema, active: z.boolean() }), ADMIN, async (input, actor) => {
  const user = await updateUser({ id: input.id, version: input.version, active: input.active, actorId: actor.id });
  revalidatePath(PATH);
  return user;
});

/** Sets a user's password (a member imported without one, or a lost one); their sessions end. Not for yourself: use your own sign-in. */
export const setUserPasswordAction = action(
  z.object({ ...rowSchema, password: z.string().min(12, "Use at least 12 characters for the password.").max(200, tooLong("A password")) }),
  ADMIN,
  async (input, actor) => {
    if (input.id === actor.id) throw new AppError("forbidden:user", "You cannot set your own password here.");
    const user = await setUserPassword({ id: input.id, version: input.version, passwordHash: await hashPassword(input.password), actorId: actor.id });
    revalidatePath(PATH);
    return user;
  },
);

/** "Sign out everywhere": every session the user has open ends on its next request; they sign in again. */
export const signOutUserEverywhereAction = action(z.object({ id: rowSchema.id }), ADMIN, async (input, actor) => {
  const user = await endUserSessions({ id: input.id, actorId: actor.id });
  revalidatePath(PATH);
  return user;
});
