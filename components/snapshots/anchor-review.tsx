"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { decideAnchorAction } from "@/app/(desk)/articles/[id]/versions/actions";
import { ArticleText } from "@/components/article/article-text";
import { selectionToOffsets } from "@/components/annotation/selection";
import { FormError } from "@/components/ui/form-error";
import { unwrap } from "@/lib/action-result";
import { describeAnchor, snapSelection } from "@/lib/anchoring/anchor";
import { canonicalText, codePointLength, type Block } from "@/lib/anchoring/text";
import { quoteWordDiff, sameWords } from "@/lib/anchoring/quote-words";
import type { AnchorStatus } from "@/lib/workflow";
import styles from "./snapshots.module.css";

export type ReviewClaim = {
  id: string;
  version: number;
  statement: string;
  exact: string;
  /** The quote on the previous snapshot, when the claim was re-anchored from it. */
  previousExact: string | null;
  anchorStatus: AnchorStatus;
  start: number;
  end: number;
  /** False when the claim was kept on an older snapshot. */
  onThisSnapshot: boolean;
};

type Decision = { kind: "confirm" } | { kind: "keep_old" } | { kind: "reattach"; start: number; end: number; exact: string };

const STATUS_TEXT: Record<AnchorStatus, string> = {
  anchored: "Found in place",
  moved: "Found elsewhere",
  needs_review: "Needs your review",
  orphaned: "Quote not found",
};

/**
 * The claims after a re-import, with what the reviewer can do about each:
 * confirm a proposed position, re-attach the claim to a selection in the
 * new text, or keep it on the previous snapshot. The new text is shown with
 * the claims highlighted, and is where a selection for re-attaching is made.
 */
export function AnchorReview({ blocks, claims, previousNumber, canWrite }: { blocks: Block[]; claims: ReviewClaim[]; previousNumber: number; canWrite: boolean }) {
  const router = useRouter();
  const textRef = useRef<HTMLDivElement>(null);
  const [attaching, setAttaching] = useState<string | null>(null);
  const [selectionError, setSelectionError] = useState<string | null>(null);
  const text = useMemo(() => canonicalText(blocks), [blocks]);
  const decide = useMutation({
    mutationFn: ({ claim, decision }: { claim: ReviewClaim; decision: Decision }) => unwrap(decideAnchorAction({ claimId: claim.id, version: claim.version, decision })),
    onSuccess: () => {
      setAttaching(null);
      router.refresh();
    },
  });

  const attachSelection = (claim: ReviewClaim) => {
    setSelectionError(null);
    const raw = textRef.current ? selectionToOffsets(textRef.current, codePointLength(text)) : null;
    const snapped = raw && snapSelection(text, raw.start, raw.end);
    if (!snapped) {
      setSelectionError("Select the passage in the new text below first, then choose “Attach to selection”.");
      return;
    }
    const anchor = describeAnchor(text, snapped.start, snapped.end);
    decide.mutate({ claim, decision: { kind: "reattach", start: anchor.start, end: anchor.end, exact: anchor.exact } });
  };

  const ranges = claims.filter((c) => c.onThisSnapshot && c.anchorStatus !== "orphaned").map((c) => ({ id: c.id, start: c.start, end: c.end }));
  const attachingClaim = claims.find((c) => c.id === attaching);

  return (
    <>
      <ol className={styles.claims} aria-label="Claims after the re-import">
        {claims.map((claim, i) => {
          const open = claim.onThisSnapshot && (claim.anchorStatus === "needs_review" || claim.anchorStatus === "orphaned" || claim.anchorStatus === "moved");
          const tone = claim.anchorStatus === "orphaned" ? styles.orphan : open ? styles.attention : "";
          return (
            <li key={claim.id} className={`${styles.claim} ${tone}`} data-testid="review-claim" data-status={claim.onThisSnapshot ? claim.anchorStatus : "kept_old"}>
              <div className={styles.claimHead}>
                <strong>
                  Claim {i + 1}: {claim.statement}
                </strong>
                <span className="badge status">{claim.onThisSnapshot ? STATUS_TEXT[claim.anchorStatus] : `Kept on snapshot ${previousNumber} or earlier`}</span>
              </div>
              {claim.previousExact !== null && claim.onThisSnapshot && (
                <div className={styles.quotes}>
                  <figure>
                    <figcaption>Before (snapshot {previousNumber})</figcaption>
                    <blockquote>{claim.previousExact}</blockquote>
                  </figure>
                  <figure>
                    <figcaption>{claim.anchorStatus === "needs_review" || claim.anchorStatus === "moved" ? "Now (proposed)" : "Now"}</figcaption>
                    <blockquote>{claim.anchorStatus === "orphaned" ? <em>Not found in the new text.</em> : claim.exact}</blockquote>
                  </figure>
                  {claim.anchorStatus !== "orphaned" && <QuoteChange before={claim.previousExact} after={claim.exact} />}
                </div>
              )}
              {canWrite && open && (
                <div className="row">
                  {claim.anchorStatus !== "orphaned" && (
                    <button type="button" className="button small" disabled={decide.isPending} onClick={() => decide.mutate({ claim, decision: { kind: "confirm" } })}>
                      Confirm position
                    </button>
                  )}
                  <button type="button" className="button secondary small" disabled={decide.isPending} onClick={() => { setAttaching(claim.id); setSelectionError(null); }}>
                    Re-attach to other text
                  </button>
                  {claim.previousExact !== null && (
                    <button type="button" className="button secondary small" disabled={decide.isPending} onClick={() => decide.mutate({ claim, decision: { kind: "keep_old" } })}>
                      Keep on snapshot {previousNumber}
                    </button>
                  )}
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <FormError message={decide.error?.message ?? null} testId="decision-error" />

      <h2 id="new-text-heading">The new text</h2>
      {attachingClaim && (
        <div className={styles.attach} role="region" aria-label="Re-attach a claim">
          <p className="small">
            Re-attaching <strong>{attachingClaim.statement}</strong>: select its passage in the text below, then attach it.
          </p>
          <div className="row">
            <button type="button" className="button small" disabled={decide.isPending} onClick={() => attachSelection(attachingClaim)}>
              Attach to selection
            </button>
            <button type="button" className="button ghost small" onClick={() => setAttaching(null)}>
              Cancel
            </button>
          </div>
          <FormError message={selectionError} testId="selection-error" />
        </div>
      )}
      <div ref={textRef} id="article-text" className={styles.text} aria-labelledby="new-text-heading">
        <ArticleText blocks={blocks} ranges={ranges} />
      </div>
    </>
  );
}

/**
 * The new quote with the words that changed marked: a change of words is what
 * sends a claim to review (and reopens its approval), so the reviewer sees it.
 */
function QuoteChange({ before, after }: { before: string; after: string }) {
  if (sameWords(before, after)) return null;
  return (
    <p className={styles.quoteDiff} data-testid="quote-diff">
      <strong>The quoted words changed: </strong>
      {quoteWordDiff(before, after).map((part, i) =>
        part.kind === "same" ? (
          <span key={i}>{part.text}</span>
        ) : part.kind === "added" ? (
          <ins key={i} className={styles.added}>
            <span className="visually-hidden">added: </span>
            {part.text}
          </ins>
        ) : (
          <del key={i} className={styles.removed}>
            <span className="visually-hidden">removed: </span>
            {part.text}
          </del>
        ),
      )}
    </p>
  );
}
