import Link from "next/link";
import type { PublicListItem } from "@/db/queries/public-search";
import type { PublicVerdictSummary } from "@/db/queries/public-fact-checks";
import { formatDate } from "@/components/ui/format";
import { VerdictBadge } from "./verdict-badge";
import styles from "./public.module.css";

export type FactCheckListProps = {
  items: (PublicListItem & { headline: { label: string; colour: string } | null })[];
  verdicts: Map<string, PublicVerdictSummary[]>;
};

/** The public index: newest first, each with its verdicts at a glance. */
export function FactCheckList({ items, verdicts }: FactCheckListProps) {
  return (
    <ol className={styles.indexList}>
      {items.map((item) => {
        const ratings = groupRatings(verdicts.get(item.slug) ?? []);
        const claimCount = ratings.reduce((n, r) => n + r.count, 0);
        const updated = item.updatedAt.getTime() - item.publishedAt.getTime() > 60_000;
        return (
          <li key={item.slug}>
            <article className={styles.indexItem} aria-labelledby={`fc-${item.slug}`}>
              <h2 id={`fc-${item.slug}`} className={styles.indexTitle}>
                <Link href={`/fact-checks/${encodeURIComponent(item.slug)}`}>{item.title}</Link>
              </h2>
              <p className={styles.indexMeta}>
                {item.publisher ? <>Source: {item.publisher} · </> : null}
                Published <time dateTime={item.publishedAt.toISOString()}>{formatDate(item.publishedAt)}</time>
                {updated ? (
                  <>
                    {" "}
                    · Updated <time dateTime={item.updatedAt.toISOString()}>{formatDate(item.updatedAt)}</time>
                  </>
                ) : null}
              </p>
              {item.headline ? (
                <p className={styles.indexMeta}>
                  Our verdict: <VerdictBadge label={item.headline.label} colour={item.headline.colour} />
                </p>
              ) : null}
              <p className={styles.indexSummary}>{item.summary}</p>
              {claimCount > 0 ? (
                <div className={styles.indexVerdicts}>
                  <span className={styles.indexVerdictsLabel}>
                    {claimCount} {claimCount === 1 ? "claim" : "claims"} checked:
                  </span>
                  <ul className={styles.badgeRow}>
                    {ratings.map((r) => (
                      <li key={r.label}>
                        <VerdictBadge label={r.count > 1 ? `${r.count} × ${r.label}` : r.label} colour={r.colour} />
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </article>
          </li>
        );
      })}
    </ol>
  );
}

/** One entry per label, least accurate first: what a reader most needs to see. */
function groupRatings(verdicts: PublicVerdictSummary[]) {
  const byLabel = new Map<string, PublicVerdictSummary & { count: number }>();
  for (const v of verdicts) {
    const entry = byLabel.get(v.label);
    if (entry) entry.count++;
    else byLabel.set(v.label, { ...v, count: 1 });
  }
  return [...byLabel.values()].sort((a, b) => a.value - b.value);
}
