"use client";
import { memo, useMemo, type ReactNode } from "react";
import { excerpt } from "@/components/annotation/article-highlighter";
import { claimKey } from "@/components/annotation/queries";
import type { WorkspaceClaim } from "@/components/annotation/types";
import { RatingBadge, StatusBadge } from "@/components/ui/badges";
import type { Block } from "@/lib/anchoring/text";
import { describePlace, placeFinder } from "@/lib/block-place";
import { claimPosition } from "@/lib/claim-number";
import styles from "./workspace.module.css";

type Props = {
  claims: WorkspaceClaim[];
  /** The snapshot's blocks: a claim in a PDF or a transcript says its page or speaker and time. */
  blocks: Block[];
  activeId: string | null;
  onSelect: (id: string) => void;
  /** The active claim's details, shown under its entry. */
  renderPanel: (claim: WorkspaceClaim) => ReactNode;
};

/** Quotes longer than this are shortened in the list; the panel then shows them in full. */
export const QUOTE_EXCERPT = 110;

export const entryId = (claimId: string) => `claim-entry-${claimId}`;
export const panelId = (claimId: string) => `claim-panel-${claimId}`;

/**
 * Claims in text order, each named by its stable number (claim.number, creation order) with its place in the
 * text beside it: adding a claim above "Claim 7" moves it down the list but never renames it. Each entry is a button (Tab reaches every one); the
 * active one is marked aria-current and expands to its panel below.
 */
export function ClaimList({ claims, blocks, activeId, onSelect, renderPanel }: Props) {
  const placeOf = useMemo(() => placeFinder(blocks), [blocks]);
  if (claims.length === 0) {
    return (
      <div className={styles.emptyList}>
        <p>
          <strong>No claims yet.</strong>
        </p>
        <p className="small muted">Select a sentence in the article, then choose “Add claim” (or “Add claim from selection” above the text).</p>
      </div>
    );
  }
  return (
    <ol className={styles.claimList} aria-label="Claims">
      {claims.map((claim, index) => {
        const active = claim.id === activeId;
        // Only the active entry carries its panel; the others are memoized (a long article has hundreds).
        const place = describePlace(placeOf(claim.start));
        return <ClaimListItem key={claimKey(claim)} claim={claim} position={index + 1} place={place} active={active} onSelect={onSelect} panel={active ? renderPanel(claim) : null} />;
      })}
    </ol>
  );
}

type ItemProps = { claim: WorkspaceClaim; position: number; place: string | null; active: boolean; onSelect: (id: string) => void; panel: ReactNode };

const ClaimListItem = memo(
  function ClaimListItem({ claim, position, place, active, onSelect, panel }: ItemProps) {
    return (
      <li className={`${styles.claimItem} ${active ? styles.claimItemActive : ""}`} data-claim-id={claim.id}>
        <button
          type="button"
          id={entryId(claim.id)}
          className={styles.claimEntry}
          aria-current={active ? "true" : undefined}
          aria-expanded={active}
          aria-controls={active ? panelId(claim.id) : undefined}
          onClick={() => onSelect(claim.id)}
        >
          <span className={styles.claimNumber} aria-hidden="true" data-testid="claim-number">
            {claim.number}
          </span>
          <span className={styles.claimBody}>
            <span className={styles.claimPosition} data-testid="claim-position">
              Claim {claim.number} · {claimPosition(position)}
              {place ? ` · ${place}` : ""}
              <span className="visually-hidden">: </span>
            </span>
            <span className={styles.claimStatement}>{claim.statement}</span>
            <span className={styles.claimQuote}>“{excerpt(claim.exact, QUOTE_EXCERPT)}”</span>
            <span className={styles.claimBadges}>
              {claim.pending ? <span className="badge status">Saving…</span> : <StatusBadge status={claim.status} />}
              {claim.verdict && <RatingBadge label={claim.verdict.rating.label} colour={claim.verdict.rating.colour} />}
              {(claim.anchorStatus === "needs_review" || claim.anchorStatus === "orphaned") && (
                <span className={`badge ${styles.anchorBadge}`}>{claim.anchorStatus === "orphaned" ? "Quote not found" : "Check position"}</span>
              )}
            </span>
          </span>
        </button>
        {panel}
      </li>
    );
  },
  // The active entry always re-renders (its panel is live); the rest only when their claim or position changed.
  (a, b) => !a.active && !b.active && a.claim === b.claim && a.position === b.position && a.place === b.place && a.onSelect === b.onSelect,
);
