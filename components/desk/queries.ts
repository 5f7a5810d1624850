"use client";
import { useQuery } from "@tanstack/react-query";
import { listDeskPeopleAction } from "@/app/(desk)/articles/[id]/collaboration-actions";
import type { ActionResult } from "@/server/action";

/** Query keys for the desk's collaboration features (comments, history, people). */
export const deskKeys = {
  people: () => ["desk", "people"] as const,
  comments: (articleId: string, claimId: string | null) => ["desk", "comments", articleId, claimId ?? "article"] as const,
  history: (claimId: string, verdictId: string | null) => ["desk", "history", claimId, verdictId] as const,
};

/** Unwraps an action result for TanStack Query: a refusal becomes a thrown Error with the server's message. */
export async function unwrapAction<T>(pending: Promise<ActionResult<T>>): Promise<T> {
  let result: ActionResult<T>;
  try {
    result = await pending;
  } catch {
    throw Object.assign(new Error("Factdesk could not be reached. Check your connection and try again."), { code: "network" });
  }
  if (!result.ok) throw Object.assign(new Error(result.error), { code: result.code });
  return result.data;
}

/** Active people (for assignment and @mentions) and who is asking; changes rarely, so cached for a while. */
export function useDeskPeople() {
  return useQuery({ queryKey: deskKeys.people(), queryFn: () => unwrapAction(listDeskPeopleAction({})), staleTime: 5 * 60_000 });
}
