"use server";
import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { countUsers, createUser } from "@/db/queries/users";
import { signIn, signOut, SsoOnlyLogin } from "@/server/auth";
import { oidcEndSessionUrl } from "@/server/oidc";
import type { ActionResult } from "@/lib/action-result";
import { failure, formToObject, invalidInput } from "@/server/action";
import { LoginRateLimited } from "@/server/login-limit";
import { hashPassword } from "@/server/password";
import { loginSchema, setupSchema } from "@/lib/validation/auth";
import { parseInput } from "@/lib/validation/messages";

/** Only same-site paths: an open redirect after sign-in would be a phishing aid. */
function safeNext(next: unknown): string {
  return typeof next === "string" && /^\/(?!\/)[^\s\\]*$/.test(next) ? next : "/articles";
}

export async function loginAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const parsed = parseInput(loginSchema, formToObject(form));
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: safeNext(parsed.data.next) });
    return { ok: true, data: null };
  } catch (error) {
    if (error instanceof LoginRateLimited) return { ok: false, error: error.userMessage, code: "rate_limited:login" };
    if (error instanceof SsoOnlyLogin || (error instanceof AuthError && "code" in error && error.code === "sso_only")) {
      return { ok: false, error: SSO_ONLY_MESSAGE, code: "forbidden:login" };
    }
    if (error instanceof AuthError) {
      return { ok: false, error: "That email and password do not match an active account.", code: "unauthorized:login" };
    }
    return failure(error);
  }
}

export async function oidcLoginAction(form: FormData): Promise<void> {
  await signIn("oidc", { redirectTo: safeNext(form.get("next")) });
}

const SSO_ONLY_MESSAGE = "Your organisation signs in through single sign-on only. Use the single sign-on button.";

/** Signs out here and, after a single sign-on, at the provider too when it supports RP-initiated logout. */
export async function signOutAction(): Promise<void> {
  const endSession = await oidcEndSessionUrl(await headers());
  if (!endSession) {
    await signOut({ redirectTo: "/login" });
    return;
  }
  await signOut({ redirect: false });
  redirect(endSession);
}

/**
 * One-time set-up: creates the first admin while the database has no users.
 * Anyone may call it, so the "no users yet" check happens inside the insert transaction.
 */
export async function setupAction(_prev: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  const parsed = parseInput(setupSchema, formToObject(form));
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    if ((await countUsers()) > 0) return { ok: false, error: "Factdesk is already set up. Sign in instead.", code: "forbidden:setup" };
    await createUser({
      email: parsed.data.email,
      name: parsed.data.name,
      role: "admin",
      passwordHash: await hashPassword(parsed.data.password),
      actorId: null,
      firstUser: true,
    });
    await signIn("credentials", { email: parsed.data.email, password: parsed.data.password, redirectTo: "/admin/users" });
    return { ok: true, data: null };
  } catch (error) {
    return failure(error);
  }
}
