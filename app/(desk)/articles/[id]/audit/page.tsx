import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuditLog } from "@/components/audit/audit-log";
import { parseAuditSearch } from "@/components/audit/parse";
import { Forbidden } from "@/components/desk/forbidden";
import { getArticleById } from "@/db/queries/articles";
import { listAuditActions, searchAuditEvents } from "@/db/queries/audit";
import { listUsers } from "@/db/queries/users";
import { requirePageUser } from "@/server/session";

export const metadata: Metadata = { title: "Article audit log" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One article's history: the article, its claims, verdicts, reviews, comments and publication. */
export default async function ArticleAuditPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { allowed } = await requirePageUser("read:desk", `/articles/${id}/audit`);
  if (!allowed) return <Forbidden what="The desk is for reviewers, editors and admins." />;
  const article = await getArticleById({ id });
  if (!article) notFound();
  const { search, filter } = parseAuditSearch(await searchParams);
  const [result, people, actions] = await Promise.all([searchAuditEvents({ ...filter, articleId: id }), listUsers(), listAuditActions()]);
  return (
    <main id="main" className="page">
      <p className="small">
        <Link href={`/articles/${id}`}>← Back to the article</Link>
      </p>
      <h1>Audit log: {article.title}</h1>
      <AuditLog basePath={`/articles/${id}/audit`} {...result} search={search} people={people} actions={actions} />
    </main>
  );
}
