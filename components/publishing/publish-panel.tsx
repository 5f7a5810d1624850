"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { unpublishArticleAction } from "@/app/(desk)/articles/[id]/publishing-actions";
import { RatingOptions } from "@/components/ui/rating-options";
import { RequiredMark } from "@/components/ui/required-mark";

export type PublishPanelProps = {
  articleId: string;
  canPublish: boolean;
  /** Why publishing is not possible yet (from lib/workflow publishBlocker), or null. */
  blocker: string | null;
  /** The live publication, if any: its slug and the version an unpublish must match. */
  published: { slug: string; version: number } | null;
  /** The rating scale, for the headline verdict. */
  ratings: { id: string; label: string }[];
};

/** Publishing lives beside the claims: an editor sees at once what still blocks it, then previews and confirms. */
export function PublishPanel({ articleId, canPublish, blocker, published, ratings }: PublishPanelProps) {
  const router = useRouter();
  const [summary, setSummary] = useState("");
  const [headlineRatingId, setHeadlineRatingId] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  /** Publishing goes through a preview of the public page (articles/[id]/publish), where the editor confirms. */
  const preview = () => {
    if (!headlineRatingId) return setError("Choose the verdict for the article as a whole.");
    if (!summary.trim()) return setError("Write a short summary for readers.");
    setError(null);
    router.push(`/articles/${articleId}/publish?${new URLSearchParams({ headline: headlineRatingId, summary: summary.trim() })}`);
  };

  const run = (call: () => ReturnType<typeof unpublishArticleAction>) =>
    startTransition(async () => {
      setError(null);
      const result = await call().catch(() => ({ ok: false as const, error: "Factdesk could not be reached. Check your connection and try again." }));
      if (!result.ok) return setError(result.error);
      router.refresh();
    });

  const errorBox = error && (
    <div className="alert error" role="alert" data-testid="form-error">
      {error}
    </div>
  );

  if (published) {
    return (
      <section className="card small" aria-labelledby="publish-heading">
        <h2 id="publish-heading" style={{ fontSize: "1rem" }}>
          Published
        </h2>
        <p>
          Readers see it at <Link href={`/fact-checks/${published.slug}`}>/fact-checks/{published.slug}</Link>. Any change to a verdict now needs a
          correction note, shown to readers once approved.
        </p>
        {errorBox}
        {canPublish && (
          <button
            type="button"
            className="button secondary small"
            disabled={pending}
            onClick={() => run(() => unpublishArticleAction({ articleId, version: published.version }))}
          >
            {pending ? "Unpublishing…" : "Unpublish"}
          </button>
        )}
      </section>
    );
  }

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
            <label htmlFor="publish-headline">
              Headline verdict <RequiredMark />
            </label>
            <select id="publish-headline" aria-required="true" value={headlineRatingId} onChange={(e) => setHeadlineRatingId(e.target.value)}>
              <option value="">Choose the verdict for the whole article…</option>
              <RatingOptions ratings={ratings} />
            </select>
          </div>
          <div className="field">
            <label htmlFor="publish-summary">
              Summary <RequiredMark />
            </label>
            <textarea id="publish-summary" aria-required="true" rows={3} maxLength={1000} value={summary} onChange={(e) => setSummary(e.target.value)} />
          </div>
          {errorBox}
          <p className="small muted">Next you see the public page as readers will get it, and confirm.</p>
          <button type="button" className="button" onClick={preview}>
            Preview and publish…
          </button>
        </>
      )}
    </section>
  );
}
