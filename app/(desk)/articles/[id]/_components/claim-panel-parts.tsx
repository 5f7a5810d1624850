"use client";
import { useId, useState, type FormEvent } from "react";
import type { WorkspaceClaim } from "@/components/annotation/types";
import { FormError } from "@/components/ui/form-error";
import { formatDateTime } from "@/components/ui/format";
import { RequiredMark } from "@/components/ui/required-mark";
import { useExcludeWithUndo, useSetExclusion } from "./mutations";
import { useToast } from "./toast";
import styles from "./workspace.module.css";

/** Parts of the claim panel (claim-panel.tsx): review history and exclusion. */

const messageOf = (error: unknown) => (error instanceof Error ? error.message : "Something went wrong. Try again.");

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

/** A claim readers can see right now leaves the public page only through an approved revision with a correction note. */
const onPublicPage = (claim: WorkspaceClaim) => Boolean(claim.publishedVerdictId) && claim.status !== "excluded";

export function ExcludeControl({ articleId, claim }: { articleId: string; claim: WorkspaceClaim }) {
  const id = useId();
  const exclude = useExcludeWithUndo(articleId);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const reviewed = onPublicPage(claim);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setError("Say why this claim is not fact-checkable.");
    if (reviewed && !note.trim()) return setError("Write a correction note: readers will see it once an editor approves the removal.");
    setError(null);
    setOpen(false);
    exclude(claim, reason.trim(), reviewed ? note.trim() : null);
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
        <label htmlFor={`${id}-reason`}>
          Reason for excluding <RequiredMark />
        </label>
        <textarea
          id={`${id}-reason`}
          aria-required="true"
          rows={2}
          maxLength={500}
          autoFocus
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={error ? true : undefined}
        />
      </div>
      {reviewed && (
        <div className="field">
          <label htmlFor={`${id}-note`}>
            Correction note for readers <RequiredMark />
          </label>
          <textarea id={`${id}-note`} rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby={`${id}-public`} aria-required="true" />
          <p id={`${id}-public`} className="small muted">
            This claim is on the published fact-check. It stays there until an editor other than you approves its removal.
          </p>
        </div>
      )}
      <FormError message={error} />
      <div className="row">
        <button type="submit" className="button danger small">
          {reviewed ? "Submit removal for approval" : "Exclude"}
        </button>
        <button type="button" className="button secondary small" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function ExclusionNotice({ articleId, claim, canWrite, published }: { articleId: string; claim: WorkspaceClaim; canWrite: boolean; published: boolean }) {
  const toast = useToast();
  const exclusion = useSetExclusion(articleId);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // After publication a claim with a verdict comes back only through an approved revision.
  const reviewed = published && Boolean(claim.verdict);
  const include = (note: string | null) => {
    if (reviewed && !note) return setError("Write a correction note: readers will see it once an editor approves the claim's return.");
    exclusion.mutateAsync({ claim, reason: null, correctionNote: note }).then(
      () => toast(reviewed ? "Submitted for approval: the claim returns to the public page once an editor approves it." : "Claim included in the fact-check again."),
      (e: unknown) => setError(messageOf(e)),
    );
  };
  return (
    <section className={`alert info ${styles.excluded}`} aria-label="Excluded">
      <p style={{ margin: 0 }}>
        <strong>Excluded from the fact-check.</strong> {claim.exclusionReason}
      </p>
      {canWrite && asking ? (
        <CorrectionNoteForm busy={exclusion.isPending} error={error} onSubmit={include} />
      ) : (
        <>
          <FormError message={error} />
          {canWrite && (
            <button type="button" className="button secondary small" onClick={() => (reviewed ? setAsking(true) : include(null))} disabled={exclusion.isPending}>
              Include again
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** A revision that removes the claim from the public page is waiting for an editor; a reviewer can answer it with one that keeps the claim. */
export function PendingWithdrawal({ articleId, claim, canWrite }: { articleId: string; claim: WorkspaceClaim; canWrite: boolean }) {
  const toast = useToast();
  const exclusion = useSetExclusion(articleId);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!claim.verdict?.withdrawnReason || claim.status === "excluded") return null;
  const keep = (note: string) => {
    if (!note) return setError("Write a correction note: it explains the new revision to the editor and, once approved, to readers.");
    exclusion.mutateAsync({ claim, reason: null, correctionNote: note }).then(
      () => toast("Submitted: a revision that keeps the claim now awaits approval."),
      (e: unknown) => setError(messageOf(e)),
    );
  };
  return (
    <div className="alert warn small" data-testid="pending-withdrawal">
      <p style={{ margin: 0 }}>
        <strong>Removal awaiting approval.</strong> {claim.verdict.withdrawnReason} Readers keep seeing this claim until an editor approves the removal.
      </p>
      {canWrite && !asking && (
        <button type="button" className="button secondary small" onClick={() => setAsking(true)}>
          Keep the claim instead
        </button>
      )}
      {canWrite && asking && <CorrectionNoteForm busy={exclusion.isPending} error={error} onSubmit={keep} />}
    </div>
  );
}

/** A correction note and a submit button: how a change to a published claim is proposed. */
function CorrectionNoteForm({ busy, error, onSubmit }: { busy: boolean; error: string | null; onSubmit: (note: string) => void }) {
  const id = useId();
  const [note, setNote] = useState("");
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(note.trim());
      }}
      noValidate
    >
      <div className="field">
        <label htmlFor={`${id}-note`}>
          Correction note for readers <RequiredMark />
        </label>
        <textarea id={`${id}-note`} rows={2} maxLength={1000} autoFocus value={note} onChange={(e) => setNote(e.target.value)} aria-required="true" />
      </div>
      <FormError message={error} />
      <button type="submit" className="button secondary small" disabled={busy}>
        Submit for approval
      </button>
    </form>
  );
}
