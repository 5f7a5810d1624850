import "server-only";
import { and, count, desc, eq, gte, inArray, like, lt, or } from "drizzle-orm";
import { newId } from "@/lib/ids";
import { getDatabase, type Db } from "../client";

export type AuditInput = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
};

/** Appends an audit event inside the caller's transaction, so the event and the change commit together. */
export async function recordAudit(tx: Db, event: AuditInput): Promise<void> {
  const { t } = await getDatabase();
  await tx.insert(t.auditEvents).values({
    id: newId(),
    actorId: event.actorId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before ?? null,
    after: event.after ?? null,
    createdAt: new Date(),
  });
}

export async function listAuditEvents({ entityType, entityId, limit = 100 }: { entityType?: string; entityId?: string; limit?: number }) {
  const { db, t } = await getDatabase();
  const filters = [entityType ? eq(t.auditEvents.entityType, entityType) : undefined, entityId ? eq(t.auditEvents.entityId, entityId) : undefined];
  return db
    .select()
    .from(t.auditEvents)
    .where(and(...filters))
    .orderBy(desc(t.auditEvents.createdAt))
    .limit(limit);
}

/*
 * The audit log is append-only: this module offers recordAudit and reads, and
 * nothing that updates or deletes (audit.test.ts checks the exports; the
 * database refuses UPDATE and DELETE with triggers, see migrations 0002).
 */

export type AuditFilter = {
  /** Only events about this article, its claims and its publication. */
  articleId?: string;
  actorId?: string;
  /** An exact action ("verdict.approve") or a family ending in a dot ("verdict."). */
  action?: string;
  /** Inclusive start and exclusive end, UTC. */
  from?: Date;
  to?: Date;
  page?: number;
  pageSize?: number;
};

export type AuditRow = typeof import("../schema/pg").auditEvents.$inferSelect & { actorName: string | null };

export const AUDIT_PAGE_SIZE = 50;

/** A page of audit events, newest first, with the total for pagination. */
export async function searchAuditEvents(filter: AuditFilter): Promise<{ events: AuditRow[]; total: number; page: number; pages: number }> {
  const { db, t } = await getDatabase();
  const a = t.auditEvents;
  let about;
  if (filter.articleId) {
    const claimIds = (await db.select({ id: t.claims.id }).from(t.claims).where(eq(t.claims.articleId, filter.articleId))).map((c) => c.id);
    const pubIds = (await db.select({ id: t.publications.id }).from(t.publications).where(eq(t.publications.articleId, filter.articleId))).map((p) => p.id);
    about = or(
      and(eq(a.entityType, "article"), eq(a.entityId, filter.articleId)),
      claimIds.length ? and(eq(a.entityType, "claim"), inArray(a.entityId, claimIds)) : undefined,
      pubIds.length ? and(eq(a.entityType, "publication"), inArray(a.entityId, pubIds)) : undefined,
    );
  }
  const where = and(
    about,
    filter.actorId ? eq(a.actorId, filter.actorId) : undefined,
    filter.action ? (filter.action.endsWith(".") ? like(a.action, `${filter.action.replace(/[%_]/g, "")}%`) : eq(a.action, filter.action)) : undefined,
    filter.from ? gte(a.createdAt, filter.from) : undefined,
    filter.to ? lt(a.createdAt, filter.to) : undefined,
  );
  const pageSize = Math.min(Math.max(filter.pageSize ?? AUDIT_PAGE_SIZE, 1), 200);
  const [row] = await db.select({ n: count() }).from(a).where(where);
  const total = Number(row?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(filter.page ?? 1, 1), pages);
  const rows = await db
    .select({ event: a, actorName: t.users.name })
    .from(a)
    .leftJoin(t.users, eq(t.users.id, a.actorId))
    .where(where)
    .orderBy(desc(a.createdAt), desc(a.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { events: rows.map((r) => ({ ...r.event, actorName: r.actorName })), total, page, pages };
}

/** The distinct actions recorded so far, for the filter's choices. */
export async function listAuditActions(): Promise<string[]> {
  const { db, t } = await getDatabase();
  const rows = await db.selectDistinct({ action: t.auditEvents.action }).from(t.auditEvents);
  return rows.map((r) => r.action).sort();
}
