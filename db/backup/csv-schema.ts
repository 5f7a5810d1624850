/**
 * What the CSV export (./csv-export.ts) holds, derived from the drizzle
 * schema like the NDJSON backup (./tables.ts): every table, every column,
 * in foreign-key order. This file is the one place that decides what is left
 * out, and the export's README says so from the same maps:
 *
 * - Secret columns (SECRET_COLUMNS): anything that lets someone sign in as a
 *   user. A restored user has no password (password_hash is null, which the
 *   app already means as "no password": single sign-on only).
 * - Tables that are secrets or ephemera (LEFT_OUT_TABLES): rate-limit records,
 *   retry keys and cross-process signals describe a running server, not the
 *   organisation's work; a new server starts them afresh.
 *
 * Every other table needs a one-line description (TABLE_DESCRIPTIONS): the
 * tests fail for a new table without one, and for a new column whose name
 * looks like a secret until someone decides (SECRET_COLUMNS or NOT_SECRET).
 */
import { getTableColumns, type Table } from "drizzle-orm";
import { getTableConfig, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import * as pgSchema from "../schema/pg";
import { backupTables, type BackupTable } from "./tables";

export const CSV_EXPORT_FORMAT = "factdesk-csv-export";
export const CSV_EXPORT_VERSION = 1;

/** Left out of the export, with the reason the README gives. */
export const LEFT_OUT_TABLES: Record<string, string> = {
  login_failures: "failed sign-ins kept for rate limiting (typed emails and IP addresses); security records of the running server, pruned within hours",
  idempotency_keys: "one-time keys that let a browser retry a submission safely; they expire with the page that made them",
  change_signals: "counters that tell the app's processes that data changed; a new server starts its own",
};

/** `table.column` → why it is secret. Left out of the export; restored as null. */
export const SECRET_COLUMNS: Record<string, string> = {
  "users.password_hash": "whoever has a password hash can try to guess the password offline",
};

/** Columns whose names look like secrets but are not (SECRET_LOOKING below), so the check does not flag them. */
export const NOT_SECRET = new Set(["article_versions.text_hash"]);

/** Names that suggest a secret: a new column matching this needs a decision before the export tests pass. */
export const SECRET_LOOKING = /pass(word)?|secret|token|hash|salt|api_?key|credential|private/i;

export const TABLE_DESCRIPTIONS: Record<string, string> = {
  users: "People on the desk and their role. No passwords: see \"Users and passwords\".",
  ratings: "The rating scale verdicts choose from (label, value, colour).",
  settings: "Organisation-wide settings by key (name, approval quorum, single sign-on only, language).",
  articles: "Articles under fact-check: source, status, assignee and their current snapshot.",
  article_versions: "Snapshots of an article's text (blocks as JSON); claims are anchored in one of them.",
  claims: "Claims highlighted in an article: the anchor (exact text, prefix, suffix, offsets in code points), statement, claimant and status.",
  claim_anchors: "Where a claim was anchored in earlier snapshots it has since left.",
  verdicts: "Verdict revisions: every version of a claim's rating and rationale, numbered per claim.",
  citations: "Sources cited by a verdict revision, in order.",
  reviews: "Editors' decisions (approve, request changes) on verdict revisions.",
  publications: "Published fact-checks: one per article, with the snapshot readers see.",
  corrections: "Dated corrections to published fact-checks.",
  comments: "Discussion on articles and on single claims.",
  notifications: "In-app notifications (mentions, reviews, assignments) and when each was read.",
  audit_events: "The append-only audit trail: who did what, with the state before and after.",
  organisation_pages: "Organisation pages (methodology, corrections policy, about) in Markdown.",
  claim_links: "Links between claims in different articles that say the same thing, with unlinking kept.",
  dismissed_suggestions: "Check-worthy sentence suggestions a reviewer dismissed, by span in a snapshot.",
  import_batches: "Imports from other tools (ClaimReview, Check): who brought what in, and whether it was undone.",
  prior_fact_checks: "Fact-checks published elsewhere or earlier, brought in by an import, for claim matching.",
  import_records: "Rows an import created outside prior_fact_checks, with their key in the other tool.",
  claim_origins: "What a claim imported from Check was there: media, tags, status and mapped rating.",
  context_links: "Explainers imported from Check, kept as links reviewers can reuse.",
  check_status_mappings: "How each Check status maps to a rating on this desk's scale.",
  original_files: "Files as imported (PDF), byte for byte, for the \"as imported\" view; bytes in base64.",
  source_snapshots: "Archived copies of cited pages: readable text as blocks and the sanitized page, one per SHA-256 of the bytes fetched.",
  source_fetches: "Every fetch of a cited address (on citing and by the link check): final address, HTTP status, outcome and the snapshot it gave.",
  citation_archives: "For each citation, the archived copy it was checked against and whether its quote was found there.",
  source_changes: "What link checks found changed in a cited source (gone, moved, changed, quote no longer found), and who marked it seen.",
};

/**
 * References the schema does not enforce with a foreign key (a pointer to
 * the newest row of a child table, which would make the key order circular).
 * Listed so the README says what they point at.
 */
export const INFORMAL_REFERENCES: Record<string, string> = {
  "articles.current_version_id": "article_versions.id",
  "claims.current_verdict_id": "verdicts.id",
  "claims.approved_verdict_id": "verdicts.id",
  "claims.published_verdict_id": "verdicts.id",
  "publications.headline_rating_id": "ratings.id",
  "corrections.claim_id": "claims.id",
  "corrections.verdict_id": "verdicts.id",
  "corrections.previous_verdict_id": "verdicts.id",
  "claim_links.reused_verdict_id": "verdicts.id",
};

export type ColumnKind = "text" | "integer" | "number" | "boolean" | "json" | "timestamp" | "bytes";

const KINDS: Record<string, ColumnKind> = {
  PgText: "text",
  PgInteger: "integer",
  PgDoublePrecision: "number",
  PgBoolean: "boolean",
  PgJsonb: "json",
  PgTimestamp: "timestamp",
  // bytea (db/schema/pg-sources.ts): the only custom column type.
  PgCustomColumn: "bytes",
};

export type CsvColumn = {
  /** Property name on the drizzle table (what rows are keyed by). */
  prop: string;
  /** Database column name: the CSV header. */
  name: string;
  kind: ColumnKind;
  nullable: boolean;
  primaryKey: boolean;
  /** Allowed values of an enum text column. */
  values?: readonly string[];
  /** `table.column` it points at: a foreign key, or an informal reference (`enforced` false). */
  references?: { target: string; enforced: boolean };
};

export type CsvTable = BackupTable & { file: string; description: string; columns: CsvColumn[]; secretColumns: string[] };

function columnsOf(name: string, table: PgTable): { columns: CsvColumn[]; secret: string[] } {
  const enforced = new Map<string, string>();
  for (const fk of getTableConfig(table).foreignKeys) {
    const ref = fk.reference();
    ref.columns.forEach((c, i) => enforced.set(c.name, `${getTableConfig(ref.foreignTable).name}.${ref.foreignColumns[i]!.name}`));
  }
  const columns: CsvColumn[] = [];
  const secret: string[] = [];
  for (const [prop, column] of Object.entries(getTableColumns(table as Table)) as [string, PgColumn][]) {
    const qualified = `${name}.${column.name}`;
    if (qualified in SECRET_COLUMNS) {
      secret.push(column.name);
      continue;
    }
    const kind = KINDS[column.columnType];
    if (!kind) throw new Error(`export: ${qualified} has the column type ${column.columnType}, which db/backup/csv-schema.ts cannot write to CSV yet`);
    const informal = INFORMAL_REFERENCES[qualified];
    const target = enforced.get(column.name) ?? informal;
    columns.push({
      prop,
      name: column.name,
      kind,
      nullable: !column.notNull,
      primaryKey: column.primary,
      ...(column.enumValues?.length ? { values: column.enumValues } : {}),
      ...(target ? { references: { target, enforced: enforced.has(column.name) } } : {}),
    });
  }
  return { columns, secret };
}

/** The tables in the export, parents first, each with its columns (secret ones removed). */
export function csvTables(): CsvTable[] {
  return backupTables()
    .filter((t) => !(t.name in LEFT_OUT_TABLES))
    .map((t) => {
      const description = TABLE_DESCRIPTIONS[t.name];
      if (!description) throw new Error(`export: the table ${t.name} has no description; add one to TABLE_DESCRIPTIONS in db/backup/csv-schema.ts (or to LEFT_OUT_TABLES, with the reason)`);
      const { columns, secret } = columnsOf(t.name, pgSchema[t.key] as PgTable);
      return { ...t, file: `${t.name}.csv`, description, columns, secretColumns: secret };
    });
}
