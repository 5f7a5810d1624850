import Link from "next/link";
import { RatingBadge } from "@/components/ui/badges";
import type { ApprovalCard } from "@/db/queries/approval-cards";
import styles from "./approvals.module.css";

/** Where the claim stands for readers: live (with a link), a correction, or not public yet. */
export function PublicStatus({ card }: { card: ApprovalCard }) {
  const { publication, liveOnPublicPage, correctsPublication, published } = card;
  return (
    <div className={styles.markers}>
      {correctsPublication && <span className={`${styles.marker} ${styles.correction}`}>Correction to a published fact-check</span>}
      {liveOnPublicPage && publication ? (
        <>
          <span className={`${styles.marker} ${styles.live}`}>Live on the public fact-check</span>
          <Link href={`/fact-checks/${publication.slug}/claims/${card.claimId}`}>See what readers see now</Link>
        </>
      ) : publication?.live ? (
        <>
          <span className={`${styles.marker} ${styles.offline}`}>{published?.withdrawnReason ? "Removed from the public fact-check" : "Not on the public fact-check yet"}</span>
          <Link href={`/fact-checks/${publication.slug}`}>Open the public fact-check</Link>
        </>
      ) : publication ? (
        <span className={`${styles.marker} ${styles.offline}`}>The fact-check is unpublished; readers will see this change if it is published again</span>
      ) : (
        <span className={`${styles.marker} ${styles.offline}`}>Not published yet</span>
      )}
    </div>
  );
}

/** The rating readers see now next to the proposed one. */
export function RatingComparison({ card }: { card: ApprovalCard }) {
  const { published, proposed } = card;
  return (
    <dl className={styles.ratings}>
      {published && (
        <div>
          <dt>Published (revision {published.revision})</dt>
          <dd>
            <RatingBadge label={published.rating.label} colour={published.rating.colour} />
          </dd>
        </div>
      )}
      <div>
        <dt>Proposed (revision {proposed.revision})</dt>
        <dd>
          <RatingBadge label={proposed.rating.label} colour={proposed.rating.colour} />
          {published && published.rating.id === proposed.rating.id && <span className="small muted"> (unchanged)</span>}
        </dd>
      </div>
    </dl>
  );
}

/** A revision that takes the claim off the public page, or puts it back, says so before anything else. */
export function PresenceNotice({ card }: { card: ApprovalCard }) {
  const { proposed, published } = card;
  if (proposed.withdrawnReason && !published?.withdrawnReason) {
    return (
      <p className="alert warn" style={{ margin: "0.75rem 0" }}>
        <strong>This revision removes the claim from the public page:</strong> {proposed.withdrawnReason}
      </p>
    );
  }
  if (!proposed.withdrawnReason && published?.withdrawnReason) {
    return (
      <p className="alert info" style={{ margin: "0.75rem 0" }}>
        <strong>This revision puts the claim back on the public page.</strong> It was removed because: {published.withdrawnReason}
      </p>
    );
  }
  return null;
}

/** The note readers will see with the correction, or a warning when a correction has none. */
export function CorrectionNote({ card, headingId }: { card: ApprovalCard; headingId: string }) {
  const note = card.proposed.correctionNote;
  if (!note && !card.correctsPublication) return null;
  return (
    <section className={styles.note} aria-labelledby={headingId}>
      <h3 id={headingId}>Correction note readers will see</h3>
      {note ? <p className={styles.noteText}>{note}</p> : <p className={styles.noteText}>This revision has no correction note.</p>}
    </section>
  );
}
