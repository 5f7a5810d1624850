"use client";
import { useQuery } from "@tanstack/react-query";
import { listDeskPeopleAction } from "@/app/(desk)/articles/[id]/collaboration-actions";
import { unwrap } from "@/lib/action-result";

/** Query keys for the desk's collaboration features (comments, history, people). */
export const deskKeys = {
  people: () => ["desk", "people"] as const,
  comments: (articleId: string, claimId: string | null) => ["desk", "comments", articleId, claimId ?? "article"] as const,
  history: (claimId: string, verdictId: string | null) => ["desk", "history", claimId, verdictId] as const,
};

/** Active people (for assignment and @mentions) and who is asking; changes rarely, so cached for a while. */
export function useDeskPeople() {
  return useQuery({ queryKey: deskKeys.people(), queryFn: () => unwrap(listDeskPeopleAction({})), staleTime: 5 * 60_000 });
}
