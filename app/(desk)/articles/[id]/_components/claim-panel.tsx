"use client";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { excerpt } from "@/components/annotation/article-highlighter";
import { MAX_STATEMENT } from "@/components/annotation/claim-rules";
import { claimKey } from "@/components/annotation/queries";
import type { RatingOption, WorkspaceClaim } from "@/components/annotation/types";
import { RatingBadge } from "@/components/ui/badges";
import { FormError } from "@/components/ui/form-error";
import { formatDateTime } from "@/components/ui/format";
import { VerdictEditor, type SubmitResult } from "@/components/verdicts/verdict-editor";
import type { ProposeVerdictInput } from "@/components/verdicts/schema";
import { ClaimCollaboration } from "@/components/desk/claim-collaboration";
import { StatementConflict } from "@/components/desk/statement-conflict";
import { useVerdictConflict } from "@/components/desk/verdict-conflict";
import { ActionFailure, useProposeVerdict, useReloadWorkspace, useSetExclusion, useUpdateStatement } from "./mutations";
import { QUOTE_EXCERPT, panelId } from "./claim-list";
import { useToast } from "./toast";
import styles from "./workspace.module.css";

type Props = {
  articleId: string;
  claim: WorkspaceClaim;
  number: number;
  ratings: RatingOption[];
  canWrite: boolean;
  /** The article has been published: a new verdict revision needs a correction note. */
  published?: boolean;
  onShowInText: () => void;
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : "Something went wrong. Try again.");

/** Everything about the active claim: restatement, exclusion, review history and the verdict editor. */
export function ClaimPanel({ articleId, claim, number, ratings, canWrite, published, onShowInText }: Props) {
  const toast = useToast();
  const reload = useReloadWorkspace(articleId);
  const propose = useProposeVerdict(articleId);
  const latestRequest = claim.status === "changes_requested" ? claim.reviews.filter((r) => r.decision === "changes_requested").at(-1) : undefined;

  const conflict = useVerdictConflict({ claim, ratings, submit: (input) => submitVerdict(input), reload: () => void reload() });
  const submitVerdict = async (input: ProposeVerdictInput): Promise<SubmitResult> => {
    try {
      const result = await propose.mutateAsync(input);
      toast(`Verdict for claim ${number} submitted for approval (revision ${result.revision}).`);
      return { ok: true };
    } catch (error) {
      if (error instanceof ActionFailure && error.code.startsWith("conflict:")) return conflict.resolveConflict(input);
      if (error instanceof ActionFailure) return { ok: false, error: error.message, code: error.code, fieldErrors: error.fieldErrors };
      return { ok: false, error: messageOf(error) };
    }
  };

  return (
    <div id={panelId(claim.id)} className={styles.panel} role="region" aria-label={`Claim ${number} details`}>
      {latestRequest && (
        <div className={`alert warn ${styles.request}`} data-testid="changes-requested">
          <p className={styles.requestTitle}>
            <strong>Changes requested</strong> by {latestRequest.editorName} · {formatDateTime(latestRequest.createdAt)}
          </p>
          <p className={styles.requestComment}>{latestRequest.comment}</p>
        </div>
      )}

      {(claim.anchorStatus === "needs_review" || claim.anchorStatus === "orphaned") && (
        <p className="alert warn small">
          {claim.anchorStatus === "orphaned"
            ? "This quote was not found in the current text of the article. Check the article and add the claim again if it still applies."
            : "The article text changed and this claim's position was matched approximately. Check that the highlight still covers the right words."}
        </p>
      )}

      {claim.pending && (
        <p className="small muted" role="status">
          Saving the claim… You can start on the verdict meanwhile.
        </p>
      )}

      <StatementEditor articleId={articleId} claim={claim} canWrite={canWrite && !claim.pending}>
        <button type="button" className="button ghost small" onClick={onShowInText}>
          Show in text
        </button>
      </StatementEditor>

      {excerpt(claim.exact, QUOTE_EXCERPT) !== claim.exact && (
        <blockquote className={styles.panelQuote} aria-label="Full quote">
          {claim.exact}
        </blockquote>
      )}

      {claim.status === "excluded" ? (
        <ExclusionNotice articleId={articleId} claim={claim} canWrite={canWrite} />
      ) : (
        <>
          {claim.verdict && (
            <section className={styles.section} aria-labelledby={`${claim.id}-verdict`}>
              <h3 id={`${claim.id}-verdict`} className={styles.sectionHeading}>
                Current verdict
              </h3>
              <p className={styles.verdictLine}>
                <RatingBadge label={claim.verdict.rating.label} colour={claim.verdict.rating.colour} />
                <span className="small muted">
                  Revision {claim.verdict.revision} by {claim.verdict.authorName} · {formatDateTime(claim.verdict.createdAt)} · {claim.verdict.citations.length}{" "}
                  {claim.verdict.citations.length === 1 ? "citation" : "citations"}
                </span>
              </p>
            </section>
          )}

          <ReviewHistory claim={claim} />

          {canWrite && (
            <div className={styles.section}>
              <VerdictEditor
                key={`${claimKey(claim)}-${conflict.generation}`}
                claimId={claim.id}
                claimVersion={claim.version}
                ratings={ratings}
                initial={claim.verdict}
                onSubmit={submitVerdict}
                onReload={() => void reload()}
                approved={claim.status === "approved"}
                published={published}
                saving={claim.pending}
              />
            </div>
          )}

          {canWrite && !claim.pending && <ExcludeControl articleId={articleId} claim={claim} />}
          {conflict.dialog}
        </>
      )}
      <ClaimCollaboration articleId={articleId} claim={claim} canWrite={canWrite} onChanged={() => void reload()} />
    </div>
  );
}

function StatementEditor({ articleId, claim, canWrite, children }: { articleId: string; claim: WorkspaceClaim; canWrite: boolean; children?: ReactNode }) {
  const id = useId();
  const update = useUpdateStatement(articleId);
  const [conflict, setConflict] = useState<{ mine: string; sentVersion: number } | null>(null);
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(claim.statement);
  const [error, setError] = useState<string | null>(null);

  const save = (event: FormEvent) => {
    event.preventDefault();
    const statement = value.trim();
    if (!statement) return setError("Write the claim in plain words.");
    if (statement === claim.statement) return setEditing(false);
    setError(null);
    setEditing(false);
    // mutateAsync (not mutate + callbacks): its promise settles even if this panel closed meanwhile.
    update.mutateAsync({ claim, statement }).catch((e: unknown) => {
      if (e instanceof ActionFailure && e.code.startsWith("conflict:")) return setConflict({ mine: statement, sentVersion: claim.version });
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

function ReviewHistory({ claim }: { claim: WorkspaceClaim }) {
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

function ExcludeControl({ articleId, claim }: { articleId: string; claim: WorkspaceClaim }) {
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

function ExclusionNotice({ articleId, claim, canWrite }: { articleId: string; claim: WorkspaceClaim; canWrite: boolean }) {
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
