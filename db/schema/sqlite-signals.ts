/** Part of db/schema/sqlite.ts, which re-exports it: the same table on the other dialect is in the other file. */
import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Counters that say "this changed" across processes: every instance of the
 * app watches them (db/change-signal.ts) and drops its caches of that data
 * when one moves. One row per kind of data ("public-data").
 */
export const changeSignals = sqliteTable("change_signals", {
  name: text("name").primaryKey(),
  version: integer("version").notNull().default(0),
});
