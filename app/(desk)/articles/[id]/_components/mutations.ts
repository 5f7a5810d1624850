"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { startTransition, useCallback } from "react";
import {
  addClaim,
  carryClientKeys,
  optimisticClaim,
  patchClaim,
  removeClaim,
  replaceClaim,
  workspaceKeys,
} from "@/components/annotation/queries";
import type { WorkspaceClaim, WorkspaceData } from "@/components/annotation/types";
import type { ProposeVerdictInput } from "@/lib/validation/verdict";
import type { TextAnchor } from "@/lib/anchoring/anchor";
import { unwrap } from "@/lib/action-result";
import { pickClaimant, type Claimant } from "@/lib/claimant";
import { submitOnce } from "@/lib/submission-key";
import {
  createClaimAction,
  getWorkspaceAction,
  proposeVerdictAction,
  setClaimExclusionAction,
  updateClaimAction,
} from "../actions";

export function useWorkspace(initialData: WorkspaceData) {
  const articleId = initialData.article.id;
  const queryClient = useQueryClient();
  const key = workspaceKeys.detail(articleId);
  return useQuery({
    queryKey: key,
    queryFn: async () => carryClientKeys(queryClient.getQueryData<WorkspaceData>(key), await unwrap(getWorkspaceAction({ articleId }))),
    initialData,
  });
}

/**
 * After a write: refetch the workspace (unless another write to it is still
 * in flight; the last one refetches, so optimistic rows do not flicker) and
 * refresh the server-rendered parts of the page (the publish panel slot).
 */
function useSettle(articleId: string) {
  const queryClient = useQueryClient();
  const router = useRouter();
  return useCallback(async () => {
    if (queryClient.isMutating({ mutationKey: workspaceKeys.mutations(articleId) }) > 1) return;
    startTransition(() => router.refresh());
    await queryClient.invalidateQueries({ queryKey: workspaceKeys.detail(articleId) });
  }, [queryClient, router, articleId]);
}

export type CreateClaimVariables = { tempId: string; anchor: TextAnchor; statement: string; versionId: string };

/**
 * Creates a claim optimistically: it is listed and highlighted at once, and removed again if the server refuses.
 * Saving the same selection and statement again after a failure reuses the first attempt's idempotency key.
 */
export function useCreateClaim(articleId: string) {
  const queryClient = useQueryClient();
  const settle = useSettle(articleId);
  const key = workspaceKeys.detail(articleId);
  return useMutation({
    mutationKey: workspaceKeys.mutations(articleId),
    mutationFn: (v: CreateClaimVariables) =>
      unwrap(
        submitOnce(
          "claim",
          { articleId, versionId: v.versionId, start: v.anchor.start, end: v.anchor.end, exact: v.anchor.exact, statement: v.statement },
          createClaimAction,
        ),
      ),
    onMutate: async (v) => {
      await queryClient.cancelQueries({ queryKey: key });
      queryClient.setQueryData<WorkspaceData>(key, (data) =>
        data ? addClaim(data, optimisticClaim({ tempId: v.tempId, data, anchor: v.anchor, statement: v.statement })) : data,
      );
    },
    onError: (_error, v) => {
      queryClient.setQueryData<WorkspaceData>(key, (data) => (data ? removeClaim(data, v.tempId) : data));
    },
    onSuccess: (claim, v) => {
      queryClient.setQueryData<WorkspaceData>(key, (data) => (data ? replaceClaim(data, v.tempId, { ...claim, clientKey: v.tempId }) : data));
    },
    onSettled: settle,
  });
}

export type ClaimEdit = { claim: WorkspaceClaim; statement?: string; claimant?: Claimant; correctionNote?: string | null };

/** Edits a claim's restatement and/or claimant; shown at once, restored if the server refuses (e.g. a stale version). */
export function useUpdateClaim(articleId: string) {
  const queryClient = useQueryClient();
  const settle = useSettle(articleId);
  const key = workspaceKeys.detail(articleId);
  return useMutation({
    mutationKey: workspaceKeys.mutations(articleId),
    mutationFn: (v: ClaimEdit) =>
      unwrap(updateClaimAction({ claimId: v.claim.id, version: v.claim.version, statement: v.statement, claimant: v.claimant, correctionNote: v.correctionNote })),
    onMutate: async (v) => {
      await queryClient.cancelQueries({ queryKey: key });
      const patch = { ...(v.statement !== undefined ? { statement: v.statement.trim() } : {}), ...(v.claimant ?? {}) };
      queryClient.setQueryData<WorkspaceData>(key, (data) => (data ? patchClaim(data, v.claim.id, patch) : data));
    },
    onError: (_error, v) => {
      queryClient.setQueryData<WorkspaceData>(key, (data) => (data ? patchClaim(data, v.claim.id, { statement: v.claim.statement, ...pickClaimant(v.claim) }) : data));
    },
    onSuccess: (updated, v) => {
      queryClient.setQueryData<WorkspaceData>(key, (data) => (data ? patchClaim(data, v.claim.id, { ...updated }) : data));
    },
    onSettled: settle,
  });
}

/** Excludes a claim with a reason, or includes it again. */
export function useSetExclusion(articleId: string) {
  const queryClient = useQueryClient();
  const settle = useSettle(articleId);
  const key = workspaceKeys.detail(articleId);
  return useMutation({
    mutationKey: workspaceKeys.mutations(articleId),
    mutationFn: (v: { claim: WorkspaceClaim; reason: string | null; correctionNote?: string | null }) =>
      unwrap(
        v.reason === null
          ? setClaimExclusionAction({ claimId: v.claim.id, version: v.claim.version, excluded: false, correctionNote: v.correctionNote })
          : setClaimExclusionAction({ claimId: v.claim.id, version: v.claim.version, excluded: true, reason: v.reason, correctionNote: v.correctionNote }),
      ),
    onSuccess: (updated, v) => {
      queryClient.setQueryData<WorkspaceData>(key, (data) => (data ? patchClaim(data, v.claim.id, { ...updated }) : data));
    },
    onSettled: settle,
  });
}

/** Submits a verdict revision for approval; submitting the same form again after a failure reuses its idempotency key. */
export function useProposeVerdict(articleId: string) {
  const settle = useSettle(articleId);
  return useMutation({
    mutationKey: workspaceKeys.mutations(articleId),
    mutationFn: (input: ProposeVerdictInput) => unwrap(submitOnce("verdict", input, proposeVerdictAction)),
    onSettled: settle,
  });
}

/** Refetches the workspace now (e.g. after a "changed by someone else" refusal). */
export function useReloadWorkspace(articleId: string) {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: workspaceKeys.detail(articleId) }), [queryClient, articleId]);
}
