import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getArticleById, getArticleVersion } from "@/db/queries/articles";
import { Forbidden } from "@/components/desk/forbidden";
import { NewVersionWizard } from "@/components/import/new-version-wizard";
import { requirePageUser } from "@/server/session";

export const metadata: Metadata = { title: "New version" };

type Params = { params: Promise<{ id: string }> };

/** "Refresh from source" / "Upload new version" for one article. */
export default async function NewVersionPage({ params }: Params) {
  const { id } = await params;
  const { allowed } = await requirePageUser("write:desk", `/articles/${id}/versions/new`);
  if (!allowed) return <Forbidden what="Only reviewers, editors and admins can import new versions." />;
  const article = await getArticleById({ id });
  if (!article?.currentVersionId) notFound();
  const current = await getArticleVersion({ id: article.currentVersionId });
  return (
    <main id="main" className="page-narrow">
      <nav aria-label="Breadcrumb" className="small">
        <Link href="/articles">Articles</Link> / <Link href={`/articles/${id}`}>{article.title}</Link> / <span aria-current="page">New version</span>
      </nav>
      <h1>New version</h1>
      <p className="muted">
        The current text is snapshot {current?.number}. Refresh it from its web address, or upload or paste the changed article. Every claim
        is then looked up again in the new text; nothing moves without you seeing it.
      </p>
      <NewVersionWizard articleId={id} basedOnVersionId={article.currentVersionId} sourceUrl={article.sourceUrl} title={article.title} />
    </main>
  );
}
