"use client";
import { useRef, useState } from "react";
import { useFormStatus } from "react-dom";
import { loginAction, oidcLoginAction } from "@/app/(auth)/actions";
import { FieldError, FormError } from "@/components/ui/form-error";
import { AuthCard } from "./auth-shell";
import { useAuthAction } from "./use-auth-action";
import type { DemoAccount } from "@/db/seed/demo-accounts";
import styles from "./auth.module.css";

type Props = {
  /** Where to go after signing in (already a same-site path check happens server-side). */
  next?: string;
  /** A message carried in the URL, e.g. after a refused single sign-on. */
  initialError?: string | null;
  /** The single sign-on button's provider name, when single sign-on is configured. */
  oidcName?: string | null;
  /** The organisation signs in through single sign-on only: the password form is for admins. */
  ssoOnly?: boolean;
  /** Only passed in demo mode, so the passwords never reach the browser otherwise. */
  demoAccounts?: readonly DemoAccount[];
};

export function LoginForm({ next, initialError, oidcName, ssoOnly, demoAccounts }: Props) {
  const { submit, onSubmit, pending, fieldErrors, message: refusal } = useAuthAction(loginAction, "Enter your email address and password.");
  // Controlled, so a demo account can fill both fields.
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const submitRef = useRef<HTMLButtonElement>(null);
  const message = refusal ?? initialError;

  function fillAccount(account: DemoAccount) {
    setEmail(account.email);
    setPassword(account.password);
    submitRef.current?.focus();
  }

  return (
    <>
      <AuthCard
        title="Sign in"
        lead={ssoOnly && oidcName ? `Sign in with ${oidcName}. Password sign-in is kept for admins only.` : "Use your Factdesk account to open the desk."}
      >
        <form action={submit} onSubmit={onSubmit} className={styles.form}>
          <FormError message={pending ? null : message} />
          <input type="hidden" name="next" value={next ?? ""} />
          <div className="field">
            <label htmlFor="login-email">Email</label>
            <input
              id="login-email"
              name="email"
              type="email"
              autoComplete="username"
              required
              autoFocus
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={fieldErrors.email ? true : undefined}
              aria-describedby={fieldErrors.email ? "login-email-error" : undefined}
            />
            <FieldError id="login-email-error" errors={fieldErrors.email} />
          </div>
          <div className="field">
            <label htmlFor="login-password">Password</label>
            <input
              id="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              aria-invalid={fieldErrors.password ? true : undefined}
              aria-describedby={fieldErrors.password ? "login-password-error" : undefined}
            />
            <FieldError id="login-password-error" errors={fieldErrors.password} />
          </div>
          <button ref={submitRef} type="submit" className={`button ${styles.submit}`} disabled={pending} aria-busy={pending || undefined}>
            {pending ? "Signing in…" : "Sign in"}
          </button>
        </form>

        {oidcName && (
          <>
            <div className={styles.divider} aria-hidden="true">
              or
            </div>
            <form action={oidcLoginAction}>
              <input type="hidden" name="next" value={next ?? ""} />
              <OidcButton name={oidcName} />
            </form>
          </>
        )}
      </AuthCard>

      {demoAccounts && demoAccounts.length > 0 && <DemoAccountsPanel accounts={demoAccounts} onUse={fillAccount} />}
    </>
  );
}

function OidcButton({ name }: { name: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={`button secondary ${styles.sso}`} disabled={pending}>
      {pending ? `Redirecting to ${name}…` : `Sign in with ${name}`}
    </button>
  );
}

function DemoAccountsPanel({ accounts, onUse }: { accounts: readonly DemoAccount[]; onUse: (account: DemoAccount) => void }) {
  const shared = accounts.every((a) => a.password === accounts[0]!.password) ? accounts[0]!.password : null;
  return (
    <section className={styles.demo} aria-labelledby="demo-accounts-heading" data-testid="demo-accounts">
      <h2 id="demo-accounts-heading">
        Demo accounts <span className={styles.demoTag}>Demo</span>
      </h2>
      <p>
        This is a demo installation with sample data.
        {shared && (
          <>
            {" "}
            Every account uses the password <code>{shared}</code>.
          </>
        )}{" "}
        Choose one to fill in the form.
      </p>
      <ul className={styles.demoList}>
        {accounts.map((account) => (
          <li key={account.email} className={styles.demoItem}>
            <div className={styles.demoWho}>
              <span className={styles.demoName}>{account.name}</span>
              <span className={styles.role}>{account.role}</span>
              <span className={styles.demoEmail}>
                {account.email}
                {!shared && <> · {account.password}</>}
              </span>
            </div>
            <button type="button" className="button secondary small" onClick={() => onUse(account)}>
              Use<span className="visually-hidden"> {account.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
