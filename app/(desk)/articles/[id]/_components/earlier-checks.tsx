"use client";
import { useQuery } from "@tanstack/react-query";
import { workspaceKeys } from "@/components/annotation/queries";
import type { WorkspaceClaim } from "@/components/annotation/types";
import { unwrap } from "@/lib/action-result";
import { findEarlierChecksAction } from "../workspace-actions";
import { alreadyChecked, MatchStrength, MatchWhy } from "./match-parts";
import styles from "./workspace.module.css";

/**
 * Fact-checks made before, elsewhere: prior fact-checks the desk imported (ClaimReview pages and files, Check
 * reports) that say what this claim says, with their rating and link. Reference only: nothing here is this
 * desk's verdict.
 */
export function EarlierChecks({ articleId, claim }: { articleId: string; claim: WorkspaceClaim }) {
  const earlier = useQuery({
    // Under the workspace key, as claim matches are: a write or live update refreshes it.
    queryKey: [...workspaceKeys.detail(articleId), "earlier", claim.id],
    queryFn: () => unwrap(findEarlierChecksAction({ claimId: claim.id })),
    enabled: !claim.pending,
    staleTime: 30_000,
  });
  if (!earlier.data || earlier.data.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby={`earlier-${claim.id}`} data-testid="earlier-checks">
      <h3 id={`earlier-${claim.id}`} className={styles.sectionHeading}>
        Checked before, elsewhere
      </h3>
      <ol className={styles.matches} aria-label="Earlier fact-checks">
        {earlier.data.map(({ prior, score, reasons, saysOpposite, dimmed }) => (
          <li key={prior.id} className={`${styles.match} ${dimmed ? styles.matchWeak : ""}`}>
            <p className={styles.matchStatement}>{alreadyChecked(prior.publisher, prior.datePublished, prior.ratingLabel)}</p>
            <p className="small">
              “{prior.claim}”{prior.claimant ? `, claimed by ${prior.claimant}` : ""}
            </p>
            <MatchWhy reasons={reasons} saysOpposite={saysOpposite} />
            <p className="small muted">
              <MatchStrength score={score} dimmed={dimmed} />
              {prior.url ? (
                <>
                  {" · "}
                  <a href={prior.url} target="_blank" rel="noreferrer noopener nofollow">
                    Read the fact-check
                  </a>
                </>
              ) : (
                " · not published"
              )}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
