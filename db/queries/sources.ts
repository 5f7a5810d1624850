import "server-only";
import { and, asc, desc, eq, gt, inArray, type SQL } from "drizzle-orm";
import { newId } from "@/lib/ids";
import type { FetchOutcome, FetchPurpose, QuoteStatus } from "@/lib/sources";
import type { Capture } from "@/server/sources/capture";
import { getDatabase, type Database, type Db } from "../client";
import { approvalAfterArchiveCheck, livePublication, onPublishedPage, publicRevisionJoin } from "./public-visibility";
import { noteStoredBytes, storedBytes } from "./source-maintenance";

/**
 * Archived sources (issue: evidence that lasts): snapshots of cited pages,
 * every fetch as it happened, each citation's archive with its quote status,
 * and what link checks found changed. Writers take the Database (the archive
 * jobs run outside requests); readers for pages use the process-wide one.
 */

type Tables = typeof import("../schema/pg");
type SourceFetch = Tables["sourceFetches"]["$inferSelect"];
type SourceSnapshot = Tables["sourceSnapshots"]["$inferSelect"];
type CitationArchive = Pick<Tables["citationArchives"]["$inferSelect"], "citationId" | "quoteStatus" | "quoteMatch" | "checkedAt"> & {
  /** Null while pending. */
  fetch: SourceFetch | null;
  /** Null while pending and when the fetch archived nothing. */
  snapshot: Omit<SourceSnapshot, "blocks" | "html"> | null;
};

/** Everything about a snapshot but its (large) content: what lists and badges need. */
const snapshotMeta = (t: Database["t"]) => ({
  id: t.sourceSnapshots.id,
  sha256: t.sourceSnapshots.sha256,
  contentType: t.sourceSnapshots.contentType,
  byteSize: t.sourceSnapshots.byteSize,
  title: t.sourceSnapshots.title,
  createdAt: t.sourceSnapshots.createdAt,
});

/**
 * Records one fetch, and its snapshot when something was archived: the
 * snapshot is shared by every fetch of the same bytes (insert-or-reuse by
 * SHA-256, which the unique index keeps race-safe on both dialects). A new
 * snapshot that would take the store past `totalMaxBytes` is not kept: the
 * fetch is recorded as "too-large" with the reason. `sameTextAs` points the
 * fetch at an existing snapshot whose readable text is the same, instead.
 */
export async function storeFetch(
  database: Database,
  capture: Capture,
  input: { purpose: FetchPurpose; fetchedAt: Date; totalMaxBytes: number; sameTextAs?: string | null },
): Promise<{ fetch: SourceFetch; snapshot: SourceSnapshot | null }> {
  const { t } = database;
  return database.transaction(async (tx) => {
    let snapshot: SourceSnapshot | null = null;
    let { outcome, message } = capture;
    const page = capture.page;
    if (page) {
      // A stored copy the caller found to read the same (link checks): kept once, not again per byte-level difference.
      const key = input.sameTextAs ? eq(t.sourceSnapshots.id, input.sameTextAs) : eq(t.sourceSnapshots.sha256, page.sha256);
      [snapshot = null] = await tx.select().from(t.sourceSnapshots).where(key);
      if (!snapshot) {
        // A running total, not a count per capture (source-maintenance.ts says how it stays current).
        if ((await storedBytes(database, tx)) + page.byteSize > input.totalMaxBytes) {
          outcome = "too-large";
          message = "The archive is full (the server's storage limit for archived pages is reached), so this page was not kept. Ask an administrator.";
        } else {
          const row = { id: newId(), sha256: page.sha256, contentType: page.contentType, byteSize: page.byteSize, title: page.title, blocks: page.blocks, html: page.html };
          await tx.insert(t.sourceSnapshots).values(row).onConflictDoNothing({ target: t.sourceSnapshots.sha256 });
          // Either ours or the one a concurrent fetch of the same bytes committed first.
          [snapshot = null] = await tx.select().from(t.sourceSnapshots).where(eq(t.sourceSnapshots.sha256, page.sha256));
          // Counted before the commit: a rollback after this leaves the total too high until the next recount, so the cap errs on refusing.
          if (snapshot?.id === row.id) noteStoredBytes(database, page.byteSize);
        }
      }
    }
    const fetch: SourceFetch = {
      id: newId(),
      url: capture.url,
      finalUrl: capture.finalUrl,
      httpStatus: capture.httpStatus,
      outcome,
      message,
      snapshotId: snapshot?.id ?? null,
      purpose: input.purpose,
      fetchedAt: input.fetchedAt,
    };
    await tx.insert(t.sourceFetches).values(fetch);
    return { fetch, snapshot };
  });
}

