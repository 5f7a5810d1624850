import "server-only";
import { eq, inArray, lt } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { getDatabase, type Db } from "../client";

type Tables = typeof import("../schema/pg");
type KeyRow = Tables["idempotencyKeys"]["$inferSelect"];
export type IdempotencyKind = KeyRow["kind"];

/** Who asks for which kind of create under which key. A null key means "no retry protection" (scripts, seeds). */
export type IdempotencyScope = { key: string | null | undefined; userId: string; kind: IdempotencyKind };

/**
 * How long a used key is kept. A retry of the same submission (a double
 * click, a resend after a dropped connection, an offline form sent again)
 * comes within seconds or minutes; a week covers a tab left open over a
 * weekend with a wide margin. After that the row only takes space: keys are
 * fresh UUIDs, so an expired one is never sent again by an honest client.
 */
export const IDEMPOTENCY_KEY_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * At most this many expired keys go per new key: the first creates after a
 * deploy meet the whole backlog, and a user's create should not wait on
 * deleting it all. Keys expire only as fast as they came in, one per new key
 * on average, so up to 500 per new key still clears the backlog and the
 * table settles at about one window.
 */
const PRUNE_BATCH = 500;

/**
 * Deletes keys older than the retention window; called as a new key comes
 * in, as sign-in failures are (db/queries/login-failures.ts), so the table
 * holds about one window of keys. A plain age cut is safe: a row whose
 * entityId is still null belongs to a running create transaction, which is
 * seconds old and invisible to others until it commits with the entityId
 * set, never seven days old.
 *
 * It runs in the create's transaction, so on Postgres it must not wait on
 * another create: SKIP LOCKED leaves expired rows another transaction is
 * already deleting to that transaction (without it, concurrent creates would
 * queue behind each other's whole transaction). SQLite runs write
 * transactions one at a time and has no FOR UPDATE.
 */
async function pruneExpiredKeys(tx: Db, now: Date): Promise<void> {
  const { dialect, t } = await getDatabase();
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_KEY_RETENTION_MS);
  const expired = tx.select({ key: t.idempotencyKeys.key }).from(t.idempotencyKeys).where(lt(t.idempotencyKeys.createdAt, cutoff)).limit(PRUNE_BATCH);
  await tx.delete(t.idempotencyKeys).where(inArray(t.idempotencyKeys.key, dialect === "postgres" ? expired.for("update", { skipLocked: true }) : expired));
}

const refused = () =>
  new AppError("conflict:idempotency", "This request key was already used for something else. Reload the page and try again.");

/** The entity a recorded key created, after checking the key belongs to this user and this kind of create. */
function entityOf(row: KeyRow | undefined, scope: IdempotencyScope): string | null {
  if (!row) return null;
  // Someone else's key, or a key sent with another form: never hand out that row.
  if (row.userId !== scope.userId || row.kind !== scope.kind || !row.entityId) throw refused();
  return row.entityId;
}

/**
 * Runs `create` at most once per key: a retry of the same submission (same
 * key, same user, same kind) gets `replay(firstEntityId)` instead of a
 * second copy. Call it first thing inside the create's transaction, so the
 * key row commits or rolls back with the row it guards: a refused attempt
 * leaves the key unused and a retry runs the create again.
 *
 * Why the key is claimed before the create rather than after: on Postgres a
 * second transaction inserting the same key waits on the first one's
 * uncommitted row, then (READ COMMITTED) sees it committed and replays; a
 * unique violation raised after the create instead would abort the whole
 * transaction. It also means the replay happens before any check the first
 * create changed the answer to (a stale claim version, "already published").
 * On SQLite write transactions already run one at a time.
 */
export async function withIdempotency<T>(
  tx: Db,
  scope: IdempotencyScope,
  steps: { create: () => Promise<T>; idOf: (result: T) => string; replay: (entityId: string) => Promise<T> },
): Promise<T> {
  if (!scope.key) return steps.create();
  const { t } = await getDatabase();
  const now = new Date();
  const claimed = await tx
    .insert(t.idempotencyKeys)
    .values({ key: scope.key, userId: scope.userId, kind: scope.kind, entityId: null, createdAt: now })
    .onConflictDoNothing()
    .returning({ key: t.idempotencyKeys.key });
  if (claimed.length === 0) {
    const [row] = await tx.select().from(t.idempotencyKeys).where(eq(t.idempotencyKeys.key, scope.key));
    const entityId = entityOf(row, scope);
    if (!entityId) throw refused();
    return steps.replay(entityId);
  }
  // Only a new key prunes: a replay stays a read. After the claim, so an expired
  // key sent again still meets its old row (and replays or is refused) rather
  // than creating a second copy, until some other new key prunes it.
  await pruneExpiredKeys(tx, now);
  const result = await steps.create();
  await tx.update(t.idempotencyKeys).set({ entityId: steps.idOf(result) }).where(eq(t.idempotencyKeys.key, scope.key));
  return result;
}

/**
 * The entity an earlier, committed request with this key created, or null.
 * For checks an action makes before its transaction (the import's duplicate
 * check would otherwise offer the article the first attempt just saved).
 */
export async function findIdempotentEntity(scope: IdempotencyScope): Promise<string | null> {
  if (!scope.key) return null;
  const { db, t } = await getDatabase();
  const [row] = await db.select().from(t.idempotencyKeys).where(eq(t.idempotencyKeys.key, scope.key));
  return entityOf(row, scope);
}
