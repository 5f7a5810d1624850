"use client";
import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { verdictHistoryAction } from "@/app/(desk)/articles/[id]/collaboration-actions";
import { RatingBadge } from "@/components/ui/badges";
import { formatDateTime } from "@/components/ui/format";
import { unwrap } from "@/lib/action-result";
import { deskKeys } from "./queries";
import styles from "./desk.module.css";

/** Every revision of the claim's verdict: who, when, and what changed from the one before. */
export function VerdictHistory({ claimId, currentVerdictId }: { claimId: string; currentVerdictId: string | null }) {
  const id = useId();
  // Keyed by the current verdict, so a new revision refetches the history.
  const { data, error } = useQuery({
    queryKey: deskKeys.history(claimId, currentVerdictId),
    queryFn: () => unwrap(verdictHistoryAction({ claimId })),
    enabled: currentVerdictId !== null,
  });
  if (!currentVerdictId) return null;
  return (
    <details className={styles.history}>
      <summary id={`${id}-summary`}>Verdict history{data ? ` (${data.length} revision${data.length === 1 ? "" : "s"})` : ""}</summary>
      {error && <p className="small muted">Could not load the history: {error.message}</p>}
      {data && (
        <ol className={styles.revisions} aria-labelledby={`${id}-summary`}>
          {data.map((r) => (
            <li key={r.revision} className={styles.revision}>
              <p className={styles.commentMeta}>
                <strong>Revision {r.revision}</strong> <RatingBadge label={r.ratingLabel} colour={r.ratingColour} />{" "}
                <span className="muted">
                  {r.authorName} · {formatDateTime(r.createdAt)}
                </span>
              </p>
              <p className={styles.revisionSummary}>{r.change.summary}</p>
              {r.change.citationsAdded.length > 0 && r.revision > 1 && (
                <p className="small">Added: {r.change.citationsAdded.join("; ")}</p>
              )}
              {r.change.citationsRemoved.length > 0 && <p className="small">Removed: {r.change.citationsRemoved.join("; ")}</p>}
              {r.change.rationale && (
                <p className={styles.diff} aria-label="Rationale changes">
                  {r.change.rationale.segments.map((s, i) =>
                    s.kind === "added" ? (
                      <ins key={i}>{s.text}</ins>
                    ) : s.kind === "removed" ? (
                      <del key={i}>{s.text}</del>
                    ) : (
                      <span key={i}>{s.text}</span>
                    ),
                  )}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
