"use client";
import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { changeUserRoleAction, setUserActiveAction, signOutUserEverywhereAction } from "@/app/(desk)/admin/users/actions";
import { formatDate } from "@/components/ui/format";
import type { PublicUser } from "@/db/queries/users";
import { ROLES, type Role } from "@/lib/permissions";
import type { ActionResult } from "@/lib/action-result";
import { ROLE_LABELS, withArticle } from "./roles";
import styles from "./admin.module.css";
import { SetPassword } from "./set-password";

/** One person on the users screen (users-admin.tsx): role, active state and signing out everywhere. */

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "")).toUpperCase() || "?";
}

type RowChange = { kind: "role"; role: Role } | { kind: "active"; active: boolean } | { kind: "sessions" };

export function UserRow({
  user,
  isSelf,
  onStart,
  onResult,
  onOffline,
}: {
  user: PublicUser;
  isSelf: boolean;
  onStart: () => void;
  onResult: (result: ActionResult<PublicUser>, success: (user: PublicUser) => string) => void;
  onOffline: () => void;
}) {
  // The role picked but not yet saved; null means "shows the saved role".
  const [draftRole, setDraftRole] = useState<Role | null>(null);
  const selectRef = useRef<HTMLSelectElement>(null);
  const selected = draftRole ?? user.role;
  const dirty = selected !== user.role;
  // After a save, the refreshed list arrives a moment after the action's answer. Until the row
  // shows that version, it stays busy: no flash of the old value, no click with a stale version.
  const [awaitVersion, setAwaitVersion] = useState<number | null>(null);
  const refocusRole = useRef(false);
  const syncing = awaitVersion !== null && user.version < awaitVersion;

  useEffect(() => {
    if (awaitVersion === null || user.version < awaitVersion) return;
    setAwaitVersion(null);
    setDraftRole(null);
    // The Save button goes away once saved; keep keyboard focus in the row.
    if (refocusRole.current) selectRef.current?.focus();
    refocusRole.current = false;
  }, [awaitVersion, user.version]);

  const mutation = useMutation({
    // Each change carries the version this page was rendered with: a stale one is refused, nothing overwritten.
    mutationFn: (change: RowChange) =>
      change.kind === "role"
        ? changeUserRoleAction({ id: user.id, version: user.version, role: change.role })
        : change.kind === "active"
          ? setUserActiveAction({ id: user.id, version: user.version, active: change.active })
          : signOutUserEverywhereAction({ id: user.id }),
    onMutate: onStart,
    onSuccess: (result, change) => {
      if (result.ok) setAwaitVersion(result.data.version);
      if (change.kind === "role") {
        refocusRole.current = result.ok;
        onResult(result, (u) => `${u.name} is now ${withArticle(u.role)}. They need to sign in again.`);
      } else if (change.kind === "sessions") {
        onResult(result, (u) => `${u.name} is signed out on every device. They need to sign in again.`);
      } else {
        onResult(result, (u) => (u.active ? `${u.name} is active again and can sign in.` : `${u.name} is deactivated and can no longer sign in.`));
      }
    },
    onError: onOffline,
  });

  const busy = mutation.isPending || syncing;
  const selectId = `role-${user.id}`;

  function saveRole(event: FormEvent) {
    event.preventDefault();
    if (dirty) mutation.mutate({ kind: "role", role: selected });
  }

  return (
    <tr className={user.active ? undefined : styles.inactive} aria-busy={busy || undefined}>
      <td>
        <div className={styles.person}>
          <span className={styles.avatar} aria-hidden="true">
            {initials(user.name)}
          </span>
          <div>
            <span className={styles.name}>{user.name}</span>
            {isSelf && <span className={styles.you}>You</span>}
            <span className={styles.since}>Added {formatDate(user.createdAt)}</span>
          </div>
        </div>
      </td>
      <td className={styles.email}>{user.email}</td>
      <td>
        <form className={styles.roleCell} onSubmit={saveRole}>
          <label htmlFor={selectId} className="visually-hidden">
            Role for {user.name}
          </label>
          <select
            id={selectId}
            ref={selectRef}
            value={selected}
            disabled={isSelf}
            title={isSelf ? "You cannot change your own role; ask another admin." : undefined}
            onChange={(e) => !busy && setDraftRole(e.target.value as Role)}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
          <span className={styles.saveSlot}>
            {dirty && (
              <button type="submit" className="button small" disabled={busy}>
                {busy && mutation.variables?.kind === "role" ? "Saving…" : "Save role"}
                <span className="visually-hidden"> for {user.name}</span>
              </button>
            )}
          </span>
        </form>
      </td>
      <td>
        <span className={`${styles.status} ${user.active ? styles.statusActive : styles.statusInactive}`}>{user.active ? "Active" : "Deactivated"}</span>
      </td>
      <td>
        {isSelf ? (
          <span className={`small muted ${styles.nowrap}`}>Your account</span>
        ) : (
          <div style={{ display: "flex", gap: "0.5rem", justifyContent: "flex-end", flexWrap: "wrap" }}>
            <SetPassword user={user} disabled={busy} onStart={onStart} onResult={onResult} onOffline={onOffline} onSaved={setAwaitVersion} />
            {user.active && (
              <button
                type="button"
                className="button ghost small"
                disabled={busy}
                title="Ends every session they have open, on any device; they can sign in again."
                onClick={() => mutation.mutate({ kind: "sessions" })}
              >
                {busy && mutation.variables?.kind === "sessions" ? "Signing out…" : "Sign out everywhere"}
                <span className="visually-hidden"> {user.name}</span>
              </button>
            )}
            <button
              type="button"
              className={`button small ${user.active ? "secondary" : ""}`}
              disabled={busy}
              onClick={() => mutation.mutate({ kind: "active", active: !user.active })}
            >
              {busy && mutation.variables?.kind === "active" ? (user.active ? "Deactivating…" : "Reactivating…") : user.active ? "Deactivate" : "Reactivate"}
              <span className="visually-hidden"> {user.name}</span>
            </button>
          </div>
        )}
      </td>
    </tr>
  );
}
