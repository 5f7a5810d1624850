"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { publishArticleAction } from "./actions";

export type PublishPanelProps = {
  articleId: string;
  canPublish: boolean;
  /** Why publishing is not possible yet (from lib/workflow publishBlocker), or null. */
  blocker: string | null;
  publishedSlug: string | null;
};

/** Publishing lives beside the claims: an editor sees at once what still blocks it. */
export function PublishPanel({ articleId, canPublish, blocker, publishedSlug }: PublishPanelProps) {
  const router = useRouter();
  const [summary, setSummary] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  if (publishedSlug) {
    return (
      <section className="card small" aria-labelledby="publish-heading">
        <h2 id="publish-heading" style={{ fontSize: "1rem" }}>
          Published
        </h2>
        <p style={{ margin: 0 }}>
          Readers see it at <Link href={`/fact-checks/${publishedSlug}`}>/fact-checks/{publishedSlug}</Link>.
        </p>
      </section>
    );
  }

  const publish = () =>
    startTransition(async () => {
      setError(null);
      const result = await publishArticleAction({ articleId, summary });
      if (!result.ok) return setError(result.error);
      router.refresh();
    });

  return (
    <section className="card small" aria-labelledby="publish-heading">
      <h2 id="publish-heading" style={{ fontSize: "1rem" }}>
        Publish
      </h2>
      {blocker ? (
        <p className="muted" style={{ margin: 0 }}>
          {blocker}
        </p>
      ) : !canPublish ? (
        <p className="muted" style={{ margin: 0 }}>
          Every claim is approved. An editor can now publish this fact-check.
        </p>
      ) : (
        <>
          <div className="field">
            <label htmlFor="publish-summary">Summary</label>
            <textarea id="publish-summary" rows={3} maxLength={1000} value={summary} onChange={(e) => setSummary(e.target.value)} />
          </div>
          {error && (
            <div className="alert error" role="alert" data-testid="form-error">
              {error}
            </div>
          )}
          <button type="button" className="button" disabled={pending} onClick={publish}>
            {pending ? "Publishing…" : "Publish"}
          </button>
        </>
      )}
    </section>
  );
}
