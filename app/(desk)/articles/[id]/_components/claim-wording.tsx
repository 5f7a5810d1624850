"use client";
import { useId, useState, type FormEvent, type ReactNode } from "react";
import { ActionFailure } from "@/lib/action-result";
import { MAX_STATEMENT } from "@/lib/validation/claim";
import type { WorkspaceClaim } from "@/components/annotation/types";
import { StatementConflict } from "./statement-conflict";
import { FormError } from "@/components/ui/form-error";
import { describeClaimant, MAX_CLAIMANT_NAME, MAX_CLAIMANT_ROLE, pickClaimant, sameClaimant, type Claimant } from "@/lib/claimant";
import { useUpdateClaim } from "./mutations";
import { useToast } from "./toast";
import styles from "./workspace.module.css";

/** Blank fields are "not known": compare and send them as null. */
const tidy = (c: Claimant): Claimant => ({
  claimantName: c.claimantName?.trim() || null,
  claimantKind: c.claimantKind,
  claimantRole: c.claimantRole?.trim() || null,
  appearanceUrl: c.appearanceUrl?.trim() || null,
  appearanceDate: c.appearanceDate?.trim() || null,
});

const messageOf = (error: unknown) => (error instanceof Error ? error.message : "Something went wrong. Try again.");

/**
 * What a claim says and who said it, with an editor for both. Once the claim
 * has a verdict, a change is a new revision an editor must approve; once the
 * fact-check is published it also needs a correction note for readers.
 */
export function ClaimWording({ articleId, claim, canWrite, published, children }: { articleId: string; claim: WorkspaceClaim; canWrite: boolean; published: boolean; children?: ReactNode }) {
  const id = useId();
  const toast = useToast();
  const update = useUpdateClaim(articleId);
  const [editing, setEditing] = useState(false);
  const [statement, setStatement] = useState(claim.statement);
  const [claimant, setClaimant] = useState<Claimant>(pickClaimant(claim));
  const [note, setNote] = useState("");
  // The claim as it was when editing began: saving against its version means a colleague's change
  // that arrives meanwhile (live updates) makes the save fail with a conflict, never overwrite it.
  const [base, setBase] = useState(claim);
  const [conflict, setConflict] = useState<{ mine: string; sentVersion: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const revises = Boolean(claim.verdict) && claim.status !== "excluded";
  const needsNote = revises && published;

  const start = () => {
    setStatement(claim.statement);
    setClaimant(pickClaimant(claim));
    setNote("");
    setBase(claim);
    setError(null);
    setEditing(true);
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const text = statement.trim();
    if (!text) return setError("Write the claim in plain words.");
    const changedStatement = text !== base.statement;
    const changedClaimant = !sameClaimant(tidy(claimant), base);
    if (!changedStatement && !changedClaimant) return setEditing(false);
    if (needsNote && !note.trim()) return setError("Write a correction note: readers will see it once an editor approves the change.");
    setError(null);
    setEditing(false);
    // mutateAsync (not mutate + callbacks): its promise settles even if this panel closed meanwhile.
    update
      .mutateAsync({ claim: base, statement: changedStatement ? text : undefined, claimant: changedClaimant ? tidy(claimant) : undefined, correctionNote: needsNote ? note.trim() : null })
      .then(() => revises && toast("Saved as a new revision: an editor must approve it before readers see it."))
      .catch((e: unknown) => {
        if (e instanceof ActionFailure && e.code.startsWith("conflict:") && changedStatement) return setConflict({ mine: text, sentVersion: base.version });
        setError(messageOf(e));
        setEditing(true);
      });
  };

  const who = describeClaimant(claim);
  if (!editing) {
    return (
      <>
        <p className="small" data-testid="claimant">
          <span className="muted">Claimed by</span> {who ?? <em>nobody named yet</em>}
          {claim.claimantKind === "organization" && who ? " (organisation)" : ""}
          {claim.appearanceDate ? <span className="muted"> · {claim.appearanceDate}</span> : null}
        </p>
        <div className={styles.panelActions}>
          {canWrite && (
            <button type="button" className="button ghost small" onClick={start}>
              Edit statement
            </button>
          )}
          {children}
          <FormError message={error} />
          {conflict && <StatementConflict articleId={articleId} claim={claim} sentVersion={conflict.sentVersion} mine={conflict.mine} onDone={() => setConflict(null)} />}
        </div>
      </>
    );
  }
  const set = (patch: Partial<Claimant>) => setClaimant((c) => ({ ...c, ...patch }));
  return (
    <form className={styles.statementBlock} onSubmit={save} noValidate aria-label="Edit the claim">
      <div className="field">
        <label htmlFor={`${id}-statement`}>Statement</label>
        <input id={`${id}-statement`} type="text" autoFocus maxLength={MAX_STATEMENT} value={statement} onChange={(e) => setStatement(e.target.value)} />
        <p className="small muted" style={{ margin: "0.25rem 0 0" }}>
          {statement.length}/{MAX_STATEMENT} characters
        </p>
      </div>
      <fieldset className="field">
        <legend>Who made the claim</legend>
        <label htmlFor={`${id}-name`}>Name</label>
        <input id={`${id}-name`} type="text" maxLength={MAX_CLAIMANT_NAME} value={claimant.claimantName ?? ""} onChange={(e) => set({ claimantName: e.target.value })} />
        <div className="row" style={{ gap: "1.25rem", margin: "0.35rem 0 0.6rem" }}>
          <label>
            <input type="radio" name={`${id}-kind`} checked={claimant.claimantKind === "person"} onChange={() => set({ claimantKind: "person" })} /> Person
          </label>
          <label>
            <input type="radio" name={`${id}-kind`} checked={claimant.claimantKind === "organization"} onChange={() => set({ claimantKind: "organization" })} /> Organisation
          </label>
        </div>
        <label htmlFor={`${id}-role`}>Role or title (optional)</label>
        <input id={`${id}-role`} type="text" maxLength={MAX_CLAIMANT_ROLE} value={claimant.claimantRole ?? ""} onChange={(e) => set({ claimantRole: e.target.value })} />
        <label htmlFor={`${id}-url`}>Where it appeared (web address)</label>
        <input id={`${id}-url`} type="url" inputMode="url" value={claimant.appearanceUrl ?? ""} onChange={(e) => set({ appearanceUrl: e.target.value })} />
        <label htmlFor={`${id}-date`}>When (date)</label>
        <input id={`${id}-date`} type="date" value={claimant.appearanceDate ?? ""} onChange={(e) => set({ appearanceDate: e.target.value })} />
      </fieldset>
      {revises && (
        <p className="small muted" id={`${id}-revision`}>
          This claim has a verdict: your change becomes a new revision, and an editor other than you must approve it.
          {published ? " Until then readers keep seeing the published version." : ""}
        </p>
      )}
      {needsNote && (
        <div className="field">
          <label htmlFor={`${id}-note`}>Correction note for readers (required)</label>
          <textarea id={`${id}-note`} rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby={`${id}-revision`} />
        </div>
      )}
      <FormError message={error} />
      <div className="row">
        <button type="submit" className="button small" disabled={update.isPending}>
          {revises ? "Submit change for approval" : "Save"}
        </button>
        <button type="button" className="button secondary small" onClick={() => setEditing(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
