/**
 * TanStack Query keys and cache helpers for the reviewer's workspace. Every
 * component that reads or changes a workspace goes through these, so an
 * invalidation or an optimistic update always hits the same cache entry.
 */
import type { TextAnchor } from "@/lib/anchoring/anchor";
import type { WorkspaceClaim, WorkspaceData } from "./types";
import { claimantFromArticle } from "@/lib/claimant";

export const workspaceKeys = {
  all: ["workspace"] as const,
  /** The whole workspace of one article (article, snapshot, claims with verdicts and reviews). */
  detail: (articleId: string) => ["workspace", articleId] as const,
  /** Mutation key shared by every write to one workspace, so a refetch can wait until the last write settles. */
  mutations: (articleId: string) => ["workspace", articleId, "mutation"] as const,
};

/** Claims in reading order: by start, then the longer (outer) one first. */
export function claimsInTextOrder<T extends { start: number; end: number }>(claims: T[]): T[] {
  return [...claims].sort((a, b) => a.start - b.start || b.end - a.end);
}

export function addClaim(data: WorkspaceData, claim: WorkspaceClaim): WorkspaceData {
  return { ...data, claims: claimsInTextOrder([...data.claims, claim]) };
}

export function removeClaim(data: WorkspaceData, id: string): WorkspaceData {
  return { ...data, claims: data.claims.filter((c) => c.id !== id) };
}

export function replaceClaim(data: WorkspaceData, id: string, claim: WorkspaceClaim): WorkspaceData {
  return { ...data, claims: claimsInTextOrder(data.claims.map((c) => (c.id === id ? claim : c))) };
}

/** A stable React key for a claim: its creation-time temporary id if it had one, else its id. */
export function claimKey(claim: WorkspaceClaim): string {
  return claim.clientKey ?? claim.id;
}

/** Copies `clientKey`s from the cached workspace onto freshly fetched data (the server knows nothing of them). */
export function carryClientKeys(previous: WorkspaceData | undefined, next: WorkspaceData): WorkspaceData {
  const keys = new Map<string, string>();
  for (const c of (previous?.claims ?? []) as WorkspaceClaim[]) if (c.clientKey && !c.pending) keys.set(c.id, c.clientKey);
  if (keys.size === 0) return next;
  return { ...next, claims: next.claims.map((c) => (keys.has(c.id) ? { ...c, clientKey: keys.get(c.id) } : c)) };
}

export function patchClaim(data: WorkspaceData, id: string, patch: Partial<WorkspaceClaim>): WorkspaceData {
  return { ...data, claims: data.claims.map((c) => (c.id === id ? { ...c, ...patch } : c)) };
}

/**
 * The claim shown while the server is still saving it. Fields the server
 * fills in (ids, audit columns) get placeholders; the refetch that follows
 * replaces the whole object.
 */
export function optimisticClaim(input: {
  tempId: string;
  data: WorkspaceData;
  anchor: TextAnchor;
  statement: string;
}): WorkspaceClaim {
  const now = new Date().toISOString();
  return {
    id: input.tempId,
    articleId: input.data.article.id,
    versionId: input.data.snapshot.id,
    exact: input.anchor.exact,
    prefix: input.anchor.prefix,
    suffix: input.anchor.suffix,
    start: input.anchor.start,
    end: input.anchor.end,
    anchorStatus: "anchored",
    anchorScore: 1,
    statement: input.statement.trim(),
    status: "open",
    exclusionReason: null,
    currentVerdictId: null,
    approvedVerdictId: null,
    publishedVerdictId: null,
    // The number the server will most likely give it (the next in creation order); its answer replaces it.
    number: Math.max(0, ...input.data.claims.map((c) => c.number)) + 1,
    ...claimantFromArticle(input.data.article),
    createdBy: "",
    createdAt: now,
    updatedAt: now,
    version: 1,
    assigneeId: null,
    verdict: null,
    reviews: [],
    pending: true,
    clientKey: input.tempId,
  };
}

