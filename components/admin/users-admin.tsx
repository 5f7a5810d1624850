"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { createUserAction } from "@/app/(desk)/admin/users/actions";
import { FieldError, FormError } from "@/components/ui/form-error";
import type { PublicUser } from "@/db/queries/users";
import { ROLES, type Role } from "@/lib/permissions";
import type { ActionResult } from "@/lib/action-result";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, withArticle } from "./roles";
import styles from "./admin.module.css";
import { suggestPassword } from "./suggest-password";
import { UserRow } from "./user-row";

type Notice = { kind: "success" | "error"; message: string; conflict?: boolean };
type Failure = Extract<ActionResult<unknown>, { ok: false }>;

const OFFLINE = "Could not reach the server, so nothing was saved. Check your connection and try again.";

/** The user administration screen: who has access, in which role, and a form to add someone. */
/**
 * `sso`: the single sign-on provider's name when it is set up (a user may then be added without a
 * password), null when it is not; left out, the form lets the password be empty and the server decides.
 */
export function UsersAdmin({ users, currentUserId, sso }: { users: PublicUser[]; currentUserId: string; sso?: string | null }) {
  const router = useRouter();
  // One message at a time, above the table; the add form shows its own errors beside its fields.
  const [notice, setNotice] = useState<Notice | null>(null);
  const active = users.filter((u) => u.active).length;

  function report(result: ActionResult<PublicUser> | Failure, success: (user: PublicUser) => string) {
    if (result.ok) setNotice({ kind: "success", message: success(result.data) });
    else setNotice({ kind: "error", message: result.error, conflict: result.code.startsWith("conflict:") });
  }

  return (
    <>
      <div className={styles.header}>
        <div>
          <h1>Users</h1>
          <p className="muted">People who can sign in to the desk, and what their role lets them do.</p>
        </div>
        <div className={styles.stats}>
          <span className={styles.stat}>
            <strong>{active}</strong> active
          </span>
          {users.length > active && (
            <span className={styles.stat}>
              <strong>{users.length - active}</strong> deactivated
            </span>
          )}
        </div>
      </div>

      {notice?.kind === "success" && (
        <div className={`alert success ${styles.notice}`} role="status">
          <span data-testid="toast">{notice.message}</span>
          <button type="button" className="button ghost small" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}
      {notice?.kind === "error" && (
        <div className={`alert error ${styles.notice}`} role="alert">
          <span data-testid="form-error">{notice.message}</span>
          {notice.conflict ? (
            <button
              type="button"
              className="button secondary small"
              onClick={() => {
                setNotice(null);
                router.refresh();
              }}
            >
              Reload users
            </button>
          ) : (
            <button type="button" className="button ghost small" onClick={() => setNotice(null)}>
              Dismiss
            </button>
          )}
        </div>
      )}

      <div className={styles.layout}>
        <CreateUserForm
          sso={sso}
          onStart={() => setNotice(null)}
          onCreated={(user, withPassword) =>
            setNotice({
              kind: "success",
              message: `Added ${user.name} as ${withArticle(user.role)}. ${withPassword ? "They can sign in now with the password you set." : `They sign in with ${sso ?? "single sign-on"}.`}`,
            })
          }
        />
        <div className={styles.tableWrap}>
          <table className={styles.table}>
            <caption>
              All users <span>{users.length === 1 ? "1 person" : `${users.length} people`}</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <UserRow
                  key={user.id}
                  user={user}
                  isSelf={user.id === currentUserId}
                  onStart={() => setNotice(null)}
                  onResult={report}
                  onOffline={() => setNotice({ kind: "error", message: OFFLINE })}
                />
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </>
  );
}

const EMPTY = { name: "", email: "", role: "reviewer" as Role, password: "" };

function CreateUserForm({ sso, onStart, onCreated }: { sso: string | null | undefined; onStart: () => void; onCreated: (user: PublicUser, withPassword: boolean) => void }) {
  const [values, setValues] = useState(EMPTY);
  const [showPassword, setShowPassword] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  const mutation = useMutation({
    mutationFn: (input: typeof EMPTY) => createUserAction(input),
    onMutate: () => {
      setFailure(null);
      onStart();
    },
    onSuccess: (result, input) => {
      if (!result.ok) {
        setFailure(result);
        return;
      }
      setValues(EMPTY);
      setShowPassword(false);
      onCreated(result.data, input.password !== "");
      nameRef.current?.focus();
    },
    onError: () => setFailure({ ok: false, error: OFFLINE, code: "network" }),
  });

  const errors = failure?.fieldErrors ?? {};
  const message = failure ? (failure.code === "invalid:input" ? "Please correct the fields marked below." : failure.error) : null;
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }));
  const invalid = (key: string) => (errors[key] ? { "aria-invalid": true, "aria-describedby": `new-user-${key}-error` } : {});

  function submit(event: FormEvent) {
    event.preventDefault();
    mutation.mutate(values);
  }

  return (
    <section className={styles.card} aria-labelledby="new-user-heading">
      <h2 id="new-user-heading">Add a user</h2>
      <p>
        They can sign in as soon as you add them. Share the initial password privately
        {sso !== null ? `, or leave it empty for someone who signs in with ${sso ?? "single sign-on"} only` : ""}.
      </p>
      <FormError message={mutation.isPending ? null : message} />
      <form onSubmit={submit} className={styles.createGrid}>
        <div className="field">
          <label htmlFor="new-user-name">Name</label>
          <input ref={nameRef} id="new-user-name" name="name" type="text" autoComplete="off" required maxLength={120} value={values.name} onChange={set("name")} {...invalid("name")} />
          <FieldError id="new-user-name-error" errors={errors.name} />
        </div>
        <div className="field">
          <label htmlFor="new-user-email">Email</label>
          <input id="new-user-email" name="email" type="email" autoComplete="off" required maxLength={254} value={values.email} onChange={set("email")} {...invalid("email")} />
          <FieldError id="new-user-email-error" errors={errors.email} />
        </div>
        <div className="field">
          <label htmlFor="new-user-role">Role</label>
          <select id="new-user-role" name="role" value={values.role} onChange={set("role")} aria-describedby="new-user-role-hint">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
          <p className={styles.hint} id="new-user-role-hint">
            {ROLE_DESCRIPTIONS[values.role]}
          </p>
          <FieldError id="new-user-role-error" errors={errors.role} />
        </div>
        <div className="field">
          <label htmlFor="new-user-password">Initial password{sso !== null ? " (optional with single sign-on)" : ""}</label>
          <div className={styles.passwordRow}>
            <input
              id="new-user-password"
              name="password"
              type={showPassword ? "text" : "password"}
              autoComplete="new-password"
              required={sso === null}
              minLength={12}
              maxLength={200}
              value={values.password}
              onChange={set("password")}
              {...invalid("password")}
              aria-describedby={errors.password ? "new-user-password-error" : "new-user-password-hint"}
            />
            <button
              type="button"
              className="button secondary small"
              onClick={() => {
                setValues((v) => ({ ...v, password: suggestPassword() }));
                setShowPassword(true);
              }}
            >
              Generate
            </button>
          </div>
          <p className={styles.hint} id="new-user-password-hint">
            At least 12 characters{sso !== null ? `; none for someone who signs in with ${sso ?? "single sign-on"} only` : ""}.{" "}
            <button type="button" className="button ghost small" style={{ padding: 0, fontSize: "inherit" }} aria-pressed={showPassword} onClick={() => setShowPassword((s) => !s)}>
              {showPassword ? "Hide password" : "Show password"}
            </button>
          </p>
          <FieldError id="new-user-password-error" errors={errors.password} />
        </div>
        <div className={styles.createActions}>
          <button type="submit" className={`button ${styles.submit}`} disabled={mutation.isPending} aria-busy={mutation.isPending || undefined}>
            {mutation.isPending ? "Adding…" : "Add user"}
          </button>
        </div>
      </form>
    </section>
  );
}
