/** Pieces every list of matches shows the same way: the score, why it matches, and "already checked by". */
import styles from "./workspace.module.css";

/** "Already checked by <who> on <date>: <rating>", the sentence every earlier check is shown with. */
export function alreadyChecked(who: string | null, on: string | null, rating: string | null): string {
  return `Already checked by ${who ?? "an unnamed publisher"}${on ? ` on ${on.slice(0, 10)}` : ""}${rating ? `: ${rating}` : " (no rating given)"}`;
}

/** The match score as readers of the panel take it: a percentage, and "weaker match" below the dimming threshold. */
export function MatchStrength({ score, dimmed }: { score: number; dimmed: boolean }) {
  return (
    <span data-testid="match-score">
      match {Math.round(score * 100)}%{dimmed ? " (weaker match)" : ""}
    </span>
  );
}

/** Why it matches, and a label when one side denies what the other asserts: the check a fact-checker needs to see. */
export function MatchWhy({ reasons, saysOpposite }: { reasons: string[]; saysOpposite: boolean }) {
  if (reasons.length === 0 && !saysOpposite) return null;
  return (
    <p className={styles.matchWhy} data-testid="match-why">
      {saysOpposite && (
        <span className="badge" data-testid="says-opposite">
          Says the opposite
        </span>
      )}
      {saysOpposite && reasons.length > 0 && " "}
      {reasons.length > 0 && `Why: ${reasons.join("; ")}.`}
    </p>
  );
}
