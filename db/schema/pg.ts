/**
 * PostgreSQL schema. Table and column names must match db/schema/sqlite.ts exactly
 * (db/schema/drift.test.ts enforces it); JS-side types line up too, so one
 * query layer serves both dialects.
 */
import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { Block } from "@/lib/anchoring/text";
// Relative, not "@/": drizzle-kit loads this file and these are values, not types.
import { CLAIMANT_KINDS } from "../../lib/claimant";
import { ROLES } from "../../lib/permissions";
import { ANCHOR_STATUSES, ARTICLE_STATUSES, CLAIM_STATUSES, REVIEW_DECISIONS } from "../../lib/workflow";
import { CITATION_KINDS, STANCES } from "../../lib/validation/verdict";
import { originalFiles } from "./pg-sources";

// Not domain data: how app processes tell each other that data changed (its own file, one concept per file).
export { changeSignals } from "./pg-signals";
// Fact-checks brought in from other tools, with the import that brought them (their own file, one concept per file).
export { checkStatusMappings, claimOrigins, contextLinks, importBatches, importRecords, priorFactChecks } from "./pg-prior";
// Guards on requests, not domain data: failed sign-ins and idempotency keys (their own file, one concept per file).
export { idempotencyKeys, loginFailures } from "./pg-guards";
// Copies of outside documents: imported originals and archived sources, with their checks (their own file, one concept per file).
export { citationArchives, originalFiles, sourceChanges, sourceFetches, sourceSnapshots } from "./pg-sources";

const id = () => text("id").primaryKey();
const ts = (name: string) => timestamp(name, { mode: "date", withTimezone: true, precision: 3 });
// Timestamps come from the app (UTC), never from the database clock, so both dialects agree.
const createdAt = () => ts("created_at").notNull().$defaultFn(() => new Date());
const version = () => integer("version").notNull().default(1);

/**
 * Who made a claim and where it appeared (DESIGN.md "claimant"). On claims it is
 * the working copy; on verdict revisions, the reviewed copy readers see.
 */
const claimantColumns = () => ({
  claimantName: text("claimant_name"),
  claimantKind: text("claimant_kind", { enum: CLAIMANT_KINDS }).notNull().default("person"),
  claimantRole: text("claimant_role"),
  appearanceUrl: text("appearance_url"),
  appearanceDate: text("appearance_date"),
});

export const users = pgTable("users", {
  id: id(),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  passwordHash: text("password_hash"),
  active: boolean("active").notNull().default(true),
  createdAt: createdAt(),
  version: version(),
  /**
   * Every session token carries the value this had at sign-in; a token with an older value is refused.
   * Signing out, an admin's "sign out everywhere", a deactivation and a role change raise it, which ends
   * all of the user's sessions (per user, not per device: no session table to keep).
   */
  sessionVersion: integer("session_version").notNull().default(0),
  /**
   * The identity-provider account linked to this user: the provider's stable
   * subject (issuer + sub), written at the first single sign-on (matched then
   * by a verified email) and used alone afterwards, so a change of the
   * provider account's email neither loses the user nor hands the account to
   * whoever takes the address next. Null until then.
   */
  oidcIssuer: text("oidc_issuer"),
  oidcSubject: text("oidc_subject"),
}, (t) => [index("users_oidc_subject_idx").on(t.oidcIssuer, t.oidcSubject)]);

export const ratings = pgTable("ratings", {
  id: id(),
  label: text("label").notNull().unique(),
  value: integer("value").notNull(),
  colour: text("colour").notNull(),
  description: text("description").notNull(),
  position: integer("position").notNull(),
  version: version(),
  /** Hidden labels stay on the verdicts that use them but are no longer offered in pickers. */
  hidden: boolean("hidden").notNull().default(false),
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
    status: text("status", { enum: ARTICLE_STATUSES }).notNull(),
    currentVersionId: text("current_version_id"),
    createdBy: text("created_by").notNull().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull(),
    version: version(),
    /** The source page's own canonical URL (duplicate detection); null for files and pastes. */
    canonicalUrl: text("canonical_url"),
    /** BCP 47 language of the source, from the page. */
    language: text("language"),
    assigneeId: text("assignee_id").references(() => users.id),
  },
  (t) => [index("articles_status_idx").on(t.status, t.updatedAt), index("articles_canonical_url_idx").on(t.canonicalUrl)],
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
    /** Sanitized HTML of the source page, for the "as imported" view only (never rendered outside a sandboxed frame). */
    sourceHtml: text("source_html"),
    /** How this snapshot came in: "url", "file" or "paste", then ": " and the URL or file name. */
    origin: text("origin"),
    /** The file as imported (a PDF), for the "as imported" view; null for pages, text and pastes. */
    originalFileId: text("original_file_id").references(() => originalFiles.id),
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
    anchorStatus: text("anchor_status", { enum: ANCHOR_STATUSES }).notNull(),
    anchorScore: doublePrecision("anchor_score").notNull(),
    statement: text("statement").notNull(),
    status: text("status", { enum: CLAIM_STATUSES }).notNull(),
    exclusionReason: text("exclusion_reason"),
    currentVerdictId: text("current_verdict_id"),
    createdBy: text("created_by").notNull().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull(),
    version: version(),
    assigneeId: text("assignee_id").references(() => users.id),
    /** The last approved revision: what the public sees while a newer revision awaits approval. */
    approvedVerdictId: text("approved_verdict_id"),
    /**
     * The revision readers see: set when the fact-check is published and, after that, only when an
     * editor approves a revision (with a dated correction). Public queries read this, never the live row.
     */
    publishedVerdictId: text("published_verdict_id"),
    /**
     * The claim's number within its article, in the order claims were created (1, 2, 3…). It never changes, so
     * "claim 7" means the same claim in a comment, an approval or a conversation after claims are added above it;
     * the position in the text is shown beside it. Assigned under the article's row lock (createClaim).
     */
    number: integer("number").notNull().default(0),
    ...claimantColumns(),
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
    /** Required for revisions made after publication; becomes the public correction once approved. */
    correctionNote: text("correction_note"),
    /** The claim as this revision states it: once approved, readers see these, never the claim's editable row. */
    statement: text("statement").notNull().default(""),
    ...claimantColumns(),
    /** Set when this revision takes the claim off the public fact-check (a reviewed exclusion), with the reason. */
    withdrawnReason: text("withdrawn_reason"),
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
    /** Where in the source the quote is: "p. 12", "at 12:34", "Table 3". */
    locator: text("locator"),
    stance: text("stance", { enum: STANCES }).notNull(),
    kind: text("kind", { enum: CITATION_KINDS }).notNull(),
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
    decision: text("decision", { enum: REVIEW_DECISIONS }).notNull(),
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
  /** The editor's rating for the article as a whole, chosen at publish time. */
  headlineRatingId: text("headline_rating_id"),
});

