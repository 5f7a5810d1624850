"use client";
import { useState } from "react";
import type { WorkspaceClaim } from "@/components/annotation/types";
import { useUpdateClaim } from "./mutations";
import { MAX_STATEMENT } from "@/lib/validation/claim";
import { ConflictDialog, type ConflictChoice } from "../../../../../components/desk/conflict-dialog";

/**
 * Resolves a refused statement edit. `sentVersion` is the claim version the
 * refused save carried: until the workspace has reloaded past it, their
 * version is not known yet.
 */
export function StatementConflict({ articleId, claim, sentVersion, mine, onDone }: { articleId: string; claim: WorkspaceClaim; sentVersion: number; mine: string; onDone: () => void }) {
  const update = useUpdateClaim(articleId);
  const [error, setError] = useState<string | null>(null);
  const loaded = claim.version !== sentVersion;

  const choose = (choice: ConflictChoice) => {
    if (choice.kind === "theirs") return onDone();
    const statement = (choice.kind === "mine" ? mine : choice.text).trim();
    if (statement === claim.statement) return onDone();
    update.mutateAsync({ claim, statement }).then(onDone, (e: unknown) => setError(e instanceof Error ? e.message : "The statement was not saved."));
  };

  return (
    <ConflictDialog what="statement" theirs={loaded ? claim.statement : null} mine={mine} maxLength={MAX_STATEMENT} busy={update.isPending} error={error} onChoose={choose} />
  );
}
