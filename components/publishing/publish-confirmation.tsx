"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { publishArticleAction } from "@/app/(desk)/articles/[id]/publishing-actions";
import { submitOnce } from "@/lib/submission-key";
import styles from "./publishing.module.css";

/**
 * The editor's confirmation under the publish preview. Publishing is the one step readers see at once and
 * that cannot quietly be taken back (an unpublish is itself visible), so it is asked for here, with the page
 * in view, rather than on the first click in the workspace.
 */
export function PublishConfirmation({ articleId, summary, headlineRatingId, back }: { articleId: string; summary: string; headlineRatingId: string; back: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const ref = useRef<HTMLButtonElement>(null);
  // Arriving from the workspace's "Preview and publish": the keyboard lands on the decision, the page is below it.
  useEffect(() => ref.current?.focus({ preventScroll: true }), []);

  const publish = () =>
    startTransition(async () => {
      setError(null);
      const result = await submitOnce("publication", { articleId, summary, headlineRatingId }, publishArticleAction).catch(() => ({
        ok: false as const,
        error: "Factdesk could not be reached. Check your connection and try again.",
      }));
      if (!result.ok) return setError(result.error);
      router.push(`/articles/${articleId}#publish-panel`);
    });

  return (
    <div className={styles.confirm}>
      <button ref={ref} type="button" className="button" onClick={publish} disabled={pending} aria-busy={pending || undefined}>
        {pending ? "Publishing…" : "Publish now"}
      </button>
      <Link href={back} className="button secondary">
        Back to edit
      </Link>
      {error && (
        <p className="alert error" role="alert" data-testid="form-error">
          {error}
        </p>
      )}
    </div>
  );
}
