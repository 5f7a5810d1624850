import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { headers } from "next/headers";
import { z } from "zod";
import { getPublishPreview } from "@/db/queries/publish-preview";
import { claimReviewFor } from "@/components/public/claim-reviews";
import { FactCheckView } from "@/components/public/fact-check-view";
import { Forbidden } from "@/components/desk/forbidden";
import { PublishConfirmation } from "@/components/publishing/publish-confirmation";
import { ClaimReviewSummary } from "@/components/publishing/claim-review-summary";
import { isAppError } from "@/lib/errors";
import { requirePageUser } from "@/server/session";
import styles from "@/components/publishing/publishing.module.css";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// A preview shows unpublished revisions: never indexed (and, being a signed-in desk page, never cached: the
// proxy answers every request with a session `Cache-Control: private, no-store`).
export const metadata: Metadata = { title: "Preview before publishing", robots: { index: false, follow: false, nocache: true } };

const previewInput = z.object({
  summary: z.string().trim().min(1, "Write a short summary for readers.").max(1000, "Keep the summary under 1,000 characters."),
  headline: z.string().min(1, "Choose the verdict for the article as a whole.").max(64),
});

/**
 * Step two of publishing: the public page exactly as readers will get it (the same components as
 * /fact-checks/<slug>), with the ClaimReview search engines will read, and the editor's confirmation.
 * Nothing is published until "Publish now" is pressed here.
 */
export default async function PublishPreviewPage({ params, searchParams }: Props) {
  const { id } = await params;
  const query = await searchParams;
  const back = `/articles/${id}#publish-panel`;
  const { allowed } = await requirePageUser("publish:article", `/articles/${id}/publish`);
  if (!allowed) return <Forbidden what="Only editors can publish fact-checks." />;
  const input = previewInput.safeParse({ summary: query.summary, headline: query.headline });
  if (!input.success) return <Problem text={input.error.issues[0]!.message} back={back} />;

  let preview;
  try {
    preview = await getPublishPreview({ articleId: id, summary: input.data.summary, headlineRatingId: input.data.headline });
  } catch (error) {
    if (isAppError(error) && error.kind === "not_found") notFound();
    throw error;
  }
  if (!preview.factCheck) return <Problem text={preview.blocker} back={back} />;
  const { factCheck } = preview;
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const banner = (
    <section className={styles.previewBanner} aria-labelledby="preview-heading" data-testid="publish-preview">
      <h2 id="preview-heading" className={styles.previewHeading}>
        Preview: not published yet
      </h2>
      <p>
        Below is the public page exactly as readers will see it at <code>/fact-checks/{factCheck.publication.slug}</code>
        {preview.exactSlug ? "" : " (or a numbered variant if that address is taken by then)"}, with {factCheck.claims.length} claim
        {factCheck.claims.length === 1 ? "" : "s"}. Publishing makes it public at once, in the feed, the sitemap and the JSON API.
      </p>
      <ClaimReviewSummary reviews={factCheck.claims.map((c) => claimReviewFor(factCheck, c))} />
      <PublishConfirmation articleId={id} summary={input.data.summary} headlineRatingId={input.data.headline} back={back} />
    </section>
  );
  return <FactCheckView factCheck={factCheck} nonce={nonce} before={banner} />;
}

function Problem({ text, back }: { text: string; back: string }) {
  return (
    <main id="main" className="page-narrow">
      <h1>Cannot preview this fact-check</h1>
      <p className="alert warn">{text}</p>
      <Link href={back}>Back to the article</Link>
    </main>
  );
}
