"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { workspaceKeys } from "@/components/annotation/queries";
import type { WorkspaceData } from "@/components/annotation/types";
import { unwrap } from "@/lib/action-result";
import { MODEL_VERSION } from "@/lib/check-worthy";
import { dismissSuggestionAction } from "../workspace-actions";

/** Dismisses a suggestion: hidden at once, back again if the server refuses. */
export function useDismissSuggestion(articleId: string) {
  const queryClient = useQueryClient();
  const key = workspaceKeys.detail(articleId);
  return useMutation({
    mutationKey: workspaceKeys.mutations(articleId),
    mutationFn: (v: { versionId: string; start: number; end: number }) => unwrap(dismissSuggestionAction({ articleId, ...v })),
    onMutate: async (v) => {
      await queryClient.cancelQueries({ queryKey: key });
      const placeholder = { id: `pending-${v.start}-${v.end}`, articleId, versionId: v.versionId, start: v.start, end: v.end, modelVersion: MODEL_VERSION, createdBy: "", createdAt: new Date().toISOString() };
      queryClient.setQueryData<WorkspaceData>(key, (data) => (data ? { ...data, dismissedSuggestions: [...data.dismissedSuggestions, placeholder] } : data));
      return { placeholder };
    },
    onError: (_e, _v, context) => {
      queryClient.setQueryData<WorkspaceData>(key, (data) =>
        data ? { ...data, dismissedSuggestions: data.dismissedSuggestions.filter((d) => d.id !== context?.placeholder.id) } : data,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
