import "server-only";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { PublicUser } from "@/db/queries/users";
import type { ActionResult } from "@/lib/action-result";
import { isAppError } from "@/lib/errors";
import type { Permission } from "@/lib/permissions";
import { parseInput } from "@/lib/validation/messages";
import { invalidatePublicData } from "./public-cache";
import { requirePermission } from "./session";

/** Turns any thrown value into a result a user can read; unexpected causes are logged, never shown. */
export function failure(error: unknown): Extract<ActionResult<never>, { ok: false }> {
  unstable_rethrow(error);
  if (isAppError(error)) return { ok: false, error: error.message, code: error.code, fieldErrors: error.fieldErrors };
  console.error("[factdesk] unexpected error", error);
  return { ok: false, error: "Something went wrong on our side and nothing was saved. Try again in a moment.", code: "internal" };
}

/**
 * A refusal of invalid input. The message is the first problem in plain
 * words (lib/validation/messages.ts), never prefixed with the field's path:
 * people read it. `fieldErrors` keeps the paths for forms that place each
 * message next to its field.
 */
export function invalidInput(error: z.ZodError): Extract<ActionResult<never>, { ok: false }> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  const message = error.issues[0]?.message || "Something in the form is not valid. Reload the page and try again.";
  return { ok: false, error: message, code: "invalid:input", fieldErrors };
}

/** Each action's input schema, so a test can check what every action says about bad input (server/action-messages.test.ts). */
const SCHEMAS = new WeakMap<object, z.ZodType>();

/**
 * What an action changes that anonymous readers see (server/public-cache.ts),
 * declared once so no action has to remember to invalidate by hand:
 * - "public": every successful run does, including one that ends in redirect();
 * - a function of the run's result: the runs for which it returns true do.
 *   Annotate its parameter, e.g. `(result: { publicChanged: boolean }) => …`:
 *   TypeScript cannot infer it from `run`, which comes after; it checks that
 *   the result fits.
 * The wrapper then calls invalidatePublicData() after the run; a failed run
 * (an error, invalid input, no permission) invalidates nothing.
 */
type Invalidates<T> = "public" | ((result: T) => boolean);

type ActionOptions<T> = { permission: Permission; invalidates?: Invalidates<T> };

/**
 * Every server action goes through here: authorize first (each action is a
 * public endpoint), then validate with zod, then run, then invalidate what
 * `options.invalidates` declares. Actions meant for anonymous callers
 * (sign-in, first set-up) do not use it.
 */
export function action<S extends z.ZodType, T>(
  schema: S,
  options: ActionOptions<T>,
  run: (input: z.infer<S>, user: PublicUser) => Promise<T>,
): (input: z.input<S>) => Promise<ActionResult<T>> {
  const { invalidates } = options;
  const wrapped = async (raw: z.input<S>): Promise<ActionResult<T>> => {
    try {
      const user = await requirePermission(options.permission);
      const parsed = parseInput(schema, raw);
      if (!parsed.success) return invalidInput(parsed.error);
      const data = await run(parsed.data, user).catch(async (error: unknown) => {
        // redirect() ends a successful run by throwing; the redirect goes on after the invalidation.
        if (invalidates === "public" && isRedirectError(error)) await invalidatePublicData();
        throw error;
      });
      if (invalidates === "public" || invalidates?.(data)) await invalidatePublicData();
      return { ok: true, data };
    } catch (error) {
      return failure(error);
    }
  };
  SCHEMAS.set(wrapped, schema);
  return wrapped;
}

export function actionSchema(fn: unknown): z.ZodType | undefined {
  return typeof fn === "function" ? SCHEMAS.get(fn) : undefined;
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

