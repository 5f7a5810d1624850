"use client";
import { useRouter } from "next/navigation";
import { startTransition as inBackground, useId, useState } from "react";
import { reviewVerdictAction } from "@/app/(desk)/approvals/actions";
import { FieldError } from "@/components/ui/form-error";
import type { Outcome } from "@/components/ui/undo-window";
import type { ReviewDecision as Decision } from "@/lib/workflow";
import styles from "./approvals.module.css";
import { useLeaveQueue } from "./card-frame";
import { useDecisionToast } from "./decision-toast";
import { isEdited, PublicationCheckFields, type PublicationCheckErrors, type PublicationCheckValue } from "./publication-check";

export type ReviewDecisionProps = {
  verdictId: string;
  /** The editor wrote this revision: the two-person rule forbids deciding on it. */
  isOwn: boolean;
  statement: string;
  /** The claim's stable number in its article (see lib/claim-number.ts). */
  claimNumber: number;
  authorName: string;
  /** What an approval that meets the quorum does, in the editor's words ("Approved. The correction is live on the public page."). */
  approvedMessage: string;
  /** Set when approving corrects a live fact-check: its summary and headline verdict, to confirm or edit. */
  publication: { summary: string; headlineRatingId: string | null; version: number } | null;
  ratings: { id: string; label: string }[];
};

type Errors = PublicationCheckErrors & { comment?: string[] };
type Message = { kind: "error" | "success"; text: string; reload?: boolean };

/** Server field names (the action's zod paths and reviewVerdict's own) mapped to this form's fields. */
function fieldErrorsFrom(server: Record<string, string[]> | undefined): Errors {
  if (!server) return {};
  const pick = (...keys: string[]) => keys.flatMap((k) => server[k] ?? []);
  const errors: Errors = {
    comment: pick("comment"),
    summary: pick("summary", "publicationCheck.summary"),
    headlineRatingId: pick("headlineRatingId", "publicationCheck.headlineRatingId"),
    confirmed: pick("publicationCheck", "publicationCheck.version"),
  };
  return Object.fromEntries(Object.entries(errors).filter(([, v]) => v.length > 0));
}

/**
 * Approve / request changes, and for a correction to a live fact-check the
 * summary and headline check. On the editor's own proposal the buttons stay
 * focusable but are marked (and look) disabled, with the reason beside them;
 * pressing one shows the server's refusal, which is where the two-person rule
 * is actually enforced.
 */
