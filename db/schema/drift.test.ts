/**
 * The two schema files must describe the same database (DESIGN.md, "Data"),
 * and each dialect's committed migrations must match its schema file. A
 * failure lists every difference, e.g.
 *   column claims.anchor_score: notNull is true in sqlite but false in pg
 */
import fs from "node:fs";
import path from "node:path";
import { index as pgIndex, integer as pgInteger, pgTable, text as pgText, uniqueIndex as pgUniqueIndex } from "drizzle-orm/pg-core";
import { index as sqliteIndex, integer as sqliteInteger, sqliteTable, text as sqliteText } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { ANCHOR_STATUSES, ARTICLE_STATUSES, CLAIM_STATUSES, REVIEW_DECISIONS } from "@/lib/workflow";
import { diffShapes, shapeOfSchema, shapeOfSnapshot, structuralOnly } from "@/testing/schema-shape";
import * as pg from "./pg";
import * as sqlite from "./sqlite";

const sqliteShape = shapeOfSchema(sqlite);
const pgShape = shapeOfSchema(pg);

describe("schema drift between db/schema/sqlite.ts and db/schema/pg.ts", () => {
  it("finds every table the app uses in both files", () => {
    const expected = [
      "article_versions",
      "articles",
      "audit_events",
      "change_signals",
      "check_status_mappings",
      "citation_archives",
      "citations",
      "claim_anchors",
      "claim_links",
      "claim_origins",
      "claims",
      "comments",
      "context_links",
      "corrections",
      "dismissed_suggestions",
      "idempotency_keys",
      "import_batches",
      "import_records",
      "login_failures",
      "notifications",
      "organisation_pages",
      "original_files",
      "prior_fact_checks",
      "publications",
      "ratings",
      "reviews",
      "settings",
      "source_changes",
      "source_fetches",
      "source_snapshots",
      "users",
      "verdicts",
    ];
    expect(Object.keys(sqliteShape).sort()).toEqual(expected);
    expect(Object.keys(pgShape).sort()).toEqual(expected);
  });

  it("has the same exported table names (the query layer reads t.<name> from either)", () => {
    expect(Object.keys(sqlite).sort()).toEqual(Object.keys(pg).sort());
  });

  it("takes the workflow's states from lib/workflow.ts, in both files", () => {
    for (const schema of [sqlite, pg]) {
      expect(schema.articles.status.enumValues).toEqual([...ARTICLE_STATUSES]);
      expect(schema.claims.status.enumValues).toEqual([...CLAIM_STATUSES]);
      expect(schema.claims.anchorStatus.enumValues).toEqual([...ANCHOR_STATUSES]);
      expect(schema.claimAnchors.anchorStatus.enumValues).toEqual([...ANCHOR_STATUSES]);
      expect(schema.reviews.decision.enumValues).toEqual([...REVIEW_DECISIONS]);
    }
  });

  it("has identical tables, columns, nullability, keys, unique constraints, indexes and foreign keys", () => {
    expect(diffShapes(sqliteShape, pgShape, "sqlite", "pg")).toEqual([]);
  });

  it("records a column-level shape worth comparing (guards against a vacuous comparison)", () => {
    expect(sqliteShape.claims!.columns.anchor_score).toEqual({
      notNull: true,
      primaryKey: false,
      key: "anchorScore",
      dataType: "number",
      enumValues: undefined,
      hasDefault: false,
    });
    expect(pgShape.users!.uniques).toEqual(["users_email_unique(email)"]);
    expect(sqliteShape.verdicts!.uniques).toEqual(["verdicts_revision_idx(claim_id,revision)"]);
    expect(pgShape.settings!.columns.key!.primaryKey).toBe(true);
  });

  it("reports drift when a table differs (self-test of the checker)", () => {
    const left = shapeOfSchema({
      things: sqliteTable(
        "things",
        {
          id: sqliteText("id").primaryKey(),
          title: sqliteText("title").notNull(),
          extra: sqliteText("extra"),
          n: sqliteInteger("n").notNull(),
        },
        (t) => [sqliteIndex("things_title_idx").on(t.title)],
      ),
      sqliteOnly: sqliteTable("sqlite_only", { id: sqliteText("id").primaryKey() }),
    });
    const right = shapeOfSchema({
      things: pgTable(
        "things",
        { id: pgText("id"), title: pgText("title"), n: pgInteger("n").notNull() },
        (t) => [pgUniqueIndex("things_n_idx").on(t.n), pgIndex("things_title_index").on(t.title)],
      ),
    });
    expect(diffShapes(left, right, "sqlite", "pg").sort()).toEqual(
      [
        "table sqlite_only exists only in sqlite",
        "column things.extra exists only in sqlite",
        "column things.id: primaryKey is true in sqlite but false in pg",
        "column things.id: notNull is true in sqlite but false in pg",
        "column things.title: notNull is true in sqlite but false in pg",
        "things uniques: things_n_idx(n) only in pg",
        "things indexes: things_title_idx(title) only in sqlite",
        "things indexes: things_title_index(title) only in pg",
      ].sort(),
    );
  });
});

type Journal = { dialect: string; entries: { idx: number; tag: string }[] };

describe.each([
  { dialect: "sqlite", schema: sqliteShape },
  { dialect: "pg", schema: pgShape },
])("migrations for $dialect", ({ dialect, schema }) => {
  const folder = path.join(process.cwd(), "db", "migrations", dialect);
  const journal = JSON.parse(fs.readFileSync(path.join(folder, "meta", "_journal.json"), "utf8")) as Journal;

  it("has a SQL file and a snapshot for every journal entry, and nothing unjournaled", () => {
    expect(journal.entries.length).toBeGreaterThan(0);
    const sqlFiles = fs.readdirSync(folder).filter((f) => f.endsWith(".sql")).sort();
    expect(sqlFiles).toEqual(journal.entries.map((e) => `${e.tag}.sql`).sort());
    const snapshots = fs.readdirSync(path.join(folder, "meta")).filter((f) => f.endsWith("_snapshot.json")).sort();
    expect(snapshots).toEqual(journal.entries.map((e) => `${String(e.idx).padStart(4, "0")}_snapshot.json`).sort());
  });

  it("latest snapshot matches the schema file (run npm run db:generate after a schema change)", () => {
    const last = journal.entries.at(-1)!;
    const snapshot = JSON.parse(fs.readFileSync(path.join(folder, "meta", `${String(last.idx).padStart(4, "0")}_snapshot.json`), "utf8"));
    expect(diffShapes(structuralOnly(schema), shapeOfSnapshot(snapshot), "schema", "migrations")).toEqual([]);
  });
});
