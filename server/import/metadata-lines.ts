import type { DraftBlock, DraftMetadata } from "../../lib/import-draft";
import { BYLINE, DATE, DATE_LINE } from "./boilerplate";
import { BYLINE_MARKUP } from "./html-blocks";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** "March 3, 2024", "3rd Mar. 2024", "2024-03-03" as yyyy-mm-dd; a numeric "03/04/2024" is ambiguous (day or month first) and gives null. */
export function dateOnLine(text: string): string | null {
  const found = DATE.exec(text)?.[0];
  if (!found) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(found);
  const named = /([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})|(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})/i.exec(found);
  let y: number, m: number, d: number;
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (named) {
    const month = (named[1] ?? named[5])!.slice(0, 3).toLowerCase();
    [y, m, d] = [Number(named[3] ?? named[6]), MONTHS.indexOf(month) + 1, Number(named[2] ?? named[4])];
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || date.getUTCDate() !== d || date.getUTCMonth() !== m - 1) return null;
  return date.toISOString().slice(0, 10);
}

/** "By Jane Doe and John Roe | Reuters", "By Jane Doe, MD" → the names (what follows a comma or bar is an outlet, role or date). */
export function authorOnLine(text: string): string | null {
  const by = /^\s*(?:by|posted by|written by|words by|story by|reported by|authors?:)\s+(.+)$/i.exec(text);
  if (!by) return null;
  const name = by[1]!
    .split(/\s+[|·•–—-]\s+|,/u)[0]!
    .replace(DATE, "")
    .replace(/[\s,;:]+$/, "")
    .trim();
  const words = name.split(/\s+/);
  return words.length >= 1 && words.length <= 8 && /^\p{Lu}/u.test(name) ? name.slice(0, 200) : null;
}

/**
 * A byline or date line left out of the text says it is "kept as metadata": when the page's own metadata has no
 * author or date, the first such line near the top of the page fills it in (the reviewer sees and can edit both).
 */
export function metadataFromLines(metadata: DraftMetadata, blocks: DraftBlock[]): DraftMetadata {
  const lines = blocks.filter((b) => b.drop && (b.reason === BYLINE || b.reason === DATE_LINE || b.reason === BYLINE_MARKUP));
  const publishedOn = metadata.publishedOn ?? lines.map((b) => dateOnLine(b.text)).find((d) => d !== null) ?? null;
  const author = metadata.author ?? lines.map((b) => authorOnLine(b.text)).find((a) => a !== null) ?? null;
  return { ...metadata, publishedOn, author };
}
