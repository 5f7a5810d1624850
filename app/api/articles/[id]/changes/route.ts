import { getArticleChangeStamp } from "@/db/queries/article-changes";
import { getArticleByIdOrThrow } from "@/db/queries/articles";
import { articleIdParam, route } from "@/server/route";

export const dynamic = "force-dynamic";

/**
 * GET /api/articles/:id/changes — `{ stamp }`, a number that rises with every
 * change to the article's workspace (db/queries/article-changes.ts). The
 * workspace polls it and refetches only when it moved. A route handler, not a
 * server action: Next runs a client's server actions one at a time, so a
 * poll there would queue behind (and delay) the reviewer's own saves.
 */
export const GET = route(articleIdParam, { permission: "read:desk" }, async ({ id }) => {
  await getArticleByIdOrThrow({ id });
  const stamp = await getArticleChangeStamp({ articleId: id });
  return Response.json({ stamp }, { headers: { "cache-control": "private, no-store" } });
});
