"use client";
import { useActionState, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/action-result";

type AuthAction = (previous: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>>;

/**
 * A sign-in or set-up form's server action: `submit` for the form's `action`
 * (used before hydration), `onSubmit` for after it, and what to show from the
 * last answer. `invalidInput` replaces the server's message when the fields
 * failed validation (each field then shows its own error).
 */
export function useAuthAction(action: AuthAction, invalidInput: string) {
  const [state, submit, pending] = useActionState(action, null);
  const [, startTransition] = useTransition();

  /**
   * Before hydration the form posts natively (progressive enhancement); after it, we dispatch
   * ourselves, because React resets a form whose `action` ran, which would wipe what was typed.
   */
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => submit(data));
  }
  const failed = state && !state.ok ? state : null;
  const fieldErrors: Record<string, string[] | undefined> = failed?.fieldErrors ?? {};
  const message = failed ? (failed.code === "invalid:input" ? invalidInput : failed.error) : null;
  return { submit, onSubmit, pending, fieldErrors, message };
}
