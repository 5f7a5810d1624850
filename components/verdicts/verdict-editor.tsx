"use client";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import type { RatingOption, WorkspaceVerdict } from "@/components/annotation/types";
import { FieldError, FormError } from "@/components/ui/form-error";
import { RatingOptions } from "@/components/ui/rating-options";
import { RequiredMark } from "@/components/ui/required-mark";
import { CitationsEditor, emptyCitation } from "./citations-editor";
import { Markdown } from "@/components/ui/markdown";
import {
  MAX_CORRECTION_NOTE,
  MAX_RATIONALE,
  RECOMMENDED_CITATIONS,
  proposeVerdictSchema,
  type CitationDraft,
  type ProposeVerdictInput,
  type Stance,
} from "@/lib/validation/verdict";
import styles from "./verdicts.module.css";

export type SubmitResult = { ok: true } | { ok: false; error: string; code?: string; fieldErrors?: Record<string, string[]> };

export type VerdictEditorProps = {
  claimId: string;
  /** The claim's `version` as loaded; the server refuses the proposal if someone changed the claim since. */
  claimVersion: number;
  ratings: RatingOption[];
  /** The claim's current verdict, used to prefill a re-proposal. */
  initial: WorkspaceVerdict | null;
  onSubmit: (input: ProposeVerdictInput) => Promise<SubmitResult>;
  /** Offered next to a "changed by someone else" refusal: reloads the claim while keeping this draft. */
  onReload?: () => void;
  /** The claim's verdict is approved: a new revision sends it back for approval. */
  approved?: boolean;
  /** The claim itself is still being saved: the form can be filled, not submitted. */
  saving?: boolean;
  /** The article is published: the revision needs a correction note for readers. */
  published?: boolean;
};

function draftsFrom(verdict: WorkspaceVerdict | null): CitationDraft[] {
  if (!verdict || verdict.citations.length === 0) return [emptyCitation()];
  return verdict.citations.map((c) => ({
    key: c.id,
    url: c.url,
    title: c.title,
    publisher: c.publisher ?? "",
    publishedOn: c.publishedOn ?? "",
    quote: c.quote ?? "",
    locator: c.locator ?? "",
    stance: c.stance,
    kind: c.kind,
    archiveUrl: c.archiveUrl ?? "",
  }));
}

const isBlank = (c: CitationDraft) => [c.url, c.title, c.publisher, c.publishedOn, c.quote, c.locator, c.archiveUrl].every((v) => v.trim() === "");

/**
 * Rating, rationale (markdown with a live preview) and citations for one
 * claim, submitted as a new verdict revision for approval. Validation runs
 * here with the server's schema for quick feedback; the server decides.
 */
