import "server-only";
import { and, asc, eq, gt, inArray, isNotNull, lt, notInArray, sql } from "drizzle-orm";
import type { Database, Db } from "../client";

/**
 * Operators' work on the archive (npm run archive): export every kept copy,
 * purge the copies no citation relies on, and tell how much the archive
 * takes (which the storage cap on new copies reads too). A copy a citation
 * was checked against is never purged: readers' /sources links and the quote
 * checks editors approved rest on it.
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
  tallies.delete(database);
  return { copies: ids.length, bytes: doomed.reduce((n, d) => n + d.bytes, 0) };
}

/** How many copies are kept and their bytes (the total the ARCHIVE_TOTAL_MAX_BYTES cap counts); `tx` inside a caller's transaction. */
export async function archiveSize(database: Database, tx: Db = database.db): Promise<{ copies: number; bytes: number }> {
  const { t } = database;
  const [row] = await tx.select({ copies: sql<number>`count(*)`, bytes: sql<number>`coalesce(sum(${t.sourceSnapshots.byteSize}), 0)` }).from(t.sourceSnapshots);
  return { copies: Number(row?.copies ?? 0), bytes: Number(row?.bytes ?? 0) };
}

/**
 * The cap is checked on every new copy, and counting reads every snapshot
 * row, so each process counts once (archiveSize) and then keeps a running
 * total per database: storeFetch adds each copy it keeps (noteStoredBytes), a
 * purge here makes the next check count again, and so does RECOUNT_MS passing,
 * which takes in what other processes (another worker, `npm run archive`)
 * kept or purged meanwhile. Until then the store can pass the cap by what
 * they kept: a few copies over a disk budget, which is what the cap is.
 */
const RECOUNT_MS = 5 * 60_000;
const tallies = new WeakMap<Database, { bytes: number; countedAt: number }>();

/** The bytes all kept copies take, as far as this process knows (see above). */
export async function storedBytes(database: Database, tx: Db = database.db): Promise<number> {
  const tally = tallies.get(database);
  if (tally && Date.now() - tally.countedAt < RECOUNT_MS) return tally.bytes;
  const { bytes } = await archiveSize(database, tx);
  tallies.set(database, { bytes, countedAt: Date.now() });
  return bytes;
}

/** A copy was just kept: the running total grows without a recount. */
export function noteStoredBytes(database: Database, bytes: number): void {
  const tally = tallies.get(database);
  if (tally) tally.bytes += bytes;
}
