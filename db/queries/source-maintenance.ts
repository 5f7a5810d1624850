import "server-only";
import { and, asc, eq, gt, inArray, isNotNull, lt, notInArray, sql } from "drizzle-orm";
import type { Database } from "../client";

/**
 * Operators' work on the archive (npm run archive): export every kept copy,
 * and purge the copies no citation relies on. A copy a citation was checked
 * against is never purged: readers' /sources links and the quote checks
 * editors approved rest on it.
 */

const PAGE = 200;

/** Every fetch that kept a copy, oldest first, with the copy: paged, so a large archive never sits in memory. */
export async function* archivedCopies(database: Database) {
  const { db, t } = database;
  let after = "";
  for (;;) {
    const rows = await db
      .select({ fetch: t.sourceFetches, snapshot: t.sourceSnapshots })
      .from(t.sourceFetches)
      .innerJoin(t.sourceSnapshots, eq(t.sourceSnapshots.id, t.sourceFetches.snapshotId))
      .where(gt(t.sourceFetches.id, after))
      .orderBy(asc(t.sourceFetches.id))
      .limit(PAGE);
    yield* rows;
    if (rows.length < PAGE) return;
    after = rows.at(-1)!.fetch.id;
  }
}

/**
 * Removes copies no citation's archive points at (kept by link checks, or
 * left by citations since deleted), optionally only those made before a
 * date. Their fetches stay, as records of what happened, without the copy.
 */
export async function purgeUncitedCopies(database: Database, { before }: { before?: Date } = {}): Promise<{ copies: number; bytes: number }> {
  const { db, t } = database;
  const cited = db
    .select({ id: t.sourceFetches.snapshotId })
    .from(t.citationArchives)
    .innerJoin(t.sourceFetches, eq(t.sourceFetches.id, t.citationArchives.fetchId))
    .where(isNotNull(t.sourceFetches.snapshotId));
  const doomed = await db
    .select({ id: t.sourceSnapshots.id, bytes: t.sourceSnapshots.byteSize })
    .from(t.sourceSnapshots)
    .where(and(notInArray(t.sourceSnapshots.id, cited), before ? lt(t.sourceSnapshots.createdAt, before) : undefined));
  if (doomed.length === 0) return { copies: 0, bytes: 0 };
  const ids = doomed.map((d) => d.id);
  await database.transaction(async (tx) => {
    for (let i = 0; i < ids.length; i += PAGE) {
      const part = ids.slice(i, i + PAGE);
      await tx.update(t.sourceFetches).set({ snapshotId: null }).where(inArray(t.sourceFetches.snapshotId, part));
      await tx.delete(t.sourceSnapshots).where(inArray(t.sourceSnapshots.id, part));
    }
  });
  return { copies: ids.length, bytes: doomed.reduce((n, d) => n + d.bytes, 0) };
}

/** How many copies are kept and their bytes (the total the ARCHIVE_TOTAL_MAX_BYTES cap counts). */
export async function archiveSize(database: Database): Promise<{ copies: number; bytes: number }> {
  const { db, t } = database;
  const [row] = await db.select({ copies: sql<number>`count(*)`, bytes: sql<number>`coalesce(sum(${t.sourceSnapshots.byteSize}), 0)` }).from(t.sourceSnapshots);
  return { copies: Number(row?.copies ?? 0), bytes: Number(row?.bytes ?? 0) };
}