export function VerdictEditor({ claimId, claimVersion, ratings, initial, onSubmit, onReload, approved, saving, published }: VerdictEditorProps) {
  const id = useId();
  const [ratingId, setRatingId] = useState(initial?.ratingId ?? "");
  const [rationale, setRationale] = useState(initial?.rationale ?? "");
  const [citations, setCitations] = useState<CitationDraft[]>(() => draftsFrom(initial));
  const [correctionNote, setCorrectionNote] = useState("");
  // Also shown when the server asks for a note (the article was published after this page loaded).
  const [needsNote, setNeedsNote] = useState(Boolean(published));
  const showNote = needsNote || Boolean(published);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<{ message: string; conflict: boolean } | null>(null);
  const [pending, setPending] = useState(false);
  const submitRef = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  // The claim version this draft is based on. Live updates may bring a newer one while the reviewer
  // types; submitting against the base then fails with a conflict instead of overwriting a colleague.
  const [baseVersion, setBaseVersion] = useState(claimVersion);
  const [touched, setTouched] = useState(false);
  const adoptNext = useRef(false);
  useEffect(() => {
    if (claimVersion === baseVersion) return;
    if (!touched) {
      // Nothing typed yet: simply show the latest verdict.
      setRatingId(initial?.ratingId ?? "");
      setRationale(initial?.rationale ?? "");
      setCitations(draftsFrom(initial));
      setBaseVersion(claimVersion);
    } else if (adoptNext.current) {
      adoptNext.current = false;
      setBaseVersion(claimVersion);
      setFormError(null);
    }
  }, [claimVersion, baseVersion, touched, initial]);
  const stale = claimVersion !== baseVersion;

  const rating = ratings.find((r) => r.id === ratingId);
  const filled = citations.filter((c) => !isBlank(c));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (pending || saving) return;
    // Rows left completely empty are ignored; error paths are mapped back to the visible row numbers.
    const kept = citations.map((c, i) => ({ c, i })).filter(({ c }) => !isBlank(c));
    const input: ProposeVerdictInput = {
      claimId,
      claimVersion: baseVersion,
      ratingId,
      rationale,
      citations: kept.map(({ c }) => ({
        url: c.url,
        title: c.title,
        publisher: c.publisher,
        publishedOn: c.publishedOn,
        quote: c.quote,
        locator: c.locator,
        // "" (not chosen yet) is left for the schema to reject with a readable message.
        stance: c.stance as Stance,
        kind: c.kind,
        archiveUrl: c.archiveUrl,
      })),
      ...(showNote ? { correctionNote } : {}),
    };
    const remap = (fieldErrors: Record<string, string[]> = {}) => {
      const out: Record<string, string[]> = {};
      for (const [key, messages] of Object.entries(fieldErrors)) {
        const m = /^citations\.(\d+)\.(.+)$/.exec(key);
        const mapped = m ? `citations.${kept[Number(m[1])]?.i ?? m[1]}.${m[2]}` : key;
        out[mapped] = [...(out[mapped] ?? []), ...messages];
      }
      return out;
    };

    const parsed = proposeVerdictSchema.safeParse(input);
    if (!parsed.success) {
      const fieldErrors: Record<string, string[]> = {};
      for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "form"] ??= []).push(issue.message);
      setErrors(remap(fieldErrors));
      setFormError({ message: "Please check the highlighted fields.", conflict: false });
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }

    setPending(true);
    setFormError(null);
    setErrors({});
    try {
      const result = await onSubmit(input);
      if (result.ok) setTouched(false);
      if (!result.ok) {
        if (result.fieldErrors?.correctionNote) setNeedsNote(true);
        setErrors(remap(result.fieldErrors));
        setFormError({ message: result.error, conflict: Boolean(result.code?.startsWith("conflict:")) });
      }
    } finally {
      refocus.current = true;
      setPending(false);
    }
  };

  // The button was disabled while submitting, which drops focus to <body>: give it back once it is enabled
  // again, so a keyboard user goes on from the form (Tab, `t` back to the text) instead of from the page top.
  useEffect(() => {
    if (pending || saving || !refocus.current) return;
    refocus.current = false;
    if (!document.activeElement || document.activeElement === document.body) submitRef.current?.focus();
  }, [pending, saving]);

  const err = (key: string) => errors[key];
  const described = (key: string, extra?: string) => [err(key) ? `${id}-${key}-error` : "", extra ?? ""].filter(Boolean).join(" ") || undefined;

  return (
    <form ref={formRef} className={styles.editor} onSubmit={submit} onChange={() => setTouched(true)} noValidate aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} className={styles.editorHeading}>
        {initial ? "Revise the verdict" : "Propose a verdict"}
      </h3>
      {approved && <p className="alert info small">This verdict is approved. Submitting a revision sends it back to an editor for approval.</p>}

      <div className="field">
        <label htmlFor={`${id}-rating`}>
          Rating <RequiredMark />
        </label>
        <select
          id={`${id}-rating`}
          aria-required="true"
          value={ratingId}
          onChange={(e) => setRatingId(e.target.value)}
          aria-invalid={err("ratingId") ? true : undefined}
          aria-describedby={described("ratingId", rating ? `${id}-rating-description` : undefined)}
        >
          <option value="">Choose a rating…</option>
          <RatingOptions ratings={ratings} />
        </select>
        {rating && (
          <p id={`${id}-rating-description`} className={styles.ratingDescription}>
            <span className={styles.swatch} style={{ background: rating.colour }} aria-hidden="true" />
            {rating.description}
          </p>
        )}
        <FieldError id={`${id}-ratingId-error`} errors={err("ratingId")} />
      </div>

      <div className="field">
        <label htmlFor={`${id}-rationale`}>
          Rationale <RequiredMark />
        </label>
        <textarea
          id={`${id}-rationale`}
          aria-required="true"
          rows={7}
          value={rationale}
          maxLength={MAX_RATIONALE}
          onChange={(e) => setRationale(e.target.value)}
          aria-invalid={err("rationale") ? true : undefined}
          aria-describedby={described("rationale", `${id}-rationale-hint`)}
        />
        <p id={`${id}-rationale-hint`} className={styles.hint}>
          Explain the rating for a reader: what the evidence shows and what the claim leaves out. Markdown: **bold**, _italics_, lists, [links](https://example.org).
        </p>
        <FieldError id={`${id}-rationale-error`} errors={err("rationale")} />
        {rationale.trim() && (
          <section className={styles.preview} aria-label="Markdown preview" data-testid="rationale-preview">
            <p className={styles.previewLabel} aria-hidden="true">
              Preview
            </p>
            <Markdown source={rationale} />
          </section>
        )}
      </div>

      {showNote && (
        <div className="field">
          <label htmlFor={`${id}-correction`}>
            Correction note <RequiredMark />
          </label>
          <textarea
            id={`${id}-correction`}
            aria-required="true"
            rows={3}
            value={correctionNote}
            maxLength={MAX_CORRECTION_NOTE}
            onChange={(e) => setCorrectionNote(e.target.value)}
            aria-invalid={err("correctionNote") ? true : undefined}
            aria-describedby={described("correctionNote", `${id}-correction-hint`)}
          />
          <p id={`${id}-correction-hint`} className={styles.hint}>
            This fact-check is published. Tell readers what changed and why; the note appears, dated, on the public page once the revision is approved.
          </p>
          <FieldError id={`${id}-correctionNote-error`} errors={err("correctionNote")} />
        </div>
      )}

      <CitationsEditor idPrefix={id} citations={citations} onChange={setCitations} errors={errors} saved={initial?.citations} />

      {filled.length < RECOMMENDED_CITATIONS && (
        <p className="alert warn small" data-testid="citation-warning">
          {filled.length === 0
            ? "Add at least one citation: a verdict needs evidence."
            : "Only one citation. Editors usually expect at least two independent sources; you can still submit."}
        </p>
      )}

      <FormError message={formError?.message} />
      {stale && !formError && (
        <p className="alert warn small" role="status" data-testid="verdict-stale">
          Someone else changed this claim while you were editing. Your draft is kept; submitting it will be refused until you reload the claim.
        </p>
      )}
      {(formError?.conflict || stale) && onReload && (
        <p>
          <button
            type="button"
            className="button secondary small"
            onClick={() => {
              adoptNext.current = true;
              if (stale) {
                adoptNext.current = false;
                setBaseVersion(claimVersion);
                setFormError(null);
              }
              onReload();
            }}
          >
            Reload the claim
          </button>{" "}
          <span className="small muted">Your draft stays here.</span>
        </p>
      )}

      <div className={styles.actions}>
        <button ref={submitRef} type="submit" className="button" disabled={pending || saving} aria-busy={pending || undefined}>
          Submit for approval
        </button>
        {(pending || saving) && (
          <span className="small muted" role="status">
            {pending ? "Submitting…" : "Waiting for the claim to save…"}
          </span>
        )}
      </div>
    </form>
  );
}
