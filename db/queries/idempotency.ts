import "server-only";
import { eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { getDatabase, type Db } from "../client";

type Tables = typeof import("../schema/pg");
type KeyRow = Tables["idempotencyKeys"]["$inferSelect"];
export type IdempotencyKind = KeyRow["kind"];

/** Who asks for which kind of create under which key. A null key means "no retry protection" (scripts, seeds). */
export type IdempotencyScope = { key: string | null | undefined; userId: string; kind: IdempotencyKind };

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
  const claimed = await tx
    .insert(t.idempotencyKeys)
    .values({ key: scope.key, userId: scope.userId, kind: scope.kind, entityId: null, createdAt: new Date() })
    .onConflictDoNothing()
    .returning({ key: t.idempotencyKeys.key });
  if (claimed.length === 0) {
    const [row] = await tx.select().from(t.idempotencyKeys).where(eq(t.idempotencyKeys.key, scope.key));
    const entityId = entityOf(row, scope);
    if (!entityId) throw refused();
    return steps.replay(entityId);
  }
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
