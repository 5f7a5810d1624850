import "server-only";
import { and, asc, eq, ne } from "drizzle-orm";
import { getDatabase, type Db } from "../client";

/**
 * Which citations of a new revision need archiving. A citation carried over
 * unchanged (same address, same quote) from the revision before keeps that
 * one's archive, so an edit of the rationale neither fetches the page again
 * nor swaps the copy the editor approved against; every other citation gets
 * a "pending" row. Pending rows are the outbox the archive jobs are queued
 * from (server/sources/archive-queue.ts), so a crash between the save and
 * the queue loses nothing.
 */
export async function carryOrQueueArchives(tx: Db, previousVerdictId: string | null, citations: { id: string; url: string; quote: string | null }[]): Promise<void> {
  if (citations.length === 0) return;
  const { t } = await getDatabase();
  const earlier = previousVerdictId
    ? await tx
        .select({ url: t.citations.url, quote: t.citations.quote, archive: t.citationArchives })
        .from(t.citations)
        .innerJoin(t.citationArchives, eq(t.citationArchives.citationId, t.citations.id))
        .where(and(eq(t.citations.verdictId, previousVerdictId), ne(t.citationArchives.quoteStatus, "pending")))
    : [];
  const keyOf = (c: { url: string; quote: string | null }) => `${c.url}\u0000${c.quote ?? ""}`;
  const carried = new Map(earlier.map((e) => [keyOf(e), e.archive]));
  const now = new Date();
  const rows = citations.map((c) => {
    const before = carried.get(keyOf(c));
    return before
      ? { citationId: c.id, fetchId: before.fetchId, quoteStatus: before.quoteStatus, quoteMatch: before.quoteMatch, checkedAt: before.checkedAt, createdAt: now }
      : { citationId: c.id, fetchId: null, quoteStatus: "pending" as const, quoteMatch: null, checkedAt: null, createdAt: now };
  });
  await tx.insert(t.citationArchives).values(rows).onConflictDoNothing({ target: t.citationArchives.citationId });
}

/** Citations still waiting for their archive, oldest first (what the queue relay sends on). */
export async function pendingArchiveIds(limit = 200): Promise<string[]> {
  const { db, t } = await getDatabase();
  const rows = await db
    .select({ citationId: t.citationArchives.citationId })
    .from(t.citationArchives)
    .where(eq(t.citationArchives.quoteStatus, "pending"))
    .orderBy(asc(t.citationArchives.createdAt))
    .limit(limit);
  return rows.map((r) => r.citationId);
}

/** Drops every pending archive row: those citations then read "not archived" (the offline demo's seed). */
export async function forgetPendingArchives(): Promise<void> {
  const { db, t } = await getDatabase();
  await db.delete(t.citationArchives).where(eq(t.citationArchives.quoteStatus, "pending"));
}
