/** Part of db/schema/pg.ts, which re-exports it: the same tables on the other dialect are in the other file. */
import { customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { Block } from "@/lib/anchoring/text";
// Relative, not "@/": drizzle-kit loads this file.
import { FETCH_OUTCOMES, FETCH_PURPOSES, QUOTE_STATUSES, SOURCE_CHANGE_KINDS } from "../../lib/sources";
import { citations, users } from "./pg";

const id = () => text("id").primaryKey();
const ts = (name: string) => timestamp(name, { mode: "date", withTimezone: true, precision: 3 });
// Bytes come back as a Buffer, as blob columns do on SQLite.
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });
const createdAt = () => ts("created_at").notNull().$defaultFn(() => new Date());

/** An original file as imported (a PDF), kept byte for byte for the "as imported" view; deduplicated by hash. */
export const originalFiles = pgTable("original_files", {
  id: id(),
  sha256: text("sha256").notNull().unique(),
  contentType: text("content_type").notNull(),
  fileName: text("file_name").notNull(),
  byteSize: integer("byte_size").notNull(),
  bytes: bytea("bytes").notNull(),
  createdBy: text("created_by").notNull().references(() => users.id),
  createdAt: createdAt(),
});

/** What an archived page said: immutable, deduplicated by the SHA-256 of the bytes fetched. */
export const sourceSnapshots = pgTable("source_snapshots", {
  id: id(),
  sha256: text("sha256").notNull().unique(),
  contentType: text("content_type").notNull(),
  byteSize: integer("byte_size").notNull(),
  title: text("title"),
  /** The readable text as blocks, what quotes are looked up in and what /sources/<id> shows. */
  blocks: jsonb("blocks").$type<Block[]>().notNull(),
  /** The sanitized page, for a sandboxed frame only; null for PDF. */
  html: text("html"),
  createdAt: createdAt(),
});

/** One fetch of a cited address, kept as it happened (never edited). */
export const sourceFetches = pgTable(
  "source_fetches",
  {
    id: id(),
    url: text("url").notNull(),
    finalUrl: text("final_url"),
    httpStatus: integer("http_status"),
    outcome: text("outcome", { enum: FETCH_OUTCOMES }).notNull(),
    /** A plain reason when nothing was archived ("The server answered 404."). */
    message: text("message"),
    snapshotId: text("snapshot_id").references(() => sourceSnapshots.id),
    purpose: text("purpose", { enum: FETCH_PURPOSES }).notNull(),
    fetchedAt: ts("fetched_at").notNull(),
  },
  (t) => [index("source_fetches_url_idx").on(t.url, t.fetchedAt)],
);

/** A citation's archived copy and whether its quote is in it. */
export const citationArchives = pgTable(
  "citation_archives",
  {
    citationId: text("citation_id").primaryKey().references(() => citations.id),
    fetchId: text("fetch_id").references(() => sourceFetches.id),
    quoteStatus: text("quote_status", { enum: QUOTE_STATUSES }).notNull(),
    /** The passage the quote was closest to, when "close" (for the word diff). */
    quoteMatch: text("quote_match"),
    checkedAt: ts("checked_at"),
    createdAt: createdAt(),
  },
  // By status: pending rows are the outbox the archive jobs are queued from.
  (t) => [index("citation_archives_fetch_idx").on(t.fetchId), index("citation_archives_status_idx").on(t.quoteStatus, t.createdAt)],
);

/** What a link check found changed for a citation; the desk lists open ones, readers see nothing by itself. */
export const sourceChanges = pgTable(
  "source_changes",
  {
    id: id(),
    citationId: text("citation_id").notNull().references(() => citations.id),
    fetchId: text("fetch_id").notNull().references(() => sourceFetches.id),
    kind: text("kind", { enum: SOURCE_CHANGE_KINDS }).notNull(),
    detectedAt: ts("detected_at").notNull(),
    resolvedAt: ts("resolved_at"),
    resolvedBy: text("resolved_by").references(() => users.id),
  },
  (t) => [
    uniqueIndex("source_changes_citation_kind_idx").on(t.citationId, t.kind, t.fetchId),
    index("source_changes_open_idx").on(t.resolvedAt, t.detectedAt),
  ],
);
