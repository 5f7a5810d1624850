/**
 * Marks a required field in its label before anything is submitted. The word is part of the label (so a screen
 * reader says it with the field's name); the input carries aria-required too.
 */
export function RequiredMark() {
  return <span className="hint required-mark">(required)</span>;
}
