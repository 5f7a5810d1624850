import "server-only";
import { and, asc, count, eq, gte, inArray, lt, lte, ne, notExists } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDatabase, type Db } from "../client";

/**
 * Which citations of a new revision need archiving. A citation carried over
 * unchanged (same address, same quote) from the revision before keeps that
 * one's archive, so an edit of the rationale neither fetches the page again
 * nor swaps the copy the editor approved against; every other citation gets
 * a "pending" row. Pending rows are the outbox the archive jobs are queued
 * from (server/sources/source-jobs.ts), so a crash between the save and
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

/** Tries in all for an archive whose site did not answer, each at least RETRY_AFTER_MS after the one before. */
const UNREACHABLE_TRIES = 3;
const RETRY_AFTER_MS = 60 * 60 * 1000;

/**
 * Puts archives whose site did not answer back in the outbox ("pending"),
 * for the sweep to queue again: a site down for an hour should not leave a
 * citation without a copy by the time an editor looks. Only while the
 * citation's revision is the claim's current one and no editor has approved
 * it: after an approval nothing changes, the editor approved against what
 * they saw. There is no column for the number of tries, and adding one takes
 * a migration, so the fetch log counts them: the "cite" fetches of the
 * address that found it unreachable since the archive row was made. Other
 * citations of the same address tried meanwhile count too, so a citation
 * may get fewer tries, never more. One statement, so two workers sweeping
 * at once put each archive back once. Returns the citations put back.
 */
export async function requeueUnreachableArchives(now: Date): Promise<string[]> {
  const { db, t } = await getDatabase();
  const last = alias(t.sourceFetches, "last_fetch");
  const tries = alias(t.sourceFetches, "tries");
  const approved = db
    .select({ id: t.reviews.id })
    .from(t.reviews)
    .where(and(eq(t.reviews.verdictId, t.citations.verdictId), eq(t.reviews.decision, "approved")));
  const due = db
    .select({ citationId: t.citationArchives.citationId })
    .from(t.citationArchives)
    .innerJoin(last, and(eq(last.id, t.citationArchives.fetchId), eq(last.outcome, "unreachable")))
    .innerJoin(t.citations, eq(t.citations.id, t.citationArchives.citationId))
    .innerJoin(t.claims, eq(t.claims.currentVerdictId, t.citations.verdictId))
    .leftJoin(tries, and(eq(tries.url, t.citations.url), eq(tries.purpose, "cite"), eq(tries.outcome, "unreachable"), gte(tries.fetchedAt, t.citationArchives.createdAt)))
    // Every unreachable archive is "not-checked": the status index keeps this a small range, swept every minute.
    .where(and(eq(t.citationArchives.quoteStatus, "not-checked"), notExists(approved)))
    .groupBy(t.citationArchives.citationId)
    .having(lt(count(tries.id), UNREACHABLE_TRIES));
  const rows = await db
    .update(t.citationArchives)
    .set({ fetchId: null, quoteStatus: "pending", quoteMatch: null, checkedAt: null })
    // Checked on the row itself: a sweep that waited on another's update finds it pending (no checked time) and leaves it.
    .where(and(inArray(t.citationArchives.citationId, due), lte(t.citationArchives.checkedAt, new Date(now.getTime() - RETRY_AFTER_MS))))
    .returning({ citationId: t.citationArchives.citationId });
  return rows.map((r) => r.citationId);
}

/** Drops every pending archive row: those citations then read "not archived" (the offline demo's seed). */
export async function forgetPendingArchives(): Promise<void> {
  const { db, t } = await getDatabase();
  await db.delete(t.citationArchives).where(eq(t.citationArchives.quoteStatus, "pending"));
}
