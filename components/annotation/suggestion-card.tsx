"use client";
import { describeReasons } from "@/lib/check-worthy";
import type { WorkspaceSuggestion } from "./use-suggestions";
import styles from "./annotation.module.css";

type Props = {
  suggestion: WorkspaceSuggestion;
  position: { top: number; left: number };
  canAnnotate: boolean;
  onAccept: () => void;
  onDismiss: () => void;
  onClose: () => void;
};

/** What a suggestion is and what to do with it: floats under the active suggestion. */
export function SuggestionCard({ suggestion, position, canAnnotate, onAccept, onDismiss, onClose }: Props) {
  return (
    <div className={styles.suggestionCard} style={position} role="group" aria-label="Check-worthy suggestion" data-testid="suggestion-card">
      <p>
        <strong>Suggested claim</strong> · {suggestion.rank} of {suggestion.of} by score · {Math.round(suggestion.score * 100)}%
        <br />
        <span className="small">Why: {describeReasons(suggestion.reasons)}.</span>
      </p>
      <div className={styles.suggestionActions}>
        {canAnnotate && (
          <>
            <button type="button" className="button small" onClick={onAccept}>
              Accept as claim <kbd className={styles.kbd} aria-hidden="true">a</kbd>
            </button>
            <button type="button" className="button secondary small" onClick={onDismiss}>
              Dismiss <kbd className={styles.kbd} aria-hidden="true">x</kbd>
            </button>
          </>
        )}
        <button type="button" className="button ghost small" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
