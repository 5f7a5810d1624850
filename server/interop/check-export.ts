/**
 * Reads a Check workspace export ZIP into what Factdesk can bring in, with a report of everything it could not
 * read. Files are found by name, and a CSV with an unknown name by its header; versions differ in files and
 * columns (../shared/formats/meedan-check-export.md). Nothing is stored here: this is the preview.
 */
import { parse } from "csv-parse/sync";
import { unzipSync } from "fflate";
import { AppError } from "@/lib/errors";
import { checkZip } from "@/server/import/zip-guard";
import { COLUMNS, columnKey, readExplainer, readFactCheck, readItem, readUser, type CheckExplainer, type CheckFactCheck, type CheckItem, type CheckUser, type FileKind, type RowReason } from "./check-rows";

/** An export of a large workspace unpacks to tens of megabytes; anything near this is not one. */
export const MAX_EXPORT_UNPACKED_BYTES = 256 * 1024 * 1024;
/** Rows read per file. */
export const MAX_ROWS = 500_000;

const FILE_NAMES: Record<string, FileKind> = {
  "workspace_data.csv": "workspace",
  "workspace_user_data.csv": "users",
  "workspace_articles_data.csv": "articles",
  "workspace_fact_checks_data.csv": "factChecks",
  "workspace_explainers_data.csv": "explainers",
  "workspace_item_data.csv": "items",
};

export type CheckExport = {
  workspace: { name: string; url: string | null } | null;
  users: CheckUser[];
  factChecks: CheckFactCheck[];
  explainers: CheckExplainer[];
  items: CheckItem[];
  /** Each item status found, with how many items carry it: what the mapping step maps to ratings. */
  statuses: { status: string; items: number }[];
  files: { name: string; kind: FileKind | null; rows: number; unknownColumns: string[]; problem: string | null }[];
  skipped: (RowReason & { file: string })[];
};

export function readCheckExport(zip: Uint8Array): CheckExport {
  const problem = checkZip(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength), MAX_EXPORT_UNPACKED_BYTES);
  if (problem === "damaged") throw new AppError("invalid:check-export", "This file is not a ZIP archive Factdesk can read. Upload the .zip file Check sent, unchanged.");
  if (problem === "too_large") throw new AppError("invalid:check-export", `This archive unpacks to more than ${MAX_EXPORT_UNPACKED_BYTES / 1024 / 1024} MB, more than any Check export; it was not read.`);
  const entries = unzipSync(zip, { filter: (f) => !f.name.endsWith("/") && !/(^|\/)(__MACOSX|\.)/.test(f.name) });
  const out: CheckExport = { workspace: null, users: [], factChecks: [], explainers: [], items: [], statuses: [], files: [], skipped: [] };
  for (const [path, bytes] of Object.entries(entries).sort(([a], [b]) => a.localeCompare(b))) {
    const name = path.split("/").pop()!;
    if (!name.toLowerCase().endsWith(".csv")) {
      out.files.push({ name, kind: null, rows: 0, unknownColumns: [], problem: null });
      continue;
    }
    readFile(out, name, new TextDecoder("utf-8").decode(bytes));
  }
  if (!out.files.some((f) => f.kind !== null)) {
    throw new AppError("invalid:check-export", `No Check export files were found in this archive (such as ${Object.keys(FILE_NAMES).slice(1, 3).join(" or ")}).`);
  }
  const counts = new Map<string, number>();
  for (const item of out.items) if (item.status) counts.set(item.status, (counts.get(item.status) ?? 0) + 1);
  out.statuses = [...counts].map(([status, items]) => ({ status, items })).sort((a, b) => b.items - a.items || a.status.localeCompare(b.status));
  return out;
}

/** Which kind of file a CSV is: by its name, else by its header. */
function kindOf(name: string, keys: string[]): FileKind | null {
  const byName = FILE_NAMES[name.toLowerCase()];
  if (byName) return byName;
  const has = (k: string) => keys.includes(k);
  if (has("media type") || has("media data")) return "items";
  if (has("email") && has("role")) return "users";
  if (has("report status")) return "factChecks";
  if (has("description") && has("title") && has("url")) return "explainers";
  return null;
}

function readFile(out: CheckExport, name: string, source: string): void {
  let records: string[][];
  try {
    records = parse(source, { bom: true, relax_column_count: true, skip_empty_lines: true, to: MAX_ROWS + 1 }) as string[][];
  } catch (error) {
    const where = error instanceof Error && "lines" in error ? ` near line ${String((error as { lines: number }).lines)}` : "";
    out.files.push({ name, kind: null, rows: 0, unknownColumns: [], problem: `It is not valid CSV${where}.` });
    return;
  }
  const [header = [], ...rows] = records;
  const keys = header.map(columnKey);
  const kind = kindOf(name, keys);
  if (!kind) {
    out.files.push({ name, kind: null, rows: rows.length, unknownColumns: [], problem: "Factdesk does not know this file; it was left out." });
    return;
  }
  const { required, optional } = COLUMNS[kind];
  const missing = required.filter((k) => !keys.includes(k));
  const unknownColumns = header.filter((_, i) => !required.includes(keys[i]!) && !optional.includes(keys[i]!));
  if (missing.length) {
    out.files.push({ name, kind, rows: rows.length, unknownColumns, problem: `It has no ${missing.map((m) => `“${m}”`).join(" or ")} column, so it cannot be read.` });
    return;
  }
  out.files.push({ name, kind, rows: Math.min(rows.length, MAX_ROWS), unknownColumns, problem: rows.length > MAX_ROWS ? `Only its first ${MAX_ROWS.toLocaleString("en")} rows were read.` : null });
  rows.slice(0, MAX_ROWS).forEach((values, i) => {
    const row = Object.fromEntries(keys.map((k, j) => [k, values[j] ?? ""]));
    const line = i + 2; // the header is line 1
    const skip = (reason: string) => out.skipped.push({ file: name, row: line, reason });
    if (kind === "workspace") out.workspace ??= { name: row["name"]!.trim(), url: row["url"]?.trim() || null };
    else if (kind === "users") take(readUser(row), out.users, skip);
    else if (kind === "explainers") take(readExplainer(row), out.explainers, skip);
    else if (kind === "items") take(readItem(row), out.items, skip);
    // The first version lists explainers under the fact-checks' header, with five values (ID, Title, Description, URL, Language).
    else if (kind === "articles" && values.length <= 5 && keys.length > 5) take(readExplainer({ id: values[0] ?? "", title: values[1] ?? "", description: values[2] ?? "", url: values[3] ?? "", language: values[4] ?? "" }), out.explainers, skip);
    else take(readFactCheck(row), out.factChecks, skip);
  });
}

function take<T>(result: T | { reason: string }, into: T[], skip: (reason: string) => void): void {
  if (result && typeof result === "object" && "reason" in result) skip(result.reason);
  else into.push(result as T);
}