export function ReviewDecision(props: ReviewDecisionProps) {
  const { verdictId, isOwn, publication } = props;
  const id = useId();
  const router = useRouter();
  const toast = useDecisionToast();
  const leaveQueue = useLeaveQueue();
  const [comment, setComment] = useState("");
  const [check, setCheck] = useState<PublicationCheckValue>({ summary: publication?.summary ?? "", headlineRatingId: publication?.headlineRatingId ?? "", confirmed: false });
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<Message | null>(null);
  const [decided, setDecided] = useState(false);

  /** The publication check to send, or field errors when the editor has neither confirmed nor edited. */
  function publicationCheck(): { value: { summary: string; headlineRatingId: string | null; version: number } | null; errors: Errors } {
    if (!publication || isOwn) return { value: null, errors: {} };
    const errors: Errors = {};
    if (!check.summary.trim()) errors.summary = ["Write a short summary for readers."];
    if (!check.confirmed && !isEdited(check, publication)) errors.confirmed = ["Tick the box to confirm the summary and headline verdict still fit, or edit them."];
    return { value: { summary: check.summary.trim(), headlineRatingId: check.headlineRatingId || null, version: publication.version }, errors };
  }

  /**
   * The decision waits in the queue's undo window (decision-toast.tsx) before it is sent: the card leaves at once,
   * Undo brings it back untouched, and nothing is recorded until the window ends. The form checks run first, so
   * a decision that would be refused for a missing field never starts a window.
   */
  const decide = (decision: Decision) => {
    setMessage(null);
    setErrors({});
    const approving = decision === "approved";
    const { value, errors: local } = approving ? publicationCheck() : { value: null, errors: {} };
    if (Object.keys(local).length > 0) {
      setErrors(local);
      document.getElementById(local.summary ? `${id}-pub-summary` : `${id}-pub-confirm`)?.focus();
      setMessage({ kind: "error", text: local.confirmed ? "This approval corrects the published fact-check: confirm its summary and headline verdict still fit, or edit them." : "Write a summary for the public fact-check." });
      return;
    }
    // The server refuses the editor's own revision (two-person rule): ask it now, with no window to wait through.
    if (isOwn) return void send(decision, null, "");
    if (!approving && !comment.trim()) {
      setErrors({ comment: ["Required when requesting changes."] });
      setMessage({ kind: "error", text: "Say what needs to change: a comment is required when requesting changes." });
      document.getElementById(`${id}-comment`)?.focus();
      return;
    }
    const edited = publication && value && isEdited(check, publication) ? " The summary and headline verdict were updated." : "";
    setDecided(true);
    leaveQueue(true);
    toast({
      text: `${approving ? "Approving" : "Requesting changes to"} claim ${props.claimNumber}`,
      claim: props.statement,
      undo: () => {
        setDecided(false);
        leaveQueue(false);
        requestAnimationFrame(() => document.getElementById(`${id}-${decision}`)?.focus());
      },
      commit: () => send(decision, value, edited),
    });
  };

  /** Sends the decision once its undo window has ended; a refusal brings the card back with the reason. */
  const send = async (decision: Decision, value: ReturnType<typeof publicationCheck>["value"], edited: string): Promise<Outcome> => {
    const result = await reviewVerdictAction({ verdictId, decision, comment, publicationCheck: value });
    // The answer needs no page render (the action revalidates nothing): the counts, the rest of the queue and this
    // card's review history catch up in the background, outside the action's own request.
    inBackground(() => router.refresh());
    if (!result.ok) {
      const fields = fieldErrorsFrom(result.fieldErrors);
      setErrors(fields);
      // zod's messages name the field path; say it in words instead.
      const text = result.code === "invalid:input" ? `Check the form: ${Object.values(fields).flat()[0] ?? result.error}` : result.error;
      setMessage({ kind: "error", text, reload: result.code.startsWith("conflict:") });
      setDecided(false);
      leaveQueue(false);
      return { ok: false, text: `Not recorded: ${text}` };
    }
    const status = result.data.claimStatus;
    if (decision === "approved" && status !== "approved" && status !== "excluded") {
      // Quorum not met yet: the card comes back, so the message stays with it too.
      const text = "Approval recorded. The verdict needs another editor's approval (quorum) before it takes effect.";
      setMessage({ kind: "success", text });
      leaveQueue(false);
      return { ok: true, text };
    }
    return { ok: true, text: decision === "approved" ? `${props.approvedMessage}${edited}` : `Changes requested. ${props.authorName} will see your comment.` };
  };

  const disabledReason = isOwn ? `${id}-own` : undefined;
  const busy = decided;
  return (
    <div className={styles.decision}>
      {publication && !isOwn && (
        <PublicationCheckFields id={`${id}-pub`} value={check} initial={publication} ratings={props.ratings} errors={errors} onChange={setCheck} />
      )}
      <div className="field">
        <label htmlFor={`${id}-comment`}>
          Comment <span className="hint">(required when requesting changes)</span>
        </label>
        <textarea
          id={`${id}-comment`}
          rows={3}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          maxLength={5000}
          aria-invalid={errors.comment ? true : undefined}
          aria-describedby={errors.comment ? `${id}-comment-error` : undefined}
        />
        <FieldError id={`${id}-comment-error`} errors={errors.comment} />
      </div>
      {message && (
        <div className={`alert ${message.kind}`} role={message.kind === "error" ? "alert" : "status"} data-testid={message.kind === "error" ? "form-error" : "toast"}>
          {message.text}
          {message.reload && (
            <>
              {" "}
              <button type="button" className="button ghost small" onClick={() => router.refresh()}>
                Reload the card
              </button>
            </>
          )}
        </div>
      )}
      <div className={styles.buttons}>
        <button type="button" id={`${id}-approved`} className="button" aria-disabled={isOwn || undefined} aria-describedby={disabledReason} disabled={busy} onClick={() => decide("approved")}>
          Approve
        </button>
        <button type="button" id={`${id}-changes_requested`} className="button secondary" aria-disabled={isOwn || undefined} aria-describedby={disabledReason} disabled={busy} onClick={() => decide("changes_requested")}>
          Request changes
        </button>
        {isOwn && (
          <p className={styles.why} id={`${id}-own`}>
            You proposed this revision, so another editor must review it (two-person rule).
          </p>
        )}
      </div>
    </div>
  );
}
