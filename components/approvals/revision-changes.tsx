import { RatingBadge } from "@/components/ui/badges";
import { describeClaimant, type Claimant } from "@/lib/claimant";
import { diffRevisions, type Baseline, type ComparableRevision, type PresenceChange } from "@/lib/revision-diff";
import styles from "./approvals.module.css";
import { CitationChanges } from "./citation-changes";
import { DiffStats, WordDiff } from "./word-diff";

function claimantLine(c: Claimant): string {
  const who = describeClaimant(c) ?? "Nobody named";
  const kind = c.claimantKind === "organization" ? " (organisation)" : "";
  const where = [c.appearanceUrl, c.appearanceDate].filter(Boolean).join(", ");
  return `${who}${kind}${where ? ` — appeared at ${where}` : ""}`;
}

function Presence({ change }: { change: PresenceChange }) {
  if (change.kind === "removed") return <>Removes the claim from the public page: {change.reason}</>;
  if (change.kind === "reincluded") return <>Puts the claim back on the public page (it was removed because: {change.previousReason})</>;
  return (
    <>
      New reason for keeping the claim off the public page: {change.to} <span className="muted">(was: {change.from})</span>
    </>
  );
}

/**
 * What readers would see change if the proposed revision replaced `baseline`:
 * rating, statement, claimant, presence on the page, rationale and citations.
 */
export function RevisionChanges({ baseline, proposed, headingId }: { baseline: Baseline; proposed: ComparableRevision; headingId: string }) {
  const diff = diffRevisions(baseline.revision, proposed);
  const title =
    baseline.kind === "published"
      ? `Changes from the published revision (revision ${baseline.revision.revision})`
      : `Changes from the previous revision (revision ${baseline.revision.revision})`;
  return (
    <section className={styles.changes} aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {!diff.changed ? (
        <p className="muted small">Nothing readers would see has changed.</p>
      ) : (
        <dl className={styles.changeList}>
          {diff.presence && (
            <>
              <dt>Public page</dt>
              <dd>
                <Presence change={diff.presence} />
              </dd>
            </>
          )}
          {diff.rating && (
            <>
              <dt>Rating</dt>
              <dd>
                <RatingBadge label={diff.rating.from.label} colour={diff.rating.from.colour} /> <span aria-hidden="true">→</span>
                <span className="visually-hidden">changed to</span> <RatingBadge label={diff.rating.to.label} colour={diff.rating.to.colour} />
              </dd>
            </>
          )}
          {diff.statement && (
            <>
              <dt>Statement</dt>
              <dd>
                <WordDiff change={diff.statement} />
              </dd>
            </>
          )}
          {diff.claimant && (
            <>
              <dt>Claimant</dt>
              <dd>
                <p className={styles.diff}>
                  <del>
                    <span className="visually-hidden">removed: </span>
                    {claimantLine(diff.claimant.from)}
                  </del>
                  {"\n"}
                  <ins>
                    <span className="visually-hidden">added: </span>
                    {claimantLine(diff.claimant.to)}
                  </ins>
                </p>
              </dd>
            </>
          )}
          <dt>Rationale</dt>
          <dd>
            {diff.rationale ? (
              <>
                <WordDiff change={diff.rationale} />
                <DiffStats change={diff.rationale} />
              </>
            ) : (
              <span className="muted small">No changes.</span>
            )}
          </dd>
          <dt>Citations</dt>
          <dd>
            <CitationChanges diff={diff.citations} />
          </dd>
        </dl>
      )}
    </section>
  );
}
