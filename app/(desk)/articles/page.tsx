import type { Metadata } from "next";
import Link from "next/link";
import { listArticles } from "@/db/queries/articles";
import { StatusBadge } from "@/components/ui/badges";
import { formatDateTime } from "@/components/ui/format";
import { Forbidden } from "@/components/desk/forbidden";
import { requirePageUser } from "@/server/session";
import { ARTICLE_STATUSES, isArticleStatus, STATUS_LABELS } from "@/lib/workflow";

export const metadata: Metadata = { title: "Articles" };

export default async function ArticlesPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const { allowed } = await requirePageUser("read:desk", "/articles");
  if (!allowed) return <Forbidden what="The desk is for reviewers, editors and admins." />;
  const { status: raw } = await searchParams;
  const status = isArticleStatus(raw) ? raw : undefined;
  const articles = await listArticles({ status });
  return (
    <main id="main" className="page">
      <div className="page-header">
        <h1>Articles</h1>
        <Link className="button" href="/articles/new">
          Import an article
        </Link>
      </div>
      <nav className="row small" aria-label="Filter by status" style={{ marginBottom: "1rem" }}>
        <Link href="/articles" aria-current={!status ? "page" : undefined}>
          All
        </Link>
        {ARTICLE_STATUSES.map((s) => (
          <Link key={s} href={`/articles?status=${s}`} aria-current={status === s ? "page" : undefined}>
            {STATUS_LABELS[s]}
          </Link>
        ))}
      </nav>
      {articles.length === 0 ? (
        <div className="card empty">
          <p>No articles {status ? `with status “${STATUS_LABELS[status]}”` : "yet"}.</p>
          <Link href="/articles/new">Import the first one</Link>
        </div>
      ) : (
        <table className="data">
          <caption className="visually-hidden">Articles{status ? `, ${STATUS_LABELS[status]}` : ""}</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Publisher</th>
              <th scope="col">Claims</th>
              <th scope="col">Status</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link href={`/articles/${a.id}`}>{a.title}</Link>
                </td>
                <td>{a.publisher ?? <span className="muted">—</span>}</td>
                <td>{a.claimCount}</td>
                <td>
                  <StatusBadge status={a.status} />
                </td>
                <td className="small muted">{formatDateTime(a.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
