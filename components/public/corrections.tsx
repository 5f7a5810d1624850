import type { PublicCorrection } from "@/db/queries/public-fact-checks";
import { formatDate } from "@/components/ui/format";
import styles from "./public.module.css";

/** Dated public notes about changes made after publication, oldest first. */
export function Corrections({
  corrections,
  headingId,
  claimHref,
}: {
  corrections: PublicCorrection[];
  headingId: string;
  /** Where a correction about one claim links to (that claim's card or page). */
  claimHref?: (claimId: string) => string;
}) {
  return (
    <section aria-labelledby={headingId} className={styles.corrections} id="corrections">
      <h2 id={headingId}>Corrections and updates</h2>
      {corrections.length === 0 ? (
        <p className="muted">No corrections have been made to this fact-check since it was published.</p>
      ) : (
        <ol className={styles.correctionList}>
          {corrections.map((c) => (
            <li key={c.id}>
              <time dateTime={c.createdAt.toISOString()} className={styles.correctionDate}>
                {formatDate(c.createdAt)}
              </time>
              <p>
                {c.note}
                {c.claimId && claimHref ? (
                  <>
                    {" "}
                    <a href={claimHref(c.claimId)}>See the claim</a>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
