/** Part of db/schema/pg.ts, which re-exports it: the same tables on the other dialect are in the other file. */
import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
// Relative, not "@/": drizzle-kit loads this file.
import { users } from "./pg";

const id = () => text("id").primaryKey();
const ts = (name: string) => timestamp(name, { mode: "date", withTimezone: true, precision: 3 });
const createdAt = () => ts("created_at").notNull().$defaultFn(() => new Date());

/**
 * Failed sign-ins, for rate limiting (server/login-limit.ts). In the
 * database, not in memory, so the limit holds across app instances and
 * restarts. Rows older than the longest window are pruned as new ones come in.
 */
export const loginFailures = pgTable(
  "login_failures",
  {
    id: id(),
    /** The email as typed, trimmed and lower-cased: unknown emails are limited too, so the limit reveals nothing. */
    accountKey: text("account_key").notNull(),
    ip: text("ip").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("login_failures_account_idx").on(t.accountKey, t.createdAt),
    index("login_failures_ip_idx").on(t.ip, t.createdAt),
    index("login_failures_created_idx").on(t.createdAt),
  ],
);

/**
 * One row per create made with an idempotency key (db/queries/idempotency.ts):
 * the key is written in the same transaction as the row it created, so a
 * retry of the same submission finds it and gets the first result back.
 * Rows older than the retention window are pruned as new keys come in.
 * One table for every kind of create keeps the ownership check in one place.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    /** A UUID the client generated once for one intended submission. */
    key: text("key").primaryKey(),
    userId: text("user_id").notNull().references(() => users.id),
    kind: text("kind", { enum: ["article", "claim", "verdict", "comment", "publication"] }).notNull(),
    /** Null only inside the creating transaction, between claiming the key and the insert it guards. */
    entityId: text("entity_id"),
    createdAt: createdAt(),
  },
  // Keys past the retention window are pruned by age as new ones come in: without this the prune scans the table.
  (t) => [index("idempotency_keys_created_idx").on(t.createdAt)],
);
