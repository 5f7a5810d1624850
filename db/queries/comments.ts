import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { parseMentions } from "@/lib/mentions";
import { getDatabase, type Db } from "../client";
import { recordAudit } from "./audit";
import { withIdempotency } from "./idempotency";
import { notify } from "./notifications";

type Tables = typeof import("../schema/pg");
export type Comment = Tables["comments"]["$inferSelect"];
export type CommentItem = Comment & { authorName: string };

export const MAX_COMMENT = 5000;

/**
 * Adds a comment to an article's thread, or to one claim's thread. @mentions
 * are resolved here against active users, and each person mentioned gets a
 * notification in the same transaction. With an `idempotencyKey`, a retry of
 * the same post returns the first comment and notifies no one again.
 */
export async function addComment(input: {
  articleId: string;
  claimId?: string | null;
  body: string;
  authorId: string;
  idempotencyKey?: string | null;
}): Promise<{ comment: Comment; mentioned: string[] }> {
  const body = input.body.trim();
  if (!body) throw new AppError("invalid:comment", "Write something first.", { fieldErrors: { body: ["Write something first."] } });
  if (body.length > MAX_COMMENT) throw new AppError("invalid:comment", `Keep comments to ${MAX_COMMENT.toLocaleString("en")} characters or fewer.`);
  const database = await getDatabase();
  const { t } = database;
  const create = async (tx: Db) => {
    const [article] = await tx.select({ id: t.articles.id, title: t.articles.title }).from(t.articles).where(eq(t.articles.id, input.articleId));
    if (!article) throw new AppError("not_found:article", "That article does not exist.");
    let statement: string | null = null;
    if (input.claimId) {
      const [claim] = await tx.select().from(t.claims).where(eq(t.claims.id, input.claimId));
      if (!claim || claim.articleId !== article.id) throw new AppError("not_found:claim", "That claim does not exist on this article.");
      statement = claim.statement;
    }
    const [comment] = await tx
      .insert(t.comments)
      .values({ id: newId(), articleId: article.id, claimId: input.claimId ?? null, authorId: input.authorId, body, createdAt: new Date() })
      .returning();
    const people = await tx.select({ id: t.users.id, name: t.users.name, email: t.users.email }).from(t.users).where(eq(t.users.active, true));
    const mentioned = parseMentions(body, people).filter((id) => id !== input.authorId);
    const author = people.find((p) => p.id === input.authorId)?.name ?? "Someone";
    await notify(tx, {
      userIds: mentioned,
      kind: "mention",
      actorId: input.authorId,
      articleId: article.id,
      claimId: input.claimId ?? null,
      message: `${author} mentioned you on ${statement ? `the claim “${statement}”` : `“${article.title}”`}: ${body.slice(0, 200)}`,
    });
    await recordAudit(tx, {
      actorId: input.authorId,
      action: "comment.create",
      // Filed under the thread's owner so the article's audit log lists it.
      entityType: input.claimId ? "claim" : "article",
      entityId: input.claimId ?? article.id,
      after: { commentId: comment!.id, body, mentioned },
    });
    return { comment: comment!, mentioned };
  };
  return database.transaction((tx) =>
    withIdempotency(tx, { key: input.idempotencyKey, userId: input.authorId, kind: "comment" }, {
      create: () => create(tx),
      idOf: (result) => result.comment.id,
      replay: async (id) => {
        const [comment] = await tx.select().from(t.comments).where(eq(t.comments.id, id));
        // The first post notified the people it mentioned; a replay notifies no one, so it reports no one.
        return { comment: comment!, mentioned: [] };
      },
    }),
  );
}

/** One thread, oldest first: the article's own (claimId null) or one claim's. */
export async function listComments({ articleId, claimId }: { articleId: string; claimId: string | null }): Promise<CommentItem[]> {
  const { db, t } = await getDatabase();
  const rows = await db
    .select({ comment: t.comments, authorName: t.users.name })
    .from(t.comments)
    .innerJoin(t.users, eq(t.users.id, t.comments.authorId))
    .where(and(eq(t.comments.articleId, articleId), claimId ? eq(t.comments.claimId, claimId) : isNull(t.comments.claimId)))
    .orderBy(asc(t.comments.createdAt), asc(t.comments.id));
  return rows.map((r) => ({ ...r.comment, authorName: r.authorName }));
}
