"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { workspaceKeys } from "@/components/annotation/queries";

/** How often the workspace asks whether anything changed: well inside the 3 s a colleague's change may take to show. */
export const LIVE_POLL_MS = 1500;

/**
 * Live collaboration: polls the article's change stamp (a count derived from
 * the database, so every app instance agrees) and refetches the workspace
 * when it moves. While this reviewer's own write is in flight the refetch
 * waits: that write's own refetch follows and brings everything at once.
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
  const seen = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (stamp === undefined) return;
    const previous = seen.current;
    seen.current = stamp;
    if (previous === undefined || previous === stamp) return;
    if (queryClient.isMutating({ mutationKey: workspaceKeys.mutations(articleId) }) > 0) return;
    void queryClient.invalidateQueries({ queryKey: workspaceKeys.detail(articleId), predicate: (q) => q.queryKey[2] !== "stamp" });
  }, [stamp, queryClient, articleId]);
}
