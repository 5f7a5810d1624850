import "server-only";
import { and, count, eq, inArray, or } from "drizzle-orm";
import { getDatabase } from "../client";

/**
 * A number that grows whenever anything in an article's workspace changes:
 * the count of audit events on the article and its claims. Every state
 * change writes an audit event in its own transaction (DESIGN.md), and the
 * trail is append-only, so the count rises with each committed change —
 * claims, verdicts, reviews, exclusions, links, dismissed suggestions.
 * Derived from the database (not from one server's memory), it is the same
 * for every app instance sharing that database, which is what lets
 * reviewers on different instances see each other's work.
 */
export async function getArticleChangeStamp({ articleId }: { articleId: string }): Promise<number> {
  const { db, t } = await getDatabase();
  const claimIds = db.select({ id: t.claims.id }).from(t.claims).where(eq(t.claims.articleId, articleId));
  const [row] = await db
    .select({ n: count() })
    .from(t.auditEvents)
    .where(
      or(
        and(eq(t.auditEvents.entityType, "article"), eq(t.auditEvents.entityId, articleId)),
        and(eq(t.auditEvents.entityType, "claim"), inArray(t.auditEvents.entityId, claimIds)),
      ),
    );
  return Number(row?.n ?? 0);
}
