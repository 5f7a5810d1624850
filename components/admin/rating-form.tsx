"use client";
import { useId, useState, type FormEvent } from "react";
import { FormError } from "@/components/ui/form-error";
import { badgeContrastProblem, contrastRatio } from "@/lib/contrast";
import styles from "./rating-scale.module.css";

export type RatingValues = { label: string; value: number; colour: string; description: string };

/**
 * Label, value, colour and description of one rating, with a live badge
 * preview and its contrast against white text (refused below 4.5:1).
 */
export function RatingForm({ initial, submitLabel, onSubmit, onCancel }: { initial: RatingValues; submitLabel: string; onSubmit: (v: RatingValues) => Promise<string | null>; onCancel?: () => void }) {
  const id = useId();
  const [v, setV] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const problem = badgeContrastProblem(v.colour);
  const ratio = contrastRatio(v.colour, "#ffffff");

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (problem) return setError(problem);
    setBusy(true);
    const failure = await onSubmit({ ...v, label: v.label.trim(), description: v.description.trim() });
    setBusy(false);
    setError(failure);
  };

  return (
    <form onSubmit={submit} noValidate className={styles.form}>
      <div>
        <label htmlFor={`${id}-label`}>Label</label>
        <input id={`${id}-label`} type="text" required maxLength={40} value={v.label} onChange={(e) => setV({ ...v, label: e.target.value })} />
      </div>
      <div>
        <label htmlFor={`${id}-value`}>Value (1 false – 5 true)</label>
        <select id={`${id}-value`} value={v.value} onChange={(e) => setV({ ...v, value: Number(e.target.value) })}>
          {[5, 4, 3, 2, 1].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-colour`}>Colour</label>
        <div className="row">
          <input id={`${id}-colour`} type="color" value={/^#[0-9a-f]{6}$/i.test(v.colour) ? v.colour : "#000000"} onChange={(e) => setV({ ...v, colour: e.target.value })} className={styles.colour} />
          <input aria-label="Colour hex code" type="text" maxLength={7} value={v.colour} onChange={(e) => setV({ ...v, colour: e.target.value.trim() })} className={styles.hex} />
        </div>
      </div>
      <div className={styles.wide}>
        <label htmlFor={`${id}-description`}>Description</label>
        <textarea id={`${id}-description`} rows={2} maxLength={500} value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} />
      </div>
      <div className={styles.wide}>
        <p className="small" aria-live="polite">
          Preview: <span className="badge rating" style={{ background: /^#[0-9a-f]{6}$/i.test(v.colour) ? v.colour : "#000" }}>{v.label || "Label"}</span>{" "}
          {ratio !== null && <span className={problem ? styles.bad : "muted"}>Contrast with white text {ratio.toFixed(2)}:1{problem ? " — too low, needs 4.5:1" : " — readable"}</span>}
        </p>
      </div>
      <div className={styles.wide}>
        <FormError message={error} />
        <div className="row">
          <button type="submit" className="button small" disabled={busy}>
            {submitLabel}
          </button>
          {onCancel && (
            <button type="button" className="button secondary small" onClick={onCancel}>
              Cancel
            </button>
          )}
        </div>
      </div>
    </form>
  );
}
