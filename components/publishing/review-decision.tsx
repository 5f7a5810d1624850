"use client";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { reviewVerdictAction } from "@/app/(desk)/approvals/actions";

/**
 * Approve / request changes. On the editor's own proposal the buttons stay
 * focusable but are marked disabled; pressing one shows the server's refusal,
 * which is where the two-person rule is actually enforced.
 */
export function ReviewDecision({ verdictId, isOwn }: { verdictId: string; isOwn: boolean }) {
  const id = useId();
  const router = useRouter();
  const [comment, setComment] = useState("");
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const decide = (decision: "approved" | "changes_requested") =>
    startTransition(async () => {
      setMessage(null);
      const result = await reviewVerdictAction({ verdictId, decision, comment });
      if (!result.ok) return setMessage({ kind: "error", text: result.error });
      const text =
        decision === "changes_requested"
          ? "Changes requested. The reviewer will see your comment."
          : result.data.claimStatus === "approved"
            ? "Approved."
            : "Approval recorded. The verdict needs another editor's approval (quorum).";
      setMessage({ kind: "success", text });
      router.refresh();
    });

  return (
    <div style={{ borderTop: "1px solid var(--border)", marginTop: "1rem", paddingTop: "1rem" }}>
      {isOwn && (
        <p className="alert info small" id={`${id}-own`}>
          You proposed this verdict, so another editor must review it (two-person rule).
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-comment`}>
          Comment <span className="hint">(required when requesting changes)</span>
        </label>
        <textarea id={`${id}-comment`} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={5000} />
      </div>
      {message && (
        <div className={`alert ${message.kind}`} role={message.kind === "error" ? "alert" : "status"} data-testid={message.kind === "error" ? "form-error" : "toast"}>
          {message.text}
        </div>
      )}
      <div className="row">
        <button
          type="button"
          className="button"
          aria-disabled={isOwn || undefined}
          aria-describedby={isOwn ? `${id}-own` : undefined}
          disabled={pending}
          onClick={() => decide("approved")}
        >
          Approve
        </button>
        <button
          type="button"
          className="button secondary"
          aria-disabled={isOwn || undefined}
          aria-describedby={isOwn ? `${id}-own` : undefined}
          disabled={pending}
          onClick={() => decide("changes_requested")}
        >
          Request changes
        </button>
      </div>
    </div>
  );
}
