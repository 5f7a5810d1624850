"use client";
import type { WorkspaceClaim } from "@/components/annotation/types";
import { AssigneePicker } from "./assignee-picker";
import { CommentThread } from "./comment-thread";
import { VerdictHistory } from "./verdict-history";
import styles from "./desk.module.css";

/** The team side of a claim: who works on it, how its verdict evolved, and its discussion. */
export function ClaimCollaboration({ articleId, claim, canWrite, onChanged }: { articleId: string; claim: WorkspaceClaim; canWrite: boolean; onChanged: () => void }) {
  if (claim.pending) return null;
  return (
    <div className={styles.collaboration}>
      {canWrite && <AssigneePicker kind="claim" id={claim.id} assigneeId={claim.assigneeId} onChanged={onChanged} />}
      <VerdictHistory claimId={claim.id} currentVerdictId={claim.currentVerdictId} />
      <CommentThread articleId={articleId} claimId={claim.id} canWrite={canWrite} label="Comments on this claim" />
    </div>
  );
}
