"use client";
import { useIsMutating, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { workspaceKeys } from "@/components/annotation/queries";

/** How often the workspace asks whether anything changed: well inside the 3 s a colleague's change may take to show. */
export const LIVE_POLL_MS = 1500;

/**
 * Live collaboration: polls the article's change stamp (a count derived from
 * the database, so every app instance agrees) and refetches the workspace
 * when it moves. While this reviewer's own write is in flight the refetch
 * waits (it would undo the optimistic change) and happens once the last write
 * has settled: writes update the cache from their own answers and refetch
 * nothing, so a colleague's change made meanwhile arrives this way.
 */
export function useLiveUpdates(articleId: string): void {
  const queryClient = useQueryClient();
  const { data: stamp } = useQuery({
    queryKey: [...workspaceKeys.detail(articleId), "stamp"],
    queryFn: async ({ signal }) => {
      const response = await fetch(`/api/articles/${encodeURIComponent(articleId)}/changes`, { signal, cache: "no-store" });
      if (!response.ok) throw new Error(`The change feed answered ${response.status}.`);
      return ((await response.json()) as { stamp: number }).stamp;
    },
    refetchInterval: LIVE_POLL_MS,
    refetchIntervalInBackground: false,
    staleTime: 0,
    retry: false,
  });
  const writing = useIsMutating({ mutationKey: workspaceKeys.mutations(articleId) });
  const seen = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (stamp === undefined) return;
    if (seen.current === undefined) seen.current = stamp;
    if (seen.current === stamp || writing > 0) return;
    seen.current = stamp;
    void queryClient.invalidateQueries({ queryKey: workspaceKeys.detail(articleId), predicate: (q) => q.queryKey[2] !== "stamp" });
  }, [stamp, writing, queryClient, articleId]);
}
