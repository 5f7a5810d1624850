"use client";
import { useEffect, useMemo, useState } from "react";
import { suggestCheckWorthy, type Suggestion } from "@/lib/check-worthy";
import { MAX_SUGGESTIONS_SHOWN } from "@/lib/limits";
import type { Block } from "@/lib/anchoring/text";
import { SUGGESTION_PREFIX } from "@/components/article/article-text";

/** A suggestion as the workspace shows it: `rank` 1 is the strongest of the `of` shown. */
export type WorkspaceSuggestion = Suggestion & { id: string; rank: number; of: number };

export const suggestionId = (s: { start: number; end: number }) => `${SUGGESTION_PREFIX}${s.start}-${s.end}`;

/**
 * Check-worthy suggestions for the snapshot scoring at least `threshold` (the
 * organisation's setting), minus those already covered by a claim or
 * dismissed, strongest first (so "next suggestion" goes from the most
 * check-worthy down; equal scores in reading order). Computed after the first
 * paint (in an idle callback): highlights come first, suggestions a moment
 * later, so a long article still paints fast.
 */
export function useSuggestions(
  blocks: Block[],
  claims: { start: number; end: number }[],
  dismissed: { start: number; end: number }[],
  threshold: number,
): WorkspaceSuggestion[] {
  const [all, setAll] = useState<Suggestion[]>([]);
  useEffect(() => {
    let cancelled = false;
    const run = () => {
      if (!cancelled) setAll(suggestCheckWorthy(blocks, threshold).sort((a, b) => b.score - a.score || a.start - b.start));
    };
    const idle = typeof window.requestIdleCallback === "function" ? window.requestIdleCallback(run, { timeout: 1500 }) : window.setTimeout(run, 50);
    return () => {
      cancelled = true;
      if (typeof window.cancelIdleCallback === "function") window.cancelIdleCallback(idle);
      else window.clearTimeout(idle);
    };
  }, [blocks, threshold]);
  return useMemo(() => {
    const gone = new Set(dismissed.map((d) => `${d.start}-${d.end}`));
    // Claims are sorted by start; a suggestion overlapping any claim is already being handled.
    const sorted = [...claims].sort((a, b) => a.start - b.start);
    const overlaps = (s: Suggestion) => sorted.some((c) => c.start < s.end && c.end > s.start);
    const shown = all.filter((s) => !gone.has(`${s.start}-${s.end}`) && !overlaps(s)).slice(0, MAX_SUGGESTIONS_SHOWN);
    return shown.map((s, i) => ({ ...s, id: suggestionId(s), rank: i + 1, of: shown.length }));
  }, [all, claims, dismissed]);
}
