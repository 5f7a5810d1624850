"use client";
import { useCallback, useId, useState } from "react";
import type { RatingOption, WorkspaceClaim } from "@/components/annotation/types";
import type { SubmitResult } from "@/components/verdicts/verdict-editor";
import type { ProposeVerdictInput } from "@/lib/validation/verdict";
import { mergeCitations } from "@/lib/merge";
import { ConflictDialog, type ConflictChoice } from "./conflict-dialog";

type Pending = { mine: ProposeVerdictInput; resolve: (result: SubmitResult) => void };

/**
 * Intercepts a verdict proposal refused as stale: shows their current verdict
 * next to the draft and resubmits what the person chooses against the fresh
 * claim version. `generation` changes when they keep theirs, so the editor can
 * remount showing it.
 */
export function useVerdictConflict(input: { claim: WorkspaceClaim; ratings: RatingOption[]; submit: (v: ProposeVerdictInput) => Promise<SubmitResult>; reload: () => void }) {
  const { claim, ratings, submit, reload } = input;
  const [pending, setPending] = useState<Pending | null>(null);
  const [generation, setGeneration] = useState(0);

  const resolveConflict = useCallback(
    (mine: ProposeVerdictInput) =>
      new Promise<SubmitResult>((resolve) => {
        setPending({ mine, resolve });
        reload();
      }),
    [reload],
  );

  const dialog = pending ? (
    <VerdictConflictDialog
      key={pending.mine.claimVersion}
      claim={claim}
      ratings={ratings}
      pending={pending}
      submit={submit}
      onClose={(result, keptTheirs) => {
        pending.resolve(result);
        setPending(null);
        if (keptTheirs) setGeneration((g) => g + 1);
      }}
    />
  ) : null;
  return { resolveConflict, dialog, generation };
}

function VerdictConflictDialog({ claim, ratings, pending, submit, onClose }: { claim: WorkspaceClaim; ratings: RatingOption[]; pending: Pending; submit: (v: ProposeVerdictInput) => Promise<SubmitResult>; onClose: (result: SubmitResult, keptTheirs: boolean) => void }) {
  const id = useId();
  const { mine } = pending;
  const loaded = claim.version !== mine.claimVersion;
  const theirs = claim.verdict;
  const [ratingId, setRatingId] = useState(mine.ratingId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const label = (ratingId: string | undefined) => ratings.find((r) => r.id === ratingId)?.label ?? "none";

  const choose = async (choice: ConflictChoice) => {
    if (choice.kind === "theirs") return onClose({ ok: true }, true);
    const theirCitations = (theirs?.citations ?? []).map(({ url, title, publisher, publishedOn, quote, locator, stance, kind, archiveUrl }) => ({ url, title, publisher, publishedOn, quote, locator, stance, kind, archiveUrl }));
    const next: ProposeVerdictInput =
      choice.kind === "mine"
        ? { ...mine, claimVersion: claim.version }
        : { ...mine, claimVersion: claim.version, ratingId, rationale: choice.text, citations: mergeCitations(mine.citations, theirCitations) };
    setBusy(true);
    const result = await submit(next);
    setBusy(false);
    if (result.ok) onClose(result, false);
    else setError(result.error);
  };

  const theirText = !loaded ? null : theirs ? theirs.rationale : "(There is no verdict on this claim now.)";
  return (
    <ConflictDialog what="verdict" theirs={theirText} mine={mine.rationale} theirAuthor={loaded ? theirs?.authorName : null} busy={busy} error={error} onChoose={(c) => void choose(c)}>
      {loaded && (
        <fieldset className="field">
          <legend>Rating for the merged version</legend>
          <label className="row" style={{ fontWeight: 400 }}>
            <input type="radio" name={`${id}-rating`} checked={ratingId === mine.ratingId} onChange={() => setRatingId(mine.ratingId)} /> Yours: {label(mine.ratingId)}
          </label>
          {theirs && theirs.ratingId !== mine.ratingId && (
            <label className="row" style={{ fontWeight: 400 }}>
              <input type="radio" name={`${id}-rating`} checked={ratingId === theirs.ratingId} onChange={() => setRatingId(theirs.ratingId)} /> Theirs: {theirs.rating.label}
            </label>
          )}
          <p className="small muted" style={{ margin: "0.25rem 0 0" }}>
            The merged version keeps your {mine.citations.length} citation{mine.citations.length === 1 ? "" : "s"} and adds any of theirs you did not cite.
          </p>
        </fieldset>
      )}
    </ConflictDialog>
  );
}
