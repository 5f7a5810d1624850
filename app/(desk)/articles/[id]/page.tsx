import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getArticleById } from "@/db/queries/articles";
import { getWorkspace, type Workspace } from "@/db/queries/claim-details";
import { listRatings } from "@/db/queries/ratings";
import { Forbidden } from "@/components/desk/forbidden";
import { ArticleTools } from "@/components/desk/article-tools";
import { isAppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { getCurrentUser, requirePageUser } from "@/server/session";
import { WorkspaceClient } from "./client";
import { serialize } from "./serialize";

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const user = await getCurrentUser();
  // Draft titles are desk data: only people who may read the desk see them, even in <title>.
  const article = user && can(user.role, "read:desk") ? await getArticleById({ id }) : null;
  return { title: article?.title ?? "Article" };
}

/** The reviewer's workspace for one article: text with highlights, claims, verdicts. */
export default async function ArticleWorkspacePage({ params }: Params) {
  const { id } = await params;
  const { user, allowed } = await requirePageUser("read:desk", `/articles/${id}`);
  if (!allowed) return <Forbidden what="The desk is for reviewers, editors and admins." />;

  let workspace: Workspace;
  try {
    workspace = await getWorkspace({ articleId: id });
  } catch (error) {
    if (isAppError(error) && error.kind === "not_found") notFound();
    throw error;
  }
  // Hidden labels are not offered for new verdicts; a claim whose verdict has one still sees it.
  const used = new Set(workspace.claims.map((c) => c.verdict?.ratingId));
  const ratings = (await listRatings()).filter((r) => !r.hidden || used.has(r.id));

  return (
    <WorkspaceClient
      initialData={serialize(workspace)}
      ratings={serialize(ratings)}
      canWrite={can(user.role, "write:desk")}
      // The publish panel is drawn by the client from the cached claims, so what blocks publishing follows every
      // write without re-rendering this page.
      canPublish={can(user.role, "publish:article")}
      tools={<ArticleTools articleId={id} assigneeId={workspace.article.assigneeId} canWrite={can(user.role, "write:desk")} />}
    />
  );
}
