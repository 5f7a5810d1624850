"use client";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { updateSettingsAction, updateSsoOnlyAction } from "@/app/(desk)/admin/settings/actions";
import { FormError } from "@/components/ui/form-error";

/** The approval quorum: how many editors (never the verdict's author) must approve a verdict. */
export function SettingsForm({ approvalQuorum, version }: { approvalQuorum: number; version: number }) {
  const id = useId();
  const router = useRouter();
  const [value, setValue] = useState(String(approvalQuorum));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSaved(null);
    try {
      const result = await updateSettingsAction({ approvalQuorum: Number(value), version });
      if (!result.ok) return setError(result.error);
      setError(null);
      const extra = result.data.approvedClaims ? ` ${result.data.approvedClaims} verdict${result.data.approvedClaims === 1 ? "" : "s"} already had enough approvals and are now approved.` : "";
      setSaved(`Saved: verdicts now need ${result.data.quorum} approving editor${result.data.quorum === 1 ? "" : "s"}.${extra}`);
      router.refresh();
    } catch {
      setError("Could not reach the server, so nothing was saved. Try again.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="card">
      <h2>Approval</h2>
      <div className="field">
        <label htmlFor={`${id}-quorum`}>Approval quorum</label>
        <select id={`${id}-quorum`} value={value} onChange={(e) => setValue(e.target.value)} aria-describedby={`${id}-hint`} style={{ maxWidth: "8rem" }}>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <p id={`${id}-hint`} className="small muted">
          How many different editors must approve a verdict before it counts as approved. The author of a verdict never approves it.
        </p>
      </div>
      <FormError message={error} />
      {saved && (
        <p className="alert success" role="status" data-testid="toast">
          {saved}
        </p>
      )}
      <button type="submit" className="button" disabled={busy}>
        Save settings
      </button>
    </form>
  );
}

/**
 * "Single sign-on only": everyone but admins signs in through the provider; admins keep their
 * passwords as the way in when the provider is down. `provider` is null when single sign-on is not set up.
 */
export function SsoOnlyForm({ ssoOnly, version, provider }: { ssoOnly: boolean; version: number; provider: string | null }) {
  const id = useId();
  const router = useRouter();
  const [checked, setChecked] = useState(ssoOnly);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSaved(null);
    try {
      const result = await updateSsoOnlyAction({ ssoOnly: checked, version });
      if (!result.ok) return setError(result.error);
      setError(null);
      setSaved(result.data.ssoOnly ? `Saved: people sign in with ${provider ?? "single sign-on"} only; admins keep their passwords.` : "Saved: people may sign in with a password again.");
      router.refresh();
    } catch {
      setError("Could not reach the server, so nothing was saved. Try again.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="card">
      <h2>Sign-in</h2>
      <div className="field">
        <label htmlFor={`${id}-sso-only`}>
          <input id={`${id}-sso-only`} type="checkbox" checked={checked} disabled={!provider && !checked} onChange={(e) => setChecked(e.target.checked)} aria-describedby={`${id}-sso-hint`} /> Single sign-on only
        </label>
        <p id={`${id}-sso-hint`} className="small muted">
          {provider
            ? `Everyone except admins signs in with ${provider}; their passwords are refused. Admins keep their passwords, as a way in when ${provider} is down.`
            : "Single sign-on is not set up (the AUTH_OIDC_* settings), so this cannot be turned on."}
        </p>
      </div>
      <FormError message={error} />
      {saved && (
        <p className="alert success" role="status" data-testid="toast">
          {saved}
        </p>
      )}
      <button type="submit" className="button" disabled={busy || (!provider && !checked)}>
        Save sign-in setting
      </button>
    </form>
  );
}