/** The newest fetch of `url` that archived something after `since`, with its snapshot, or null. */
export async function recentArchivedFetch(database: Database, url: string, since: Date): Promise<{ fetch: SourceFetch; snapshot: SourceSnapshot } | null> {
  const { db, t } = database;
  const [row] = await db
    .select({ fetch: t.sourceFetches, snapshot: t.sourceSnapshots })
    .from(t.sourceFetches)
    .innerJoin(t.sourceSnapshots, eq(t.sourceSnapshots.id, t.sourceFetches.snapshotId))
    .where(and(eq(t.sourceFetches.url, url), eq(t.sourceFetches.outcome, "archived"), gt(t.sourceFetches.fetchedAt, since)))
    .orderBy(desc(t.sourceFetches.fetchedAt))
    .limit(1);
  return row ?? null;
}

/** A citation and its archive row (null before markPending), or null when there is no such citation. */
export async function citationWithArchive(database: Database, citationId: string) {
  const { db, t } = database;
  const [row] = await db
    .select({ citation: t.citations, archive: t.citationArchives })
    .from(t.citations)
    .leftJoin(t.citationArchives, eq(t.citationArchives.citationId, t.citations.id))
    .where(eq(t.citations.id, citationId));
  return row ?? null;
}

/**
 * Writes a citation's archive unless it already has a finished one: only a
 * missing or "pending" row is filled in, so a re-run or a late duplicate job
 * never swaps the copy an editor approved against. Returns the row as stored.
 */
export async function saveCitationArchive(database: Database, row: { citationId: string; fetchId: string | null; quoteStatus: QuoteStatus; quoteMatch: string | null; checkedAt: Date }) {
  const { db, t } = database;
  const { citationId, ...set } = row;
  await db
    .insert(t.citationArchives)
    .values(row)
    .onConflictDoUpdate({ target: t.citationArchives.citationId, set, setWhere: eq(t.citationArchives.quoteStatus, "pending") });
  const [stored] = await db.select().from(t.citationArchives).where(eq(t.citationArchives.citationId, citationId));
  return stored!;
}

/** Inserts "pending" archive rows for new citations (inside the caller's transaction when given); existing rows stay. */
export async function insertPendingArchives(database: Database, citationIds: string[], tx: Db = database.db): Promise<void> {
  if (citationIds.length === 0) return;
  const rows = citationIds.map((citationId) => ({ citationId, fetchId: null, quoteStatus: "pending" as const, quoteMatch: null, checkedAt: null }));
  await tx.insert(database.t.citationArchives).values(rows).onConflictDoNothing({ target: database.t.citationArchives.citationId });
}

/** Each citation's archive: the fetch, the snapshot's metadata and the quote status. Citations never queued are absent. */
export async function archivesForCitations(ids: string[]): Promise<Map<string, CitationArchive>> {
  const { db, t } = await getDatabase();
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ archive: t.citationArchives, fetch: t.sourceFetches, snapshot: snapshotMeta(t) })
    .from(t.citationArchives)
    .leftJoin(t.sourceFetches, eq(t.sourceFetches.id, t.citationArchives.fetchId))
    .leftJoin(t.sourceSnapshots, eq(t.sourceSnapshots.id, t.sourceFetches.snapshotId))
    .where(inArray(t.citationArchives.citationId, [...new Set(ids)]));
  return new Map(
    rows.map((r): [string, CitationArchive] => [
      r.archive.citationId,
      { citationId: r.archive.citationId, fetch: r.fetch, snapshot: r.snapshot, quoteStatus: r.archive.quoteStatus, quoteMatch: r.archive.quoteMatch, checkedAt: r.archive.checkedAt },
    ]),
  );
}

/**
 * A citation's archive as the desk and readers see it, flat (it travels to the
 * browser with the verdict): null for a citation never archived (older data,
 * the offline demo).
 */
export type CitationArchiveView = {
  quoteStatus: QuoteStatus;
  /** The passage the quote nearly matches, when "close". */
  quoteMatch: string | null;
  /** Null while pending. */
  fetchId: string | null;
  outcome: FetchOutcome | null;
  /** Why nothing was archived ("The site answered 404 (page not found)."). */
  message: string | null;
  fetchedAt: Date | null;
  finalUrl: string | null;
  /** Null unless a copy was kept. */
  sha256: string | null;
  /** When the quote check was stored (null while pending): readers see it only if an approval came after. */
  checkedAt: Date | null;
};

