"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { excerpt } from "@/components/annotation/article-highlighter";
import { workspaceKeys } from "@/components/annotation/queries";
import type { WorkspaceClaim } from "@/components/annotation/types";
import { RatingBadge, StatusBadge } from "@/components/ui/badges";
import { unwrap } from "@/lib/action-result";
import { findClaimMatchesAction, linkClaimAction, unlinkClaimAction } from "../workspace-actions";
import { alreadyChecked, MatchStrength, MatchWhy } from "./match-parts";
import { useToast } from "./toast";
import styles from "./workspace.module.css";

export const matchKeys = {
  /** Under the workspace key, so a live update or a write refreshes matches too. */
  forClaim: (articleId: string, claimId: string) => [...workspaceKeys.detail(articleId), "matches", claimId] as const,
};

export const matchesHeadingId = (claimId: string) => `matches-${claimId}`;

/**
 * "Same claim elsewhere": earlier claims from other articles that say the
 * same thing, ranked, with verdict, status and citations. Loaded when the
 * claim's panel opens (so right after a claim is created) and again on demand.
 * Reusing copies the earlier verdict and citations as a new proposal of this
 * claim — a starting point that still needs its own approval.
 */
export function ClaimMatches({ articleId, claim, canWrite }: { articleId: string; claim: WorkspaceClaim; canWrite: boolean }) {
  const id = useId();
  const toast = useToast();
  const queryClient = useQueryClient();
  const key = matchKeys.forClaim(articleId, claim.id);
  const matches = useQuery({ queryKey: key, queryFn: () => unwrap(findClaimMatchesAction({ claimId: claim.id })), enabled: !claim.pending, staleTime: 30_000 });
  const settle = () => queryClient.invalidateQueries({ queryKey: workspaceKeys.detail(articleId) });
  const link = useMutation({
    mutationKey: workspaceKeys.mutations(articleId),
    mutationFn: (v: { matchedClaimId: string; reuse: boolean }) => unwrap(linkClaimAction({ claimId: claim.id, claimVersion: claim.version, ...v })),
    onSuccess: (_l, v) => toast(v.reuse ? "Verdict and citations copied as a new proposal. It still needs an editor's approval." : "Claims linked."),
    onError: (e) => toast(e.message, "error"),
    onSettled: settle,
  });
  const unlink = useMutation({
    mutationKey: workspaceKeys.mutations(articleId),
    mutationFn: (linkId: string) => unwrap(unlinkClaimAction({ linkId })),
    onSuccess: () => toast("Link undone. Any verdict copied from it stays as a proposal you can revise."),
    onError: (e) => toast(e.message, "error"),
    onSettled: settle,
  });
  const busy = link.isPending || unlink.isPending;

  return (
    <section className={styles.section} aria-labelledby={matchesHeadingId(claim.id)} data-testid="claim-matches">
      <div className={styles.matchesHeader}>
        <h3 id={matchesHeadingId(claim.id)} className={styles.sectionHeading} tabIndex={-1}>
          Same claim in other articles
        </h3>
        <button type="button" className="button ghost small" onClick={() => void matches.refetch()} disabled={claim.pending || matches.isFetching}>
          {matches.isFetching ? "Searching…" : "Find matches"}
        </button>
      </div>
      {claim.pending && <p className="small muted">Matches are searched once the claim is saved.</p>}
      {matches.error && <p className="alert warn small">{matches.error.message}</p>}
      {matches.data && matches.data.length === 0 && <p className="small muted">No claim in another article shares its words.</p>}
      {matches.data && matches.data.length > 0 && (
        <ol className={styles.matches} aria-label="Matching claims">
          {matches.data.map((m) => {
            const v = m.claim.verdict;
            return (
              <li key={m.claim.id} className={`${styles.match} ${m.dimmed ? styles.matchWeak : ""}`} aria-labelledby={`${id}-${m.claim.id}`}>
                <p id={`${id}-${m.claim.id}`} className={styles.matchStatement}>
                  {m.claim.statement}
                </p>
                <p className="small muted">
                  In <a href={`/articles/${m.claim.articleId}#claim-${m.claim.id}`}>{m.articleTitle}</a> · <MatchStrength score={m.score} dimmed={m.dimmed} />
                </p>
                <MatchWhy reasons={m.reasons} saysOpposite={m.saysOpposite} />
                <p className={styles.claimQuote}>“{excerpt(m.claim.exact, 140)}”</p>
                {m.earlier && (
                  <p className="small" data-testid="earlier-verdict">
                    {alreadyChecked(m.earlier.workspace, m.earlier.checkedAt, m.earlier.ratingLabel)}
                    {m.earlier.ratingLabel ? "" : m.earlier.checkStatus ? ` (status “${m.earlier.checkStatus}” in Check)` : ""}
                    {m.earlier.factCheckUrl && (
                      <>
                        {" · "}
                        <a href={m.earlier.factCheckUrl} target="_blank" rel="noreferrer noopener nofollow">
                          Read the fact-check
                        </a>
                      </>
                    )}
                  </p>
                )}
                <p className={styles.claimBadges}>
                  <StatusBadge status={m.claim.status} />
                  {v ? <RatingBadge label={v.rating.label} colour={v.rating.colour} /> : <span className="badge">No verdict yet</span>}
                  {m.linkId && <span className="badge">Linked</span>}
                </p>
                {v && v.citations.length > 0 && (
                  <ul className={styles.matchCitations} aria-label="Citations">
                    {v.citations.map((c) => (
                      <li key={c.id}>
                        <a href={c.url} target="_blank" rel="noreferrer noopener">
                          {c.title}
                        </a>{" "}
                        <span className="muted">({c.stance})</span>
                      </li>
                    ))}
                  </ul>
                )}
                {canWrite && (
                  <div className={styles.panelActions}>
                    {v && (
                      <button type="button" className="button secondary small" disabled={busy} onClick={() => link.mutate({ matchedClaimId: m.claim.id, reuse: true })}>
                        Reuse verdict and citations
                      </button>
                    )}
                    {m.linkId ? (
                      <button type="button" className="button ghost small" disabled={busy} onClick={() => unlink.mutate(m.linkId!)}>
                        Undo link
                      </button>
                    ) : (
                      <button type="button" className="button ghost small" disabled={busy} onClick={() => link.mutate({ matchedClaimId: m.claim.id, reuse: false })}>
                        Link as same claim
                      </button>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
