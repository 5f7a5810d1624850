import type { Rating } from "@/db/queries/ratings";
import { BEST_RATING, WORST_RATING } from "@/lib/rating-scale";
import { VerdictBadge } from "./verdict-badge";
import styles from "./public.module.css";

/** The rating scale with what each label means, most true first. */
export function RatingLegend({ ratings, headingId }: { ratings: Rating[]; headingId: string }) {
  const ordered = [...ratings].sort((a, b) => b.value - a.value || a.position - b.position);
  return (
    <section aria-labelledby={headingId} className={styles.legend}>
      <h2 id={headingId}>How we rate claims</h2>
      <p className="muted">
        Every claim gets one rating. Each rating has a number from {WORST_RATING} (false) to {BEST_RATING} (true); a higher number always means more
        accurate.
      </p>
      <dl className={styles.legendList}>
        {ordered.map((r) => (
          <div key={r.id} className={styles.legendItem}>
            <dt>
              <VerdictBadge label={r.label} colour={r.colour} value={r.value} />
            </dt>
            <dd>{r.description}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
