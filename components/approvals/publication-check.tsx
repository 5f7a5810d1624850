"use client";
import { FieldError } from "@/components/ui/form-error";
import { RatingOptions } from "@/components/ui/rating-options";
import styles from "./approvals.module.css";

export type PublicationCheckValue = { summary: string; headlineRatingId: string; confirmed: boolean };
export type PublicationCheckErrors = { summary?: string[]; headlineRatingId?: string[]; confirmed?: string[] };

/** Whether the editor changed the summary or the headline verdict (which is itself a confirmation). */
export function isEdited(value: PublicationCheckValue, initial: { summary: string; headlineRatingId: string | null }): boolean {
  return value.summary.trim() !== initial.summary.trim() || value.headlineRatingId !== (initial.headlineRatingId ?? "");
}

/**
 * The live fact-check's summary and headline verdict, prefilled, for the
 * editor to confirm or edit in the same decision that approves a correction.
 */
export function PublicationCheckFields({
  id,
  value,
  initial,
  ratings,
  errors,
  onChange,
}: {
  id: string;
  value: PublicationCheckValue;
  initial: { summary: string; headlineRatingId: string | null };
  ratings: { id: string; label: string }[];
  errors: PublicationCheckErrors;
  onChange: (value: PublicationCheckValue) => void;
}) {
  const edited = isEdited(value, initial);
  const set = (patch: Partial<PublicationCheckValue>) => onChange({ ...value, ...patch });
  return (
    <fieldset className={styles.publicationCheck} aria-describedby={`${id}-about`}>
      <legend>Summary and headline verdict of the public fact-check</legend>
      <p className="small muted" id={`${id}-about`}>
        Approving corrects the live fact-check. Check that its summary and headline verdict still fit, or edit them here: your edits are published with the
        correction.
      </p>
      <div className="field">
        <label htmlFor={`${id}-summary`}>Summary</label>
        <textarea
          id={`${id}-summary`}
          rows={5}
          maxLength={1000}
          value={value.summary}
          onChange={(e) => set({ summary: e.target.value })}
          aria-invalid={errors.summary ? true : undefined}
          aria-describedby={errors.summary ? `${id}-summary-error` : undefined}
        />
        <FieldError id={`${id}-summary-error`} errors={errors.summary} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-headline`}>Headline verdict</label>
        <select
          id={`${id}-headline`}
          value={value.headlineRatingId}
          onChange={(e) => set({ headlineRatingId: e.target.value })}
          aria-invalid={errors.headlineRatingId ? true : undefined}
          aria-describedby={errors.headlineRatingId ? `${id}-headline-error` : undefined}
        >
          <option value="">No headline verdict</option>
          <RatingOptions ratings={ratings} />
        </select>
        <FieldError id={`${id}-headline-error`} errors={errors.headlineRatingId} />
      </div>
      <div className="field">
        <div className={styles.checkRow}>
          <input
            type="checkbox"
            id={`${id}-confirm`}
            checked={value.confirmed}
            onChange={(e) => set({ confirmed: e.target.checked })}
            aria-required={!edited}
            aria-invalid={errors.confirmed ? true : undefined}
            aria-describedby={`${id}-confirm-hint${errors.confirmed ? ` ${id}-confirm-error` : ""}`}
          />
          <label htmlFor={`${id}-confirm`}>The summary and headline verdict still fit this correction</label>
        </div>
        <p className="hint small muted" id={`${id}-confirm-hint`} style={{ margin: "0.2rem 0 0" }}>
          {edited ? "You edited them, so approving saves your edits; no need to tick the box." : "Required unless you edit the summary or the headline verdict."}
        </p>
        <FieldError id={`${id}-confirm-error`} errors={errors.confirmed} />
      </div>
    </fieldset>
  );
}
