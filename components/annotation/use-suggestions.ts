"use client";
import { useEffect, useMemo, useState } from "react";
import { suggestCheckWorthy, type Suggestion } from "@/lib/check-worthy";
import { MAX_SUGGESTIONS_SHOWN } from "@/lib/limits";
import type { Block } from "@/lib/anchoring/text";
import { SUGGESTION_PREFIX } from "@/components/article/article-text";

export type WorkspaceSuggestion = Suggestion & { id: string };

export const suggestionId = (s: { start: number; end: number }) => `${SUGGESTION_PREFIX}${s.start}-${s.end}`;

/**
 * Check-worthy suggestions for the snapshot, minus those already covered by a
 * claim or dismissed. Computed after the first paint (in an idle callback):
 * highlights come first, suggestions a moment later, so a long article still
 * paints fast.
 */
export function useSuggestions(
  blocks: Block[],
  claims: { start: number; end: number }[],
  dismissed: { start: number; end: number }[],
): WorkspaceSuggestion[] {
  const [all, setAll] = useState<WorkspaceSuggestion[]>([]);
  useEffect(() => {
    let cancelled = false;
    const run = () => {
      if (!cancelled) setAll(suggestCheckWorthy(blocks).map((s) => ({ ...s, id: suggestionId(s) })));
    };
    const idle = typeof window.requestIdleCallback === "function" ? window.requestIdleCallback(run, { timeout: 1500 }) : window.setTimeout(run, 50);
    return () => {
      cancelled = true;
      if (typeof window.cancelIdleCallback === "function") window.cancelIdleCallback(idle);
      else window.clearTimeout(idle);
    };
  }, [blocks]);
  return useMemo(() => {
    const gone = new Set(dismissed.map((d) => `${d.start}-${d.end}`));
    // Claims are sorted by start; a suggestion overlapping any claim is already being handled.
    const sorted = [...claims].sort((a, b) => a.start - b.start);
    const overlaps = (s: Suggestion) => sorted.some((c) => c.start < s.end && c.end > s.start);
    return all.filter((s) => !gone.has(`${s.start}-${s.end}`) && !overlaps(s)).slice(0, MAX_SUGGESTIONS_SHOWN);
  }, [all, claims, dismissed]);
}
