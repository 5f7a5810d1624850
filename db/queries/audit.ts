import "server-only";
import { and, desc, eq } from "drizzle-orm";
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