/** The citations of these verdict revisions, in order, each with its archive: one query. */
export async function citationsWithArchives(verdictIds: string[]) {
  const { db, t } = await getDatabase();
  if (verdictIds.length === 0) return [];
  const rows = await db
    .select({
      citation: t.citations,
      archive: { quoteStatus: t.citationArchives.quoteStatus, quoteMatch: t.citationArchives.quoteMatch, checkedAt: t.citationArchives.checkedAt },
      fetch: { id: t.sourceFetches.id, outcome: t.sourceFetches.outcome, message: t.sourceFetches.message, fetchedAt: t.sourceFetches.fetchedAt, finalUrl: t.sourceFetches.finalUrl },
      sha256: t.sourceSnapshots.sha256,
    })
    .from(t.citations)
    .leftJoin(t.citationArchives, eq(t.citationArchives.citationId, t.citations.id))
    .leftJoin(t.sourceFetches, eq(t.sourceFetches.id, t.citationArchives.fetchId))
    .leftJoin(t.sourceSnapshots, eq(t.sourceSnapshots.id, t.sourceFetches.snapshotId))
    .where(inArray(t.citations.verdictId, verdictIds))
    .orderBy(asc(t.citations.verdictId), asc(t.citations.position));
  return rows.map((r) => ({
    ...r.citation,
    archive: r.archive
      ? ({
          quoteStatus: r.archive.quoteStatus,
          quoteMatch: r.archive.quoteMatch,
          fetchId: r.fetch?.id ?? null,
          outcome: r.fetch?.outcome ?? null,
          message: r.fetch?.message ?? null,
          fetchedAt: r.fetch?.fetchedAt ?? null,
          finalUrl: r.fetch?.finalUrl ?? null,
          sha256: r.sha256 ?? null,
          checkedAt: r.archive.checkedAt,
        } satisfies CitationArchiveView)
      : null,
  }));
}

/** One citation's archive, or null when it was never queued. */
export async function archiveForCitation(citationId: string): Promise<CitationArchive | null> {
  return (await archivesForCitations([citationId])).get(citationId) ?? null;
}

/**
 * An archived copy as readers may see it at /sources/<fetchId>: only when it
 * is the archive of a citation in a claim's published revision on a live
 * fact-check, checked before an editor approved that revision (both rules are
 * in ./public-visibility.ts). Copies made for
 * research that was never published, or only by a link check, stay internal.
 */
export async function publicArchive(fetchId: string) {
  const { db, t } = await getDatabase();
  const cited = db
    .select({ fetchId: t.citationArchives.fetchId })
    .from(t.citationArchives)
    .innerJoin(t.citations, eq(t.citations.id, t.citationArchives.citationId))
    .innerJoin(t.claims, eq(t.claims.publishedVerdictId, t.citations.verdictId))
    .innerJoin(t.verdicts, publicRevisionJoin(t))
    .innerJoin(t.publications, onPublishedPage(t))
    .innerJoin(t.reviews, approvalAfterArchiveCheck(t))
    .where(and(eq(t.citationArchives.fetchId, fetchId), livePublication(t)));
  return archivedCopy(fetchId, inArray(t.sourceFetches.id, cited));
}

/** Any archived copy, for the desk (signed-in people only: it may be research readers never saw). */
export async function deskArchive(fetchId: string) {
  return archivedCopy(fetchId);
}

async function archivedCopy(fetchId: string, visible?: SQL) {
  const { db, t } = await getDatabase();
  const [row] = await db
    .select({
      fetch: { id: t.sourceFetches.id, url: t.sourceFetches.url, finalUrl: t.sourceFetches.finalUrl, fetchedAt: t.sourceFetches.fetchedAt },
      snapshot: { ...snapshotMeta(t), blocks: t.sourceSnapshots.blocks, html: t.sourceSnapshots.html },
    })
    .from(t.sourceFetches)
    .innerJoin(t.sourceSnapshots, eq(t.sourceSnapshots.id, t.sourceFetches.snapshotId))
    .where(and(eq(t.sourceFetches.id, fetchId), visible))
    .limit(1);
  return row ?? null;
}

export type ArchivedCopy = NonNullable<Awaited<ReturnType<typeof archivedCopy>>>;
