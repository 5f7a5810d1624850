"use client";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { MAX_STATEMENT } from "@/components/annotation/claim-rules";
import type { WorkspaceClaim } from "@/components/annotation/types";
import { FormError } from "@/components/ui/form-error";
import { formatDateTime } from "@/components/ui/format";
import { StatementConflict } from "@/components/desk/statement-conflict";
import { ActionFailure, useSetExclusion, useUpdateStatement } from "./mutations";
import { useToast } from "./toast";
import styles from "./workspace.module.css";

/** Parts of the claim panel (claim-panel.tsx): restatement, review history, exclusion. */

const messageOf = (error: unknown) => (error instanceof Error ? error.message : "Something went wrong. Try again.");

export function StatementEditor({ articleId, claim, canWrite, children }: { articleId: string; claim: WorkspaceClaim; canWrite: boolean; children?: ReactNode }) {
  const id = useId();
  const update = useUpdateStatement(articleId);
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(claim.statement);
  // The claim as it was when editing began: saving against its version means a colleague's change
  // that arrives meanwhile (live updates) makes the save fail with a conflict, never overwrite it.
  const [base, setBase] = useState(claim);
  const [conflict, setConflict] = useState<{ mine: string; sentVersion: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const save = (event: FormEvent) => {
    event.preventDefault();
    const statement = value.trim();
    if (!statement) return setError("Write the claim in plain words.");
    if (statement === claim.statement) return setEditing(false);
    setError(null);
    setEditing(false);
    // mutateAsync (not mutate + callbacks): its promise settles even if this panel closed meanwhile.
    update.mutateAsync({ claim: base, statement }).catch((e: unknown) => {
      if (e instanceof ActionFailure && e.code.startsWith("conflict:")) return setConflict({ mine: statement, sentVersion: base.version });
      setError(messageOf(e));
      setValue(statement);
      setEditing(true);
    });
  };

  if (!editing) {
    return (
      <div className={styles.panelActions}>
        {canWrite && (
          <button
            type="button"
            className="button ghost small"
            onClick={() => {
              setValue(claim.statement);
              setBase(claim);
              setEditing(true);
            }}
          >
            Edit statement
          </button>
        )}
        {children}
        <FormError message={error} />
        {conflict && <StatementConflict articleId={articleId} claim={claim} sentVersion={conflict.sentVersion} mine={conflict.mine} onDone={() => setConflict(null)} />}
      </div>
    );
  }
  return (
    <form className={styles.statementBlock} onSubmit={save} noValidate>
      <div className="field">
        <label htmlFor={`${id}-input`}>Statement</label>
        <input id={`${id}-input`} type="text" autoFocus maxLength={MAX_STATEMENT} value={value} onChange={(e) => setValue(e.target.value)} />
        <p className="small muted" style={{ margin: "0.25rem 0 0" }}>
          {value.length}/{MAX_STATEMENT} characters
        </p>
      </div>
      <FormError message={error} />
      <div className="row">
        <button type="submit" className="button small">
          Save statement
        </button>
        <button type="button" className="button secondary small" onClick={() => setEditing(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function ReviewHistory({ claim }: { claim: WorkspaceClaim }) {
  if (!claim.verdict) return null;
  const reviews = [...claim.reviews].reverse(); // newest first
  return (
    <section className={styles.section} aria-labelledby={`${claim.id}-reviews`}>
      <h3 id={`${claim.id}-reviews`} className={styles.sectionHeading}>
        Review history
      </h3>
      {reviews.length === 0 ? (
        <p className="small muted">No editor has reviewed revision {claim.verdict.revision} yet.</p>
      ) : (
        <ol className={styles.reviews}>
          {reviews.map((r) => (
            <li key={r.id} className={r.decision === "changes_requested" ? styles.reviewChanges : styles.reviewApproved}>
              <p className={styles.reviewMeta}>
                <span className={`badge status status-${r.decision}`}>{r.decision === "approved" ? "Approved" : "Changes requested"}</span>
                <span className="small">
                  {r.editorName} · {formatDateTime(r.createdAt)}
                </span>
              </p>
              {r.comment && <p className={styles.reviewComment}>{r.comment}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function ExcludeControl({ articleId, claim }: { articleId: string; claim: WorkspaceClaim }) {
  const id = useId();
  const toast = useToast();
  const exclusion = useSetExclusion(articleId);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setError("Say why this claim is not fact-checkable.");
    setError(null);
    exclusion.mutateAsync({ claim, reason: reason.trim() }).then(
      () => {
        setOpen(false);
        toast("Claim excluded from the fact-check.");
      },
      (e: unknown) => setError(messageOf(e)),
    );
  };

  if (!open) {
    return (
      <div className={styles.excludeRow}>
        <button type="button" className="button ghost small" onClick={() => setOpen(true)}>
          Exclude claim
        </button>
        <span className="small muted">Not fact-checkable (opinion, prediction)? Exclude it with a reason.</span>
      </div>
    );
  }
  return (
    <form className={styles.excludeForm} onSubmit={submit} noValidate>
      <div className="field">
        <label htmlFor={`${id}-reason`}>Reason for excluding</label>
        <textarea
          id={`${id}-reason`}
          rows={2}
          maxLength={500}
          autoFocus
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={error ? true : undefined}
        />
      </div>
      <FormError message={error} />
      <div className="row">
        <button type="submit" className="button danger small" disabled={exclusion.isPending}>
          Exclude
        </button>
        <button type="button" className="button secondary small" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function ExclusionNotice({ articleId, claim, canWrite }: { articleId: string; claim: WorkspaceClaim; canWrite: boolean }) {
  const toast = useToast();
  const exclusion = useSetExclusion(articleId);
  const [error, setError] = useState<string | null>(null);
  const include = () =>
    exclusion.mutateAsync({ claim, reason: null }).then(
      () => toast("Claim included in the fact-check again."),
      (e: unknown) => setError(messageOf(e)),
    );
  return (
    <section className={`alert info ${styles.excluded}`} aria-label="Excluded">
      <p style={{ margin: 0 }}>
        <strong>Excluded from the fact-check.</strong> {claim.exclusionReason}
      </p>
      <FormError message={error} />
      {canWrite && (
        <button type="button" className="button secondary small" onClick={include} disabled={exclusion.isPending}>
          Include again
        </button>
      )}
    </section>
  );
}
