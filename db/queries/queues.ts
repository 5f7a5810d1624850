import "server-only";
import { and, desc, eq, inArray, ne, notInArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { can, type Role } from "@/lib/permissions";
import type { QueueItem, QueueName } from "@/lib/queues";
import { getDatabase } from "../client";

/** Upper bound per queue: a desk works through dozens, not thousands; filters narrow it further. */
const LIMIT = 300;

type Viewer = { id: string; role: Role };

/**
 * The items of each desk queue for one person:
 * - mine: unfinished articles and claims assigned to them;
 * - awaiting: (editors) proposed verdicts by someone else they have not approved yet;
 * - changes: claims sent back with changes requested;
 * - published: live fact-checks, newest first.
 */
export async function getQueues(viewer: Viewer): Promise<Record<QueueName, QueueItem[]>> {
  const { db, t } = await getDatabase();
  const assignee = alias(t.users, "assignee");

  const claimSelect = {
    id: t.claims.id,
    articleId: t.claims.articleId,
    articleTitle: t.articles.title,
    title: t.claims.statement,
    status: t.claims.status,
    assigneeId: t.claims.assigneeId,
    assigneeName: assignee.name,
    updatedAt: t.claims.updatedAt,
  };
  const claimsWhere = (where: ReturnType<typeof and>) =>
    db
      .select(claimSelect)
      .from(t.claims)
      .innerJoin(t.articles, eq(t.articles.id, t.claims.articleId))
      .leftJoin(assignee, eq(assignee.id, t.claims.assigneeId))
      .where(where)
      .orderBy(desc(t.claims.updatedAt))
      .limit(LIMIT);
  const asClaims = (rows: Awaited<ReturnType<typeof claimsWhere>>): QueueItem[] => rows.map((r) => ({ kind: "claim", ...r }));

  const myClaims = await claimsWhere(and(eq(t.claims.assigneeId, viewer.id), notInArray(t.claims.status, ["approved", "excluded"])));
  const myArticles = await db
    .select({ id: t.articles.id, title: t.articles.title, status: t.articles.status, assigneeId: t.articles.assigneeId, assigneeName: assignee.name, updatedAt: t.articles.updatedAt })
    .from(t.articles)
    .leftJoin(assignee, eq(assignee.id, t.articles.assigneeId))
    .where(and(eq(t.articles.assigneeId, viewer.id), ne(t.articles.status, "published")))
    .orderBy(desc(t.articles.updatedAt))
    .limit(LIMIT);
  const mine: QueueItem[] = [...myArticles.map((a) => ({ kind: "article" as const, articleId: a.id, articleTitle: a.title, ...a })), ...asClaims(myClaims)];

  let awaiting: QueueItem[] = [];
  if (can(viewer.role, "review:verdict")) {
    const proposed = await db
      .select({ ...claimSelect, verdictId: t.verdicts.id, authorId: t.verdicts.authorId })
      .from(t.claims)
      .innerJoin(t.articles, eq(t.articles.id, t.claims.articleId))
      .innerJoin(t.verdicts, eq(t.verdicts.id, t.claims.currentVerdictId))
      .leftJoin(assignee, eq(assignee.id, t.claims.assigneeId))
      .where(and(eq(t.claims.status, "verdict_proposed"), ne(t.verdicts.authorId, viewer.id)))
      .orderBy(desc(t.claims.updatedAt))
      .limit(LIMIT);
    const ids = proposed.map((p) => p.verdictId);
    const done = ids.length
      ? await db.select({ verdictId: t.reviews.verdictId }).from(t.reviews).where(and(inArray(t.reviews.verdictId, ids), eq(t.reviews.editorId, viewer.id)))
      : [];
    const reviewed = new Set(done.map((d) => d.verdictId));
    awaiting = proposed.filter((p) => !reviewed.has(p.verdictId)).map(({ verdictId: _v, authorId: _a, ...r }) => ({ kind: "claim", ...r }));
  }

  const changes = asClaims(await claimsWhere(and(eq(t.claims.status, "changes_requested"))));

  const live = await db
    .select({ id: t.articles.id, title: t.articles.title, assigneeId: t.articles.assigneeId, assigneeName: assignee.name, updatedAt: t.publications.updatedAt })
    .from(t.publications)
    .innerJoin(t.articles, eq(t.articles.id, t.publications.articleId))
    .leftJoin(assignee, eq(assignee.id, t.articles.assigneeId))
    .where(eq(t.publications.live, true))
    .orderBy(desc(t.publications.updatedAt))
    .limit(50);
  const published: QueueItem[] = live.map((p) => ({ kind: "article", articleId: p.id, articleTitle: p.title, status: "published", ...p }));

  return { mine, awaiting, changes, published };
}
