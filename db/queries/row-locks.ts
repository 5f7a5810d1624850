import "server-only";
import { eq } from "drizzle-orm";
import { getDatabase, type Db } from "../client";

type Tables = typeof import("../schema/pg");
/** Tables whose rows are edited with read-then-write logic (all have a text `id`). */
type LockableTable = Tables["claims"] | Tables["articles"] | Tables["publications"];

/**
 * Reads one row inside a write transaction and holds it until commit.
 *
 * Why: saves that derive new state from a row (next verdict revision,
 * approvals counted so far, the assignee seen, the snapshot a new version
 * builds on) must not run side by side on one row. On Postgres (READ
 * COMMITTED) two transactions would both read the same state: a second
 * proposal hit the unique revision index with a raw error, two concurrent
 * reviews both succeeded blind to each other, two re-imports re-anchored the
 * same claims twice. FOR UPDATE makes the second transaction wait and then
 * read what the first committed. On SQLite the writer mutex in db/client.ts
 * already runs write transactions one at a time, and its select builder has
 * no FOR UPDATE.
 */
export async function selectForUpdate<T extends LockableTable>(tx: Db, table: T, id: string): Promise<T["$inferSelect"] | undefined> {
  const { dialect } = await getDatabase();
  const query = tx.select().from(table as LockableTable).where(eq(table.id, id));
  const [row] = dialect === "postgres" ? await query.for("update") : await query;
  return row as T["$inferSelect"] | undefined;
}

export async function selectClaimForUpdate(tx: Db, claimId: string): Promise<Tables["claims"]["$inferSelect"] | undefined> {
  const { t } = await getDatabase();
  return selectForUpdate(tx, t.claims, claimId);
}
