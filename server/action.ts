import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { PublicUser } from "@/db/queries/users";
import { AppError, isAppError } from "@/lib/errors";
import type { Permission } from "@/lib/permissions";
import { requirePermission } from "./session";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; code: string; fieldErrors?: Record<string, string[]> };

/** Turns any thrown value into a result a user can read; unexpected causes are logged, never shown. */
export function failure(error: unknown): Extract<ActionResult<never>, { ok: false }> {
  unstable_rethrow(error);
  if (isAppError(error)) return { ok: false, error: error.message, code: error.code, fieldErrors: error.fieldErrors };
  console.error("[factdesk] unexpected error", error);
  return { ok: false, error: "Something went wrong on our side and nothing was saved. Try again in a moment.", code: "internal" };
}

export function invalidInput(error: z.ZodError): Extract<ActionResult<never>, { ok: false }> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  const first = error.issues[0];
  const where = first?.path.length ? `${first.path.join(".")}: ` : "";
  return { ok: false, error: `Please check the form. ${where}${first?.message ?? ""}`.trim(), code: "invalid:input", fieldErrors };
}

/**
 * Every server action goes through here: authorize first (each action is a
 * public endpoint), then validate with zod, then run. The permission is
 * `null` only for actions meant for anonymous callers (sign-in, first set-up).
 */
export function action<S extends z.ZodType, T>(
  schema: S,
  options: { permission: Permission },
  run: (input: z.infer<S>, user: PublicUser) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  return async (raw) => {
    try {
      const user = await requirePermission(options.permission);
      const parsed = schema.safeParse(raw);
      if (!parsed.success) return invalidInput(parsed.error);
      return { ok: true, data: await run(parsed.data, user) };
    } catch (error) {
      return failure(error);
    }
  };
}

/** Same as `action`, shaped for `useActionState` forms: (previous state, FormData). */
export function formAction<S extends z.ZodType, T>(
  schema: S,
  options: { permission: Permission },
  run: (input: z.infer<S>, user: PublicUser) => Promise<T>,
): (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>> {
  const inner = action(schema, options, run);
  return (_previous, form) => inner(formToObject(form) as z.input<S>);
}

/** FormData → plain object; repeated keys become arrays; empty strings stay (zod decides). */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const existing = out[key];
    out[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

export { AppError };
