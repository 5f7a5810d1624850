"use client";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { setUserPasswordAction } from "@/app/(desk)/admin/users/actions";
import type { PublicUser } from "@/db/queries/users";
import type { ActionResult } from "@/lib/action-result";
import { suggestPassword } from "./suggest-password";

/**
 * "Set password" on a user's row: how a member imported without a password (from Check) gets a way in when
 * single sign-on is not set up, and how someone who lost theirs gets a new one. A readable password is
 * proposed; the admin shares it privately.
 */
export function SetPassword({
  user,
  disabled,
  onStart,
  onResult,
  onOffline,
  onSaved,
}: {
  user: PublicUser;
  disabled: boolean;
  /** With the version saved: the row stays busy until the refreshed list shows it, so no click goes out with the old one. */
  onSaved: (version: number) => void;
  onStart: () => void;
  onResult: (result: ActionResult<PublicUser>, success: (user: PublicUser) => string) => void;
  onOffline: () => void;
}) {
  const [password, setPassword] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (value: string) => setUserPasswordAction({ id: user.id, version: user.version, password: value }),
    onMutate: onStart,
    onSuccess: (result) => {
      if (result.ok) {
        setPassword(null);
        onSaved(result.data.version);
      }
      onResult(result, (u) => `${u.name} has a new password. Share it with them privately${u.active ? "" : "; they can sign in once reactivated"}.`);
    },
    onError: onOffline,
  });
  const inputId = `password-${user.id}`;

  if (password === null) {
    return (
      <button type="button" className="button ghost small" disabled={disabled} onClick={() => setPassword(suggestPassword())}>
        Set password<span className="visually-hidden"> for {user.name}</span>
      </button>
    );
  }
  const save = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(password);
  };
  return (
    <form onSubmit={save} style={{ display: "flex", gap: "0.5rem", alignItems: "center" }}>
      <label htmlFor={inputId} className="visually-hidden">
        New password for {user.name}
      </label>
      <input id={inputId} type="text" autoComplete="off" spellCheck={false} minLength={12} maxLength={200} required value={password} onChange={(e) => setPassword(e.target.value)} size={19} />
      <button type="submit" className="button small" disabled={disabled || mutation.isPending}>
        {mutation.isPending ? "Saving…" : "Save"}
        <span className="visually-hidden"> password for {user.name}</span>
      </button>
      <button type="button" className="button ghost small" onClick={() => setPassword(null)}>
        Cancel
      </button>
    </form>
  );
}
