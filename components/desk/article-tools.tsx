"use client";
import Link from "next/link";
import { AssigneePicker } from "./assignee-picker";
import { CommentThread } from "./comment-thread";
import styles from "./desk.module.css";

/** The article's team tools in the workspace sidebar: assignment, its audit log, and its discussion. */
export function ArticleTools({ articleId, assigneeId, canWrite }: { articleId: string; assigneeId: string | null; canWrite: boolean }) {
  return (
    <section className={styles.toolbox} aria-label="Article assignment and discussion">
      {canWrite && <AssigneePicker kind="article" id={articleId} assigneeId={assigneeId} />}
      <div className={styles.toolboxLinks}>
        <Link href={`/articles/${articleId}/audit`}>Audit log for this article</Link>
      </div>
      <details>
        <summary>Article discussion</summary>
        <CommentThread articleId={articleId} claimId={null} canWrite={canWrite} label="Comments on this article" />
      </details>
    </section>
  );
}
