import "server-only";
import { asc, count } from "drizzle-orm";
import { newId } from "@/lib/ids";
import { DEFAULT_RATING_SCALE } from "@/lib/rating-scale";
import { getDatabase, type Db } from "../client";

export type Rating = typeof import("../schema/pg").ratings.$inferSelect;

export async function listRatings(): Promise<Rating[]> {
  const { db, t } = await getDatabase();
  return db.select().from(t.ratings).orderBy(asc(t.ratings.position));
}

/** Installs the default scale on an empty database; a no-op once any rating exists. */
export async function ensureDefaultRatings(tx?: Db): Promise<void> {
  const database = await getDatabase();
  const { t } = database;
  const run = async (q: Db) => {
    const [row] = await q.select({ n: count() }).from(t.ratings);
    if (Number(row?.n ?? 0) > 0) return;
    await q.insert(t.ratings).values(DEFAULT_RATING_SCALE.map((r, position) => ({ id: newId(), ...r, position })));
  };
  if (tx) await run(tx);
  else await database.transaction(run);
}
