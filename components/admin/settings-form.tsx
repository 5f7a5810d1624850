"use client";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { updateLanguageAction, updateSettingsAction, updateSsoOnlyAction, updateSuggestionThresholdAction } from "@/app/(desk)/admin/settings/actions";
import { FormError } from "@/components/ui/form-error";
import type { ActionResult } from "@/lib/action-result";

/**
 * Saving one settings form: busy while the action runs, then the server's
 * refusal or the "Saved: …" line that `savedMessage` writes, and the page refreshed.
 */
function useSettingSave<T>(save: () => Promise<ActionResult<T>>, savedMessage: (data: T) => string) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSaved(null);
    try {
      const result = await save();
      if (!result.ok) return setError(result.error);
      setError(null);
      setSaved(savedMessage(result.data));
      router.refresh();
    } catch {
      setError("Could not reach the server, so nothing was saved. Try again.");
    } finally {
      setBusy(false);
    }
  };
  return { submit, error, saved, busy };
}

/** The form's error, or what was saved. */
function SaveOutcome({ error, saved }: { error: string | null; saved: string | null }) {
  return (
    <>
      <FormError message={error} />
      {saved && (
        <p className="alert success" role="status" data-testid="toast">
          {saved}
        </p>
      )}
    </>
  );
}

/** The approval quorum: how many editors (never the verdict's author) must approve a verdict. */
export function SettingsForm({ approvalQuorum, version }: { approvalQuorum: number; version: number }) {
  const id = useId();
  const [value, setValue] = useState(String(approvalQuorum));
  const { submit, error, saved, busy } = useSettingSave(
    () => updateSettingsAction({ approvalQuorum: Number(value), version }),
    ({ approvedClaims, quorum }) => {
      const extra = approvedClaims ? ` ${approvedClaims} verdict${approvedClaims === 1 ? "" : "s"} already had enough approvals and are now approved.` : "";
      return `Saved: verdicts now need ${quorum} approving editor${quorum === 1 ? "" : "s"}.${extra}`;
    },
  );

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
      <SaveOutcome error={error} saved={saved} />
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
  const [checked, setChecked] = useState(ssoOnly);
  const { submit, error, saved, busy } = useSettingSave(
    () => updateSsoOnlyAction({ ssoOnly: checked, version }),
    (data) => (data.ssoOnly ? `Saved: people sign in with ${provider ?? "single sign-on"} only; admins keep their passwords.` : "Saved: people may sign in with a password again."),
  );

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
      <SaveOutcome error={error} saved={saved} />
      <button type="submit" className="button" disabled={busy || (!provider && !checked)}>
        Save sign-in setting
      </button>
    </form>
  );
}

/** The language the fact-checks are written in, as machines read it (ClaimReview, feeds). */
export function LanguageForm({ language, version }: { language: string; version: number }) {
  const id = useId();
  const [value, setValue] = useState(language);
  const { submit, error, saved, busy } = useSettingSave(
    () => updateLanguageAction({ language: value, version }),
    (data) => `Saved: fact-checks are marked as written in “${data.language}”.`,
  );

  return (
    <form onSubmit={submit} noValidate className="card">
      <h2>Language</h2>
      <div className="field">
        <label htmlFor={`${id}-language`}>Language of your fact-checks</label>
        <input id={`${id}-language`} type="text" value={value} maxLength={35} onChange={(e) => setValue(e.target.value)} aria-describedby={`${id}-language-hint`} aria-invalid={error ? true : undefined} style={{ maxWidth: "10rem" }} />
        <p id={`${id}-language-hint`} className="small muted">
          A language tag such as en, fr or pt-BR. Search engines and fact-check databases read it from each claim review and from the feeds.
        </p>
      </div>
      <SaveOutcome error={error} saved={saved} />
      <button type="submit" className="button" disabled={busy}>
        Save language
      </button>
    </form>
  );
}

const percent = (score: number) => Math.round(score * 100);

/**
 * How readily the workspace suggests sentences to check: a lower threshold suggests more sentences (more found,
 * more to dismiss), a higher one fewer and surer. Empty means the shipped threshold.
 */
export function SuggestionThresholdForm({ threshold, shipped, version }: { threshold: number | null; shipped: number; version: number }) {
  const id = useId();
  const [value, setValue] = useState(threshold === null ? "" : String(percent(threshold)));
  const { submit, error, saved, busy } = useSettingSave(
    () => updateSuggestionThresholdAction({ percent: value.trim() === "" ? null : Number(value), version }),
    (data) => `Saved: sentences scoring ${percent(data.threshold)} % or more are suggested.`,
  );

  return (
    <form onSubmit={submit} noValidate className="card">
      <h2>Check-worthy suggestions</h2>
      <div className="field">
        <label htmlFor={`${id}-threshold`}>Suggest sentences scoring at least (%)</label>
        <input
          id={`${id}-threshold`}
          type="text"
          inputMode="numeric"
          maxLength={3}
          value={value}
          placeholder={String(percent(shipped))}
          onChange={(e) => setValue(e.target.value)}
          aria-describedby={`${id}-threshold-hint`}
          aria-invalid={error ? true : undefined}
          style={{ maxWidth: "8rem" }}
        />
        <p id={`${id}-threshold-hint`} className="small muted">
          Lower suggests more sentences, higher fewer and surer ones. Leave it empty for the recommended {percent(shipped)} %. Suggestions are only seen on the desk.
        </p>
      </div>
      <SaveOutcome error={error} saved={saved} />
      <button type="submit" className="button" disabled={busy}>
        Save suggestion threshold
      </button>
    </form>
  );
}
