import "server-only";
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { newId } from "@/lib/ids";
import { getDatabase, type Db } from "../client";
import { recordAudit } from "./audit";

type Tables = typeof import("../schema/pg");
export type Notification = Tables["notifications"]["$inferSelect"];
export type NotificationKind = Notification["kind"];

/**
 * Queues notifications inside the caller's transaction (so they exist exactly
 * when the change that caused them does). Nobody is notified of their own act.
 */
export async function notify(
  tx: Db,
  input: { userIds: string[]; kind: NotificationKind; actorId: string; articleId?: string | null; claimId?: string | null; message: string },
): Promise<number> {
  const { t } = await getDatabase();
  const recipients = [...new Set(input.userIds)].filter((id) => id !== input.actorId);
  if (recipients.length === 0) return 0;
  const now = new Date();
  await tx.insert(t.notifications).values(
    recipients.map((userId) => ({
      id: newId(),
      userId,
      kind: input.kind,
      actorId: input.actorId,
      articleId: input.articleId ?? null,
      claimId: input.claimId ?? null,
      message: input.message.slice(0, 500),
      createdAt: now,
      readAt: null,
    })),
  );
  return recipients.length;
}

export async function countUnreadNotifications({ userId }: { userId: string }): Promise<number> {
  const { db, t } = await getDatabase();
  const [row] = await db.select({ n: count() }).from(t.notifications).where(and(eq(t.notifications.userId, userId), isNull(t.notifications.readAt)));
  return Number(row?.n ?? 0);
}

export type NotificationItem = Notification & { actorName: string | null };

/** A user's notifications, newest first (unread and read). */
export async function listNotifications({ userId, limit = 50 }: { userId: string; limit?: number }): Promise<NotificationItem[]> {
  const { db, t } = await getDatabase();
  const rows = await db.select().from(t.notifications).where(eq(t.notifications.userId, userId)).orderBy(desc(t.notifications.createdAt)).limit(limit);
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => Boolean(id)))];
  const people = actorIds.length ? await db.select({ id: t.users.id, name: t.users.name }).from(t.users).where(inArray(t.users.id, actorIds)) : [];
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  return rows.map((r) => ({ ...r, actorName: r.actorId ? (nameOf.get(r.actorId) ?? null) : null }));
}

/** Marks the given notifications (or all when `ids` is omitted) read; only the owner's own rows are touched. */
export async function markNotificationsRead({ userId, ids }: { userId: string; ids?: string[] }): Promise<number> {
  const database = await getDatabase();
  const { t } = database;
  return database.transaction(async (tx) => {
    const mine = and(eq(t.notifications.userId, userId), isNull(t.notifications.readAt), ids ? inArray(t.notifications.id, ids.length ? ids : ["-"]) : undefined);
    const updated = await tx.update(t.notifications).set({ readAt: new Date() }).where(mine).returning({ id: t.notifications.id });
    if (updated.length > 0) {
      await recordAudit(tx, { actorId: userId, action: "notification.read", entityType: "user", entityId: userId, after: { count: updated.length } });
    }
    return updated.length;
  });
}
