import { formatDateTime } from "@/components/ui/format";
import type { ApprovalReview } from "@/db/queries/approval-cards";
import styles from "./approvals.module.css";

const DECISION = { approved: "approved", changes_requested: "requested changes to" } as const;

/** The change request this revision answers, shown before anything else an editor reads about the changes. */
export function AnsweredRequest({ review, headingId }: { review: ApprovalReview; headingId: string }) {
  return (
    <section className={styles.answers} aria-labelledby={headingId}>
      <h3 id={headingId}>This revision answers a change request</h3>
      <p className="small" style={{ margin: 0 }}>
        {review.editorName} on revision {review.revision}, {formatDateTime(review.createdAt)}:
      </p>
      <blockquote>{review.comment || <span className="muted">(no comment)</span>}</blockquote>
    </section>
  );
}

/** Every earlier decision on this claim's revisions, oldest first, with editor and date. */
export function ReviewHistory({ reviews, proposedRevision, headingId }: { reviews: ApprovalReview[]; proposedRevision: number; headingId: string }) {
  if (reviews.length === 0) return null;
  return (
    <details className={`${styles.details} ${styles.history}`}>
      <summary id={headingId}>
        Earlier reviews of this claim ({reviews.length})
      </summary>
      <ol className={styles.reviewList} aria-labelledby={headingId}>
        {reviews.map((r) => (
          <li key={r.id}>
            <strong>{r.editorName}</strong> {DECISION[r.decision]} {r.revision === proposedRevision ? "this revision" : `revision ${r.revision}`}{" "}
            <span className="muted">· {formatDateTime(r.createdAt)}</span>
            {r.comment && <blockquote>{r.comment}</blockquote>}
          </li>
        ))}
      </ol>
    </details>
  );
}
