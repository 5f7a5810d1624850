"use client";
import { useState } from "react";
import { excerpt } from "@/components/annotation/article-highlighter";
import { claimKey } from "@/components/annotation/queries";
import type { RatingOption, WorkspaceClaim } from "@/components/annotation/types";
import { RatingBadge } from "@/components/ui/badges";
import { formatDateTime } from "@/components/ui/format";
import { VerdictEditor, type SubmitResult } from "@/components/verdicts/verdict-editor";
import { ActionFailure } from "@/lib/action-result";
import type { ProposeVerdictInput } from "@/lib/validation/verdict";
import { ClaimCollaboration } from "@/components/desk/claim-collaboration";
import { useVerdictConflict } from "@/components/desk/verdict-conflict";
import { useProposeVerdict, useReloadWorkspace } from "./mutations";
import { ExcludeControl, ExclusionNotice, PendingWithdrawal, ReviewHistory } from "./claim-panel-parts";
import { ClaimWording } from "./claim-wording";
import { SubmittedVerdict } from "./submitted-verdict";
import { ClaimMatches } from "./claim-matches";
import { EarlierChecks } from "./earlier-checks";
import { QUOTE_EXCERPT, panelId } from "./claim-list";
import { useToast } from "./toast";
import { ArchiveStatus } from "@/components/sources/archive-status";
import styles from "./workspace.module.css";

type Props = {
  articleId: string;
  claim: WorkspaceClaim;
  ratings: RatingOption[];
  canWrite: boolean;
  /** The article has been published: a new verdict revision needs a correction note. */
  published?: boolean;
  onShowInText: () => void;
};

const messageOf = (error: unknown) => (error instanceof Error ? error.message : "Something went wrong. Try again.");

/** Everything about the active claim: restatement, exclusion, review history and the verdict editor. */
export function ClaimPanel({ articleId, claim, ratings, canWrite, published, onShowInText }: Props) {
  const toast = useToast();
  const number = claim.number;
  const [submitted, setSubmitted] = useState<number | null>(null);
  const reload = useReloadWorkspace(articleId);
  const propose = useProposeVerdict(articleId);
  const latestRequest = claim.status === "changes_requested" ? claim.reviews.filter((r) => r.decision === "changes_requested").at(-1) : undefined;

  const conflict = useVerdictConflict({ claim, ratings, submit: (input) => submitVerdict(input), reload: () => void reload() });
  const submitVerdict = async (input: ProposeVerdictInput): Promise<SubmitResult> => {
    try {
      const result = await propose.mutateAsync(input);
      toast(`Verdict for claim ${number} submitted for approval (revision ${result.revision}).`);
      // The form has done its job: it closes to a read-only line (focus moves there), so a second press cannot
      // send the same verdict again and it is clear the work is now with an editor.
      setSubmitted(result.revision);
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

      <PendingWithdrawal articleId={articleId} claim={claim} canWrite={canWrite} />

      <ClaimWording articleId={articleId} claim={claim} canWrite={canWrite && !claim.pending} published={Boolean(published)}>
        <button type="button" className="button ghost small" onClick={onShowInText}>
          Show in text
        </button>
      </ClaimWording>

      {excerpt(claim.exact, QUOTE_EXCERPT) !== claim.exact && (
        <blockquote className={styles.panelQuote} aria-label="Full quote">
          {claim.exact}
        </blockquote>
      )}

      {claim.status === "excluded" ? (
        <ExclusionNotice articleId={articleId} claim={claim} canWrite={canWrite} published={Boolean(published)} />
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
              <ol className={styles.citationChecks} aria-label="Citations as archived">
                {claim.verdict.citations.map((c) => (
                  <li key={c.id} data-testid="citation-check">
                    <span className="small">{c.title}</span>
                    <ArchiveStatus archive={c.archive} quote={c.quote} />
                  </li>
                ))}
              </ol>
            </section>
          )}

          <ReviewHistory claim={claim} />

          {canWrite && submitted !== null && <SubmittedVerdict revision={submitted} onRevise={() => setSubmitted(null)} />}
          {canWrite && submitted === null && (
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

          <EarlierChecks articleId={articleId} claim={claim} />
          <ClaimMatches articleId={articleId} claim={claim} canWrite={canWrite} />

          {canWrite && !claim.pending && !claim.verdict?.withdrawnReason && <ExcludeControl articleId={articleId} claim={claim} />}
          {conflict.dialog}
        </>
      )}
      <ClaimCollaboration articleId={articleId} claim={claim} canWrite={canWrite} onChanged={() => void reload()} />
    </div>
  );
}
