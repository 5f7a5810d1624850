/** Part of db/schema/pg.ts, which re-exports it: the same tables on the other dialect are in db/schema/sqlite-prior.ts. */
import { doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
// Relative, not "@/": drizzle-kit loads this file and these are values, not types.
import { IMPORTED_ENTITY_TYPES, IMPORT_KINDS, PRIOR_ORIGINS } from "../../lib/prior-fact-checks";
import { claims, ratings, users } from "./pg";

const ts = (name: string) => timestamp(name, { mode: "date", withTimezone: true, precision: 3 });

/**
 * One import from another tool (a ClaimReview page or file, a Check export): who brought it in and when, so
 * everything it created carries its batch and can be undone together. `undoneAt` is set when it was undone;
 * the row stays, for the audit trail.
 */
export const importBatches = pgTable("import_batches", {
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
export const priorFactChecks = pgTable(
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
    ratingValue: doublePrecision("rating_value"),
    /** The published fact-check; null for a Check fact-check that was never published. */
    url: text("url"),
    datePublished: text("date_published"),
    publisher: text("publisher"),
    /** A Check fact-check's summary; ClaimReview carries none. */
    summary: text("summary"),
    language: text("language"),
    createdAt: ts("created_at").notNull().$defaultFn(() => new Date()),
  },
  (t) => [uniqueIndex("prior_fact_checks_review_idx").on(t.reviewKey), index("prior_fact_checks_batch_idx").on(t.batchId)],
);

/**
 * Every row an import created outside prior_fact_checks (a member, an archive article, a claim, a context link),
 * with the key of what it came from: undo removes exactly these, and the same source row is never imported twice.
 */
export const importRecords = pgTable(
  "import_records",
  {
    id: text("id").primaryKey(),
    batchId: text("batch_id").notNull().references(() => importBatches.id),
    entityType: text("entity_type", { enum: IMPORTED_ENTITY_TYPES }).notNull(),
    entityId: text("entity_id").notNull(),
    /** What it was in the other tool (a Check item id, a member's email…): unique per kind of row. */
    sourceKey: text("source_key").notNull(),
  },
  (t) => [uniqueIndex("import_records_source_idx").on(t.entityType, t.sourceKey), index("import_records_batch_idx").on(t.batchId)],
);

/**
 * What a claim brought in from Check was there: its media, tags, status and, when the status maps to a rating,
 * that rating. An earlier verdict of another tool, shown in claim matching; never a Factdesk verdict (nobody here
 * wrote or approved it), so it never reaches readers.
 */
export const claimOrigins = pgTable("claim_origins", {
  claimId: text("claim_id").primaryKey().references(() => claims.id),
  batchId: text("batch_id").notNull().references(() => importBatches.id),
  /** The Check workspace it came from, named as the export names it: who checked it. */
  workspace: text("workspace").notNull(),
  checkId: text("check_id"),
  mediaType: text("media_type"),
  mediaData: text("media_data"),
  tags: jsonb("tags").$type<string[]>().notNull(),
  checkStatus: text("check_status"),
  ratingId: text("rating_id").references(() => ratings.id),
  /** When the item was created in Check (ISO), and the address of its published fact-check, when one matched. */
  checkedAt: text("checked_at"),
  factCheckUrl: text("fact_check_url"),
});

/** A Check explainer: background the organisation wrote, kept as a link reviewers can find and reuse. */
export const contextLinks = pgTable(
  "context_links",
  {
    id: text("id").primaryKey(),
    batchId: text("batch_id").references(() => importBatches.id),
    title: text("title").notNull(),
    description: text("description").notNull(),
    url: text("url"),
    language: text("language"),
    createdAt: ts("created_at").notNull().$defaultFn(() => new Date()),
  },
  (t) => [index("context_links_batch_idx").on(t.batchId)],
);

/** How a Check status maps to this desk's scale, remembered for the next import: a rating, or null for "not a verdict". */
export const checkStatusMappings = pgTable("check_status_mappings", {
  status: text("status").primaryKey(),
  ratingId: text("rating_id").references(() => ratings.id),
  updatedBy: text("updated_by").notNull().references(() => users.id),
  updatedAt: ts("updated_at").notNull().$defaultFn(() => new Date()),
});
