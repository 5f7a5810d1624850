import Link from "next/link";
import { STANCE_LABELS } from "@/lib/validation/verdict";
import { formatDateTime } from "@/components/ui/format";
import { Markdown } from "@/components/ui/markdown";
import type { ApprovalCard as Card } from "@/db/queries/approval-cards";
import { describeClaimant } from "@/lib/claimant";
import { comparisonBaselines } from "@/lib/revision-diff";
import styles from "./approvals.module.css";
import { CardFrame } from "./card-frame";
import { CorrectionNote, PresenceNotice, PublicStatus, RatingComparison } from "./public-status";
import { ReviewDecision } from "./review-decision";
import { AnsweredRequest, ReviewHistory } from "./review-history";
import { RevisionChanges } from "./revision-changes";
import { SourceChecks } from "./source-checks";

/** What approving does, said plainly in the message shown once the card has gone. */
function approvedMessage(card: Card): string {
  const { proposed, published, publication } = card;
  if (!publication) return "Approved. The claim is ready to publish.";
  if (!publication.live) return "Approved. Readers will see the change if the fact-check is published again.";
  if (proposed.withdrawnReason) return "Approved. The claim is removed from the public page, with the correction note.";
  if (!published) return "Approved. The claim now appears on the public fact-check.";
  if (published.withdrawnReason) return "Approved. The claim is back on the public page, with the correction note.";
  return "Approved. The correction is live on the public page.";
}

/**
 * One revision awaiting approval: where the claim stands publicly, what
 * changes against the published and the previous revision, the note readers
 * will see, the earlier reviews, and the decision.
 */
export function ApprovalCard({ card, viewerId, ratings }: { card: Card; viewerId: string; ratings: { id: string; label: string; hidden: boolean }[] }) {
  const { proposed } = card;
  const key = proposed.id;
  const baselines = comparisonBaselines(card);
  const claimant = describeClaimant(proposed.claimant);
  return (
    <CardFrame labelledBy={`q-${key}`}>
      <div className={styles.meta}>
        <span>
          <Link href={`/articles/${card.articleId}#claim-${card.claimId}`}>Claim {card.claimNumber}</Link> of{" "}
          <Link href={`/articles/${card.articleId}`}>{card.articleTitle}</Link>
        </span>
        <span className="muted">
          Proposed by {proposed.authorName} · {formatDateTime(proposed.createdAt)} · revision {proposed.revision}
        </span>
      </div>
      <PublicStatus card={card} />
      <h2 id={`q-${key}`} className={styles.title}>
        {proposed.statement}
      </h2>
      {claimant && <p className="small muted" style={{ margin: "0 0 0.4rem" }}>Claimed by {claimant}</p>}
      <blockquote className={styles.quote}>“{card.exact}”</blockquote>
      <PresenceNotice card={card} />
      <RatingComparison card={card} />
      <CorrectionNote card={card} headingId={`note-${key}`} />
      {card.answers && <AnsweredRequest review={card.answers} headingId={`answers-${key}`} />}
      {baselines.map((b) => (
        <RevisionChanges key={b.kind} baseline={b} proposed={proposed} headingId={`${b.kind}-${key}`} />
      ))}
      <ProposedContent card={card} collapsed={baselines.length > 0} />
      <SourceChecks card={card} headingId={`sources-${key}`} />
      <ReviewHistory reviews={card.reviews} proposedRevision={proposed.revision} headingId={`history-${key}`} />
      <ReviewDecision
        key={`${proposed.id}-${card.publication?.version ?? 0}`}
        verdictId={proposed.id}
        isOwn={proposed.authorId === viewerId}
        statement={proposed.statement}
        claimNumber={card.claimNumber}
        authorName={proposed.authorName}
        approvedMessage={approvedMessage(card)}
        publication={card.needsPublicationCheck ? card.publication : null}
        // Hidden labels are no longer offered, except the headline the fact-check already has.
        ratings={ratings.filter((r) => !r.hidden || r.id === card.publication?.headlineRatingId).map(({ id, label }) => ({ id, label }))}
      />
    </CardFrame>
  );
}

/** The proposed rationale and citations as readers will see them; folded away when the diffs above already show them. */
function ProposedContent({ card, collapsed }: { card: Card; collapsed: boolean }) {
  const { rationale, citations } = card.proposed;
  const body = (
    <>
      <Markdown source={rationale} />
      {citations.length > 0 && (
        <ul className="small">
          {citations.map((c, i) => (
            <li key={i}>
              <a href={c.url} rel="nofollow noopener noreferrer" target="_blank">
                {c.title}
              </a>
              {c.publisher && ` — ${c.publisher}`} <span className="muted">({STANCE_LABELS[c.stance]})</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
  if (!collapsed) return <div className={styles.details}>{body}</div>;
  return (
    <details className={styles.details}>
      <summary>
        Proposed rationale and {citations.length} citation{citations.length === 1 ? "" : "s"} as readers will see them
      </summary>
      {body}
    </details>
  );
}