export const corrections = pgTable("corrections", {
  id: id(),
  publicationId: text("publication_id").notNull().references(() => publications.id),
  note: text("note").notNull(),
  createdBy: text("created_by").notNull().references(() => users.id),
  createdAt: createdAt(),
  /** Set when the correction revised a claim's verdict: which claim, and the verdicts before and after. */
  claimId: text("claim_id"),
  verdictId: text("verdict_id"),
  previousVerdictId: text("previous_verdict_id"),
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
 * Where a claim was anchored in snapshots it has left: written when a new
 * snapshot re-anchors the claim, so the reviewer can compare, keep the claim
 * on its old snapshot, and public pages can show a claim on the snapshot
 * that was published.
 */
export const claimAnchors = pgTable(
  "claim_anchors",
  {
    id: id(),
    claimId: text("claim_id").notNull().references(() => claims.id),
    versionId: text("version_id").notNull().references(() => articleVersions.id),
    exact: text("exact").notNull(),
    prefix: text("prefix").notNull(),
    suffix: text("suffix").notNull(),
    start: integer("start").notNull(),
    end: integer("end").notNull(),
    anchorStatus: text("anchor_status", { enum: ANCHOR_STATUSES }).notNull(),
    anchorScore: doublePrecision("anchor_score").notNull(),
    createdBy: text("created_by").notNull().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("claim_anchors_claim_idx").on(t.claimId, t.versionId)],
);

/** Discussion on an article, or on one claim of it (claim_id set). Comments are never edited. */
export const comments = pgTable(
  "comments",
  {
    id: id(),
    articleId: text("article_id").notNull().references(() => articles.id),
    claimId: text("claim_id").references(() => claims.id),
    authorId: text("author_id").notNull().references(() => users.id),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("comments_thread_idx").on(t.articleId, t.claimId, t.createdAt)],
);

/** In-app notifications: someone mentioned you, reviewed your verdict, or assigned you work. */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    userId: text("user_id").notNull().references(() => users.id),
    kind: text("kind", { enum: ["mention", "review", "assignment"] }).notNull(),
    actorId: text("actor_id").references(() => users.id),
    articleId: text("article_id").references(() => articles.id),
    claimId: text("claim_id").references(() => claims.id),
    message: text("message").notNull(),
    createdAt: createdAt(),
    readAt: ts("read_at"),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.readAt, t.createdAt)],
);

/** Organisation pages (IFCN transparency): methodology, corrections policy, about; markdown edited by admins. */
export const organisationPages = pgTable("organisation_pages", {
  id: id(),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  body: text("body").notNull(),
  updatedBy: text("updated_by").references(() => users.id),
  updatedAt: ts("updated_at").notNull(),
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

/**
 * A check-worthy suggestion a reviewer dismissed, by its span in one snapshot and the version of the model that
 * suggested it (suggestions are computed, not stored): a retrained model may offer the sentence again.
 */
export const dismissedSuggestions = pgTable(
  "dismissed_suggestions",
  {
    id: id(),
    articleId: text("article_id").notNull().references(() => articles.id),
    versionId: text("version_id").notNull().references(() => articleVersions.id),
    start: integer("start").notNull(),
    end: integer("end").notNull(),
    /** lib/check-worthy's MODEL_VERSION when dismissed; "rules" for dismissals of the hand-written rules that came before the model. */
    modelVersion: text("model_version").notNull().default("rules"),
    createdBy: text("created_by").notNull().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("dismissed_suggestions_span_idx").on(t.versionId, t.start, t.end, t.modelVersion), index("dismissed_suggestions_article_idx").on(t.articleId)],
);
