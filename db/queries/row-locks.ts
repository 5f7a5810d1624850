import "server-only";
import { eq } from "drizzle-orm";
import { getDatabase, type Db } from "../client";

type Tables = typeof import("../schema/pg");
type Claim = Tables["claims"]["$inferSelect"];

/**
 * Reads a claim inside a write transaction and holds it until commit.
 *
 * Why: saves that derive new state from the claim (next verdict revision,
 * approvals counted so far) must not run side by side on one claim. On
 * Postgres (READ COMMITTED) two transactions would both read the same state:
 * the second proposal then hit the unique revision index with a raw error,
 * and two concurrent reviews both succeeded, each blind to the other (a lost
 * approval, or an approval and a send-back both recorded). FOR UPDATE makes
 * the second transaction wait and then read what the first committed. On
 * SQLite the writer mutex in db/client.ts already runs write transactions one
 * at a time, and its select builder has no FOR UPDATE.
 */
export async function selectClaimForUpdate(tx: Db, claimId: string): Promise<Claim | undefined> {
  const { dialect, t } = await getDatabase();
  const query = tx.select().from(t.claims).where(eq(t.claims.id, claimId));
  const [claim] = dialect === "postgres" ? await query.for("update") : await query;
  return claim;
}
