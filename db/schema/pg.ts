/**
 * PostgreSQL schema. Table and column names must match db/schema/sqlite.ts exactly
 * (db/schema/drift.test.ts enforces it); JS-side types line up too, so one
 * query layer serves both dialects.
 */
import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { Block } from "@/lib/text";

const id = () => text("id").primaryKey();
const ts = (name: string) => timestamp(name, { mode: "date", withTimezone: true, precision: 3 });
// Timestamps come from the app (UTC), never from the database clock, so both dialects agree.
const createdAt = () => ts("created_at").notNull().$defaultFn(() => new Date());
const version = () => integer("version").notNull().default(1);

export const users = pgTable("users", {
  id: id(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: ["reviewer", "editor", "admin"] }).notNull(),
  passwordHash: text("password_hash"),
  active: boolean("active").notNull().default(true),
  createdAt: createdAt(),
  version: version(),
});

export const ratings = pgTable("ratings", {
  id: id(),
  label: text("label").notNull().unique(),
  value: integer("value").notNull(),
  colour: text("colour").notNull(),
  description: text("description").notNull(),
  position: integer("position").notNull(),
  version: version(),
});

export const articles = pgTable(
  "articles",
  {
    id: id(),
    title: text("title").notNull(),
    sourceUrl: text("source_url"),
    publisher: text("publisher"),
    author: text("author"),
    sourcePublishedOn: text("source_published_on"),
    status: text("status", { enum: ["draft", "in_review", "awaiting_approval", "approved", "published"] }).notNull(),
    currentVersionId: text("current_version_id"),
    createdBy: text("created_by").notNull().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull(),
    version: version(),
  },
  (t) => [index("articles_status_idx").on(t.status, t.updatedAt)],
);

export const articleVersions = pgTable(
  "article_versions",
  {
    id: id(),
    articleId: text("article_id").notNull().references(() => articles.id),
    number: integer("number").notNull(),
    blocks: jsonb("blocks").$type<Block[]>().notNull(),
    textHash: text("text_hash").notNull(),
    createdBy: text("created_by").notNull().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("article_versions_number_idx").on(t.articleId, t.number),
    index("article_versions_hash_idx").on(t.textHash),
  ],
);

export const claims = pgTable(
  "claims",
  {
    id: id(),
    articleId: text("article_id").notNull().references(() => articles.id),
    versionId: text("version_id").notNull().references(() => articleVersions.id),
    exact: text("exact").notNull(),
    prefix: text("prefix").notNull(),
    suffix: text("suffix").notNull(),
    start: integer("start").notNull(),
    end: integer("end").notNull(),
    anchorStatus: text("anchor_status", { enum: ["anchored", "moved", "needs_review", "orphaned"] }).notNull(),
    anchorScore: doublePrecision("anchor_score").notNull(),
    statement: text("statement").notNull(),
    status: text("status", { enum: ["open", "verdict_proposed", "changes_requested", "approved", "excluded"] }).notNull(),
    exclusionReason: text("exclusion_reason"),
    currentVerdictId: text("current_verdict_id"),
    createdBy: text("created_by").notNull().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull(),
    version: version(),
  },
  (t) => [index("claims_article_idx").on(t.articleId, t.start), index("claims_status_idx").on(t.status)],
);

export const verdicts = pgTable(
  "verdicts",
  {
    id: id(),
    claimId: text("claim_id").notNull().references(() => claims.id),
    revision: integer("revision").notNull(),
    ratingId: text("rating_id").notNull().references(() => ratings.id),
    rationale: text("rationale").notNull(),
    authorId: text("author_id").notNull().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("verdicts_revision_idx").on(t.claimId, t.revision)],
);

export const citations = pgTable(
  "citations",
  {
    id: id(),
    verdictId: text("verdict_id").notNull().references(() => verdicts.id),
    position: integer("position").notNull(),
    url: text("url").notNull(),
    title: text("title").notNull(),
    publisher: text("publisher"),
    publishedOn: text("published_on"),
    quote: text("quote"),
    stance: text("stance", { enum: ["supports", "refutes", "context"] }).notNull(),
    kind: text("kind", { enum: ["study", "agency", "news", "expert", "other"] }).notNull(),
    archiveUrl: text("archive_url"),
  },
  (t) => [index("citations_verdict_idx").on(t.verdictId, t.position)],
);

export const reviews = pgTable(
  "reviews",
  {
    id: id(),
    verdictId: text("verdict_id").notNull().references(() => verdicts.id),
    editorId: text("editor_id").notNull().references(() => users.id),
    decision: text("decision", { enum: ["approved", "changes_requested"] }).notNull(),
    comment: text("comment").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("reviews_verdict_idx").on(t.verdictId)],
);

export const publications = pgTable("publications", {
  id: id(),
  articleId: text("article_id").notNull().unique().references(() => articles.id),
  slug: text("slug").notNull().unique(),
  summary: text("summary").notNull(),
  versionId: text("version_id").notNull().references(() => articleVersions.id),
  publishedBy: text("published_by").notNull().references(() => users.id),
  publishedAt: ts("published_at").notNull(),
  updatedAt: ts("updated_at").notNull(),
  live: boolean("live").notNull().default(true),
  version: version(),
});

export const corrections = pgTable("corrections", {
  id: id(),
  publicationId: text("publication_id").notNull().references(() => publications.id),
  note: text("note").notNull(),
  createdBy: text("created_by").notNull().references(() => users.id),
  createdAt: createdAt(),
});

export const auditEvents = pgTable(
  "audit_events",
  {
    id: id(),
    actorId: text("actor_id").references(() => users.id),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: jsonb("before").$type<unknown>(),
    after: jsonb("after").$type<unknown>(),
    createdAt: createdAt(),
  },
  (t) => [index("audit_entity_idx").on(t.entityType, t.entityId), index("audit_created_idx").on(t.createdAt)],
);

export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  version: version(),
});

/**
 * A reviewer's statement that two claims (in different articles) say the same
 * thing. Undoing a link sets removed_at instead of deleting, so the history
 * stays readable next to the audit trail.
 */
export const claimLinks = pgTable(
  "claim_links",
  {
    id: id(),
    claimId: text("claim_id").notNull().references(() => claims.id),
    matchedClaimId: text("matched_claim_id").notNull().references(() => claims.id),
    reusedVerdictId: text("reused_verdict_id"),
    createdBy: text("created_by").notNull().references(() => users.id),
    createdAt: createdAt(),
    removedBy: text("removed_by").references(() => users.id),
    removedAt: ts("removed_at"),
  },
  (t) => [index("claim_links_claim_idx").on(t.claimId), index("claim_links_matched_idx").on(t.matchedClaimId)],
);

/** A check-worthy suggestion a reviewer dismissed, by its span in one snapshot (suggestions are computed, not stored). */
export const dismissedSuggestions = pgTable(
  "dismissed_suggestions",
  {
    id: id(),
    articleId: text("article_id").notNull().references(() => articles.id),
    versionId: text("version_id").notNull().references(() => articleVersions.id),
    start: integer("start").notNull(),
    end: integer("end").notNull(),
    createdBy: text("created_by").notNull().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("dismissed_suggestions_span_idx").on(t.versionId, t.start, t.end), index("dismissed_suggestions_article_idx").on(t.articleId)],
);
