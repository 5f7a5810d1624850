/**
 * The README.md at the top of every CSV export, generated from the schema
 * (./csv-schema.ts) so it always describes exactly the files next to it:
 * what each file holds, each column's type, whether it may be empty and what
 * it refers to, plus what was left out and why.
 */
import { LEFT_OUT_TABLES, SECRET_COLUMNS, type CsvColumn, type CsvTable } from "./csv-schema";

const TYPE_NAMES: Record<CsvColumn["kind"], string> = {
  text: "text",
  integer: "whole number",
  number: "number",
  boolean: "true / false",
  json: "JSON",
  timestamp: "time (ISO 8601, UTC)",
  bytes: "bytes (base64)",
};

/** Mirrors ./csv-values.ts, which implements them. */
const VALUE_RULES = [
  "Every file is CSV as in RFC 4180: UTF-8 without a byte-order mark, comma-separated, CRLF line ends, a header line of database column names. A field holding a comma, a double quote or a line break is quoted with double quotes, and quotes inside it are doubled.",
  "**Empty fields:** an empty, unquoted field means *no value* (SQL null). An empty text is written as an empty quoted field (`\"\"`), so the two stay apart. In a column that cannot be null, an empty field is read as the empty text.",
  "**Times** are ISO 8601 in UTC with milliseconds, e.g. `2026-03-01T09:30:00.000Z`.",
  "**True / false** columns hold `true` or `false`. **Numbers** use `.` for decimals, no thousands separators.",
  "**JSON** columns hold JSON text (an article snapshot's blocks, an audit event's before and after). **Bytes** (an imported PDF) are base64.",
  "**Ids** are opaque text. A column that refers to another file's id is listed under *Refers to*; *(not enforced)* marks a reference the database does not check with a foreign key.",
  "**Claim offsets** (`start`, `end` in claims.csv and claim_anchors.csv) count Unicode code points in the snapshot's canonical text, not bytes or UTF-16 units.",
  "Values are written as stored. A spreadsheet may read a field starting with `=`, `+`, `-` or `@` as a formula: import the files as text rather than opening them directly.",
];

function typeOf(column: CsvColumn): string {
  const type = column.values ? `text: one of ${column.values.map((v) => `\`${v}\``).join(", ")}` : TYPE_NAMES[column.kind];
  return column.primaryKey ? `${type} (primary key)` : type;
}

function refersTo(column: CsvColumn): string {
  if (!column.references) return "";
  const [table, col] = column.references.target.split(".");
  return `${table}.csv \`${col}\`${column.references.enforced ? "" : " (not enforced)"}`;
}

const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", " ");

export function exportReadme(tables: CsvTable[]): string {
  const out: string[] = [
    "# Factdesk export",
    "",
    "The whole organisation from one Factdesk: one CSV file per table, plus `manifest.json` (when the export was made, from which database and migration level, and how many rows each file has) and this file.",
    "",
    "Restore it into an empty Factdesk with `npm run restore:export -- <this file.zip>` (DATABASE_URL picks the database, SQLite or PostgreSQL, either way round). Restoring adds the files in the order below, parents before the rows that refer to them, all in one transaction.",
    "",
    "## Files",
    "",
    "| File | What it holds |",
    "| --- | --- |",
    ...tables.map((t) => `| ${t.file} | ${cell(t.description)} |`),
    "| manifest.json | Format name and version, migration level, time of export, source database kind, row count of every file. |",
    "",
    "## How values are written",
    "",
    ...VALUE_RULES.map((rule) => `- ${rule}`),
    "",
    "## Users and passwords",
    "",
    "users.csv has no password hashes, so after a restore nobody can sign in with a password (`password_hash` is empty, which Factdesk treats as \"no password\").",
    "People who sign in through single sign-on keep doing so: their provider link (`oidc_issuer`, `oidc_subject`) is in the file.",
    "Give the first admin a password while restoring: `npm run restore:export -- <file.zip> --password-for <admin email>` (it asks for the password). That admin then gives everyone else one with **Set password** on Admin → Users.",
    "",
    "## Left out, and why",
    "",
    "Columns left out of their file (secrets):",
    "",
    ...Object.entries(SECRET_COLUMNS).map(([column, why]) => `- \`${column}\`: ${why}.`),
    "",
    "Tables left out entirely (secrets or short-lived records of the running server, not the organisation's work):",
    "",
    ...Object.entries(LEFT_OUT_TABLES).map(([table, why]) => `- \`${table}\`: ${why}.`),
    "",
    "## Columns",
  ];
  for (const t of tables) {
    out.push("", `### ${t.file}`, "", cell(t.description), "", "| Column | Type | Can be empty | Refers to |", "| --- | --- | --- | --- |");
    for (const c of t.columns) out.push(`| \`${c.name}\` | ${cell(typeOf(c))} | ${c.nullable ? "yes" : "no"} | ${refersTo(c)} |`);
    if (t.secretColumns.length) out.push("", `Left out: ${t.secretColumns.map((c) => `\`${c}\``).join(", ")} (see "Left out, and why").`);
  }
  return `${out.join("\n")}\n`;
}
