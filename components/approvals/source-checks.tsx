import type { ApprovalCard as Card } from "@/db/queries/approval-cards";
import { ArchiveStatus } from "@/components/sources/archive-status";
import styles from "./approvals.module.css";

/**
 * Each cited source's archived copy and whether its quote is in it, as the
 * editor decides. The first citation is the one the verdict rests on: when
 * its quote is not in the copy, the card says so before anything else here.
 */
export function SourceChecks({ card, headingId }: { card: Card; headingId: string }) {
  const { citations, archives } = card.proposed;
  if (citations.length === 0) return null;
  const central = archives[0];
  return (
    <section className={styles.details} aria-labelledby={headingId}>
      <h3 id={headingId} className="small" style={{ margin: "0 0 0.3rem" }}>
        Sources as archived
      </h3>
      {central?.quoteStatus === "not-found" && (
        <p className="alert warn small" data-testid="central-quote-warning">
          The quote of the first citation, “{citations[0]!.title}”, was not found in its archived copy. Check it before approving.
        </p>
      )}
      <ol className="small">
        {citations.map((c, i) => (
          <li key={i}>
            {c.title}
            <ArchiveStatus archive={archives[i] ?? null} quote={c.quote} />
          </li>
        ))}
      </ol>
    </section>
  );
}
