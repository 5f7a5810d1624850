"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
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
import { useUndoToast } from "./toast";

export function useWorkspace(initialData: WorkspaceData) {
  const articleId = initialData.article.id;
  const queryClient = useQueryClient();
  const key = workspaceKeys.detail(articleId);
  return useQuery({
    queryKey: key,
    queryFn: async () => carryClientKeys(queryClient.getQueryData<WorkspaceData>(key), await unwrap(getWorkspaceAction({ articleId }))),
    initialData,
    // While a source is being archived, look again every few seconds so its quote check shows up without a reload.
    refetchInterval: (query) => (archivingPending(query.state.data) ? ARCHIVE_POLL_MS : false),
  });
}

const ARCHIVE_POLL_MS = 3000;

function archivingPending(data: WorkspaceData | undefined): boolean {
  return Boolean(data?.claims.some((c) => c.verdict?.citations.some((x) => x.archive?.quoteStatus === "pending")));
}

export type CreateClaimVariables = { tempId: string; anchor: TextAnchor; statement: string; versionId: string };

/**
 * Creates a claim optimistically: it is listed and highlighted at once, and removed again if the server refuses.
 * Saving the same selection and statement again after a failure reuses the first attempt's idempotency key.
 */
export function useCreateClaim(articleId: string) {
  const queryClient = useQueryClient();
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
      // A refetch in flight would put the old list back when it is cancelled: cancel it first. Usually there is none,
      // and skipping the wait lets the highlight paint in the frame the dialog closes in.
      if (queryClient.isFetching({ queryKey: key, exact: true }) > 0) await queryClient.cancelQueries({ queryKey: key, exact: true });
      queryClient.setQueryData<WorkspaceData>(key, (data) =>
        data ? addClaim(data, optimisticClaim({ tempId: v.tempId, data, anchor: v.anchor, statement: v.statement })) : data,
      );
    },
    onError: (_error, v) => {
      queryClient.setQueryData<WorkspaceData>(key, (data) => (data ? removeClaim(data, v.tempId) : data));
    },
    // The server's answer is the saved claim: it replaces the optimistic one, with no refetch and no page re-render.
    onSuccess: (claim, v) => {
      queryClient.setQueryData<WorkspaceData>(key, (data) => (data ? replaceClaim(data, v.tempId, { ...claim, clientKey: v.tempId }) : data));
    },
  });
}

export type ClaimEdit = { claim: WorkspaceClaim; statement?: string; claimant?: Claimant; correctionNote?: string | null };

/** Edits a claim's restatement and/or claimant; shown at once, restored if the server refuses (e.g. a stale version). */
export function useUpdateClaim(articleId: string) {
  const queryClient = useQueryClient();
  const refetchAfterRefusal = useReloadWorkspace(articleId);
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
      void refetchAfterRefusal();
    },
    // The answer is the whole claim as it now stands (a new revision included): it replaces the cached one.
    onSuccess: (updated, v) => {
      queryClient.setQueryData<WorkspaceData>(key, (data) => (data ? patchClaim(data, v.claim.id, { ...updated }) : data));
    },
  });
}

/** Excludes a claim with a reason, or includes it again. */
export function useSetExclusion(articleId: string) {
  const queryClient = useQueryClient();
  const refetchAfterRefusal = useReloadWorkspace(articleId);
  const key = workspaceKeys.detail(articleId);
  return useMutation({
    mutationKey: workspaceKeys.mutations(articleId),
    mutationFn: (v: { claim: WorkspaceClaim; reason: string | null; correctionNote?: string | null }) =>
      unwrap(
        v.reason === null
          ? setClaimExclusionAction({ claimId: v.claim.id, version: v.claim.version, excluded: false, correctionNote: v.correctionNote })
          : setClaimExclusionAction({ claimId: v.claim.id, version: v.claim.version, excluded: true, reason: v.reason, correctionNote: v.correctionNote }),
      ),
    onError: () => void refetchAfterRefusal(),
    // The answer is the whole claim as it now stands (a new revision included): it replaces the cached one.
    onSuccess: (updated, v) => {
      queryClient.setQueryData<WorkspaceData>(key, (data) => (data ? patchClaim(data, v.claim.id, { ...updated }) : data));
    },
  });
}

/**
 * Excludes a claim behind an undo window (undo-window.ts): the claim shows as excluded at once, nothing is sent
 * until the window ends, and Undo puts it back as it was. A removal from a published page is only a proposal for
 * an editor, so it shows nothing new until it is sent. Written without useMutation: the panel that asked for the
 * exclusion is replaced by the exclusion notice straight away, and the send must not depend on it staying mounted.
 */
export function useExcludeWithUndo(articleId: string) {
  const queryClient = useQueryClient();
  const start = useUndoToast();
  const key = workspaceKeys.detail(articleId);
  return useCallback(
    (claim: WorkspaceClaim, reason: string, correctionNote: string | null) => {
      const proposal = correctionNote !== null;
      const restore = () => queryClient.setQueryData<WorkspaceData>(key, (data) => (data ? patchClaim(data, claim.id, { status: claim.status, exclusionReason: claim.exclusionReason }) : data));
      if (!proposal) queryClient.setQueryData<WorkspaceData>(key, (data) => (data ? patchClaim(data, claim.id, { status: "excluded", exclusionReason: reason }) : data));
      start({
        text: proposal ? `Submitting the removal of claim ${claim.number}` : `Excluding claim ${claim.number}`,
        undo: restore,
        commit: async () => {
          const result = await setClaimExclusionAction({ claimId: claim.id, version: claim.version, excluded: true, reason, correctionNote });
          if (!result.ok) {
            restore();
            void queryClient.invalidateQueries({ queryKey: key });
            return { ok: false, text: `Claim ${claim.number} was not excluded. ${result.error}` };
          }
          queryClient.setQueryData<WorkspaceData>(key, (data) => (data ? patchClaim(data, claim.id, { ...result.data }) : data));
          return { ok: true, text: proposal ? `Removal of claim ${claim.number} submitted: it stays on the public page until an editor approves it.` : `Claim ${claim.number} excluded from the fact-check.` };
        },
      });
    },
    [queryClient, key, start],
  );
}

/**
 * Submits a verdict revision for approval; submitting the same form again after a failure reuses its idempotency key.
 * The answer carries the claim with its new verdict, status and version, which replaces the cached one.
 */
export function useProposeVerdict(articleId: string) {
  const queryClient = useQueryClient();
  // A refusal (a stale version, most often) means the cache is behind the server: fetch what is there now.
  const refetchAfterRefusal = useReloadWorkspace(articleId);
  const key = workspaceKeys.detail(articleId);
  return useMutation({
    mutationKey: workspaceKeys.mutations(articleId),
    mutationFn: (input: ProposeVerdictInput) => unwrap(submitOnce("verdict", input, proposeVerdictAction)),
    onError: () => void refetchAfterRefusal(),
    onSuccess: ({ claim }) => {
      queryClient.setQueryData<WorkspaceData>(key, (data) => (data ? patchClaim(data, claim.id, { ...claim }) : data));
    },
  });
}

/** Refetches the workspace now (e.g. after a "changed by someone else" refusal). */
export function useReloadWorkspace(articleId: string) {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: workspaceKeys.detail(articleId) }), [queryClient, articleId]);
}
