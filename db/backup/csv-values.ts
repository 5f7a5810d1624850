/**
 * How values are written to and read from the export's CSV files (RFC 4180:
 * comma-separated, CRLF line ends, fields quoted with " when they hold a
 * comma, a quote or a line break, quotes doubled). The rules, which the
 * README repeats (./csv-readme.ts VALUE_RULES):
 *
 * - null is an empty field; an empty text is an empty quoted field (""), so
 *   the two stay apart through a round trip. Where a text column cannot be
 *   null, an empty field reads as the empty text (spreadsheets drop the quotes).
 * - timestamps: ISO 8601 in UTC with milliseconds (2026-03-01T09:30:00.000Z);
 * - booleans: true / false; numbers: as JavaScript prints them (. decimals);
 * - JSON columns: the JSON text; bytes: base64.
 */
import type { ColumnKind, CsvColumn } from "./csv-schema";

const NEEDS_QUOTES = /[",\r\n]/;

function quote(text: string): string {
  return text === "" || NEEDS_QUOTES.test(text) || text.trim() !== text ? `"${text.replaceAll('"', '""')}"` : text;
}

function encodeValue(value: unknown, kind: ColumnKind): string {
  if (value === null || value === undefined) return "";
  switch (kind) {
    case "timestamp":
      return (value instanceof Date ? value : new Date(value as string)).toISOString();
    case "boolean":
      return value ? "true" : "false";
    case "json":
      return quote(JSON.stringify(value));
    case "bytes":
      return Buffer.from(value as Uint8Array).toString("base64");
    case "integer":
    case "number":
      return String(value);
    default:
      return quote(String(value));
  }
}

/** One CSV line (with its CRLF) for a row, in the columns' order. */
export function csvLine(row: Record<string, unknown>, columns: CsvColumn[]): string {
  return `${columns.map((c) => encodeValue(row[c.prop], c.kind)).join(",")}\r\n`;
}

export function csvHeader(columns: CsvColumn[]): string {
  return `${columns.map((c) => quote(c.name)).join(",")}\r\n`;
}

/**
 * Which fields of one record were written as "" (the empty text, not null):
 * csv-parse hands both over as "". Its per-field `cast` context could tell
 * them apart, but building that context for every field made restores five
 * times slower, so the raw record is scanned here instead, and only when it
 * holds a "" at all.
 */
export function quotedEmptyFields(raw: string): Set<number> | null {
  if (!raw.includes('""')) return null;
  const found = new Set<number>();
  for (let i = 0, field = 0; i < raw.length; field++) {
    if (raw[i] === '"') {
      // The closing quote is the first one not doubled.
      let j = raw.indexOf('"', i + 1);
      while (j >= 0 && raw[j + 1] === '"') j = raw.indexOf('"', j + 2);
      if (j < 0) break;
      if (j === i + 1) found.add(field);
      i = j + 1;
    } else {
      const comma = raw.indexOf(",", i);
      if (comma < 0) break;
      i = comma;
    }
    if (raw[i] !== ",") break;
    i++;
  }
  return found;
}

/** Thrown for a value that cannot be read back; the message names the file, line and column. */
export class CsvValueError extends Error {}

/**
 * A field back to the app's value. `raw` is null for an empty field not
 * written as "" (see quotedEmptyFields); `where` prefixes error messages.
 */
export function decodeValue(raw: string | null, column: CsvColumn, where: string): unknown {
  if (raw === null) {
    if (column.nullable) return null;
    if (column.kind === "text") return "";
    throw invalid(where, column, "is empty, but this column needs a value");
  }
  switch (column.kind) {
    case "text":
      if (column.values && !column.values.includes(raw)) throw invalid(where, column, `"${clip(raw)}" is not one of ${column.values.join(", ")}`);
      return raw;
    case "integer":
      if (!/^-?\d{1,15}$/.test(raw)) throw invalid(where, column, `"${clip(raw)}" is not a whole number`);
      return Number(raw);
    case "number": {
      const n = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(n)) throw invalid(where, column, `"${clip(raw)}" is not a number`);
      return n;
    }
    case "boolean":
      if (/^true$/i.test(raw)) return true;
      if (/^false$/i.test(raw)) return false;
      throw invalid(where, column, `"${clip(raw)}" is not true or false`);
    case "timestamp": {
      const date = new Date(raw);
      if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(raw) || Number.isNaN(date.getTime())) {
        throw invalid(where, column, `"${clip(raw)}" is not an ISO 8601 time such as 2026-03-01T09:30:00.000Z`);
      }
      return date;
    }
    case "json":
      try {
        return JSON.parse(raw) as unknown;
      } catch {
        throw invalid(where, column, "is not valid JSON");
      }
    case "bytes":
      if (!/^[A-Za-z0-9+/]*={0,2}$/.test(raw)) throw invalid(where, column, "is not base64");
      return Buffer.from(raw, "base64");
  }
}

function invalid(where: string, column: CsvColumn, what: string): CsvValueError {
  return new CsvValueError(`${where}, column ${column.name}: ${what}`);
}

const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
