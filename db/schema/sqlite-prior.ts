/** Part of db/schema/sqlite.ts, which re-exports it: the same tables on the other dialect are in db/schema/pg-prior.ts. */
import { index, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
// Relative, not "@/": drizzle-kit loads this file and these are values, not types.
import { IMPORT_KINDS, PRIOR_ORIGINS } from "../../lib/prior-fact-checks";
import { users } from "./sqlite";

const ts = (name: string) => integer(name, { mode: "timestamp_ms" });

/**
 * One import from another tool (a ClaimReview page or file, a Check export): who brought it in and when, so
 * everything it created carries its batch and can be undone together. `undoneAt` is set when it was undone;
 * the row stays, for the audit trail.
 */
export const importBatches = sqliteTable("import_batches", {
  id: text("id").primaryKey(),
  kind: text("kind", { enum: IMPORT_KINDS }).notNull(),
  /** What was imported, as the person gave it: a web address or a file name. */
  label: text("label").notNull(),
  createdBy: text("created_by").notNull().references(() => users.id),
  createdAt: ts("created_at").notNull().$defaultFn(() => new Date()),
  itemCount: integer("item_count").notNull().default(0),
  undoneAt: ts("undone_at"),
});

/**
 * A fact-check published elsewhere (or by this desk in an earlier tool): the claim, its rating and the link.
 * Read-only once imported; the same review (web address and claim) is stored once, whatever the batch.
 */
export const priorFactChecks = sqliteTable(
  "prior_fact_checks",
  {
    id: text("id").primaryKey(),
    batchId: text("batch_id").notNull().references(() => importBatches.id),
    origin: text("origin", { enum: PRIOR_ORIGINS }).notNull(),
    /** SHA-256 of the web address and the claim: the same review is stored once (a hash, since claims can be long). */
    reviewKey: text("review_key").notNull(),
    claim: text("claim").notNull(),
    claimant: text("claimant"),
    ratingLabel: text("rating_label"),
    /** On this desk's 1–5 scale, from the review's own bounds; null when it gave no number. */
    ratingValue: real("rating_value"),
    url: text("url").notNull(),
    datePublished: text("date_published"),
    publisher: text("publisher"),
    language: text("language"),
    createdAt: ts("created_at").notNull().$defaultFn(() => new Date()),
  },
  (t) => [uniqueIndex("prior_fact_checks_review_idx").on(t.reviewKey), index("prior_fact_checks_batch_idx").on(t.batchId)],
);
