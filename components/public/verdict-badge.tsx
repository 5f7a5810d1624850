import type { CSSProperties } from "react";
import { BEST_RATING } from "@/lib/rating-scale";
import { textColourOn } from "@/lib/contrast";
import styles from "./public.module.css";

export type VerdictBadgeProps = {
  label: string;
  colour: string;
  /** Shown as e.g. "1/5" after the label when given; the label alone always carries the meaning. */
  value?: number;
  size?: "small" | "large";
};

/**
 * A verdict: the rating label on its scale colour. The label is always
 * written out, so colour is never the only signal; the text colour is chosen
 * for contrast against whatever colour an admin gave the rating.
 */
export function VerdictBadge({ label, colour, value, size = "small" }: VerdictBadgeProps) {
  const style = { background: colour, color: textColourOn(colour) } satisfies CSSProperties;
  return (
    <span className={`${styles.verdictBadge} ${size === "large" ? styles.verdictBadgeLarge : ""}`} style={style}>
      {label}
      {value !== undefined ? (
        <span className={styles.verdictValue}>
          <span aria-hidden="true">{` ${value}/${BEST_RATING}`}</span>
          <span className="visually-hidden">{`, ${value} out of ${BEST_RATING}`}</span>
        </span>
      ) : null}
    </span>
  );
}
