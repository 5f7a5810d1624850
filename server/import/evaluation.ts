/**
 * How many blocks a reviewer must change by hand on an imported page, per
 * page of fixtures/import-pages (real pages with the article body that
 * Readability's authors consider right: see that folder's README).
 *
 * Changes = blocks kept that are not in the expected article
 *         + blocks left out that are in it.
 *
 * Block matching (texts normalized: lower case, letters and digits only,
 * single spaces): a block is "in the article" when
 *  - it is a heading, or has fewer than SHORT_WORDS words, and equals a
 *    whole expected block (a heading is a block of its own, not a phrase of a
 *    paragraph; 
 *    "Home" or "Share" must not count because the article uses the word), or
 *  - it is longer and its text is contained in the expected article's text
 *    (all expected blocks joined), or
 *  - an expected block of SHORT_WORDS words or more is contained in it and
 *    covers at least half of it (the page merged two of the expected blocks).
 * Blocks with the same text (a hidden copy of a paragraph, a pull quote) are
 * counted together: the article needs that text once, so for text in the
 * article the changes are |copies kept − 1|, for other text the copies kept.
 * Empty blocks after normalization (decoration) are in no article and count
 * only when kept.
 */
import fs from "node:fs";
import path from "node:path";
import { parseHTML } from "linkedom";
import { draftFromHtml } from "./extract-html";
import { blocksFromDom } from "./html-blocks";

const SHORT_WORDS = 4;

export type PageEntry = { name: string; kind: string; half: "tuning" | "held-out" };
export type PageResult = { name: string; kind: string; half: PageEntry["half"]; blocks: number; keptNotInArticle: number; leftOutInArticle: number; changes: number };

const normalize = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFKC")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** The expected article's normalized blocks. */
function expectedBlocks(expectedHtml: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${expectedHtml}</body></html>`);
  return blocksFromDom(document.body as unknown as Element, { markChrome: false })
    .map((b) => normalize(b.text))
    .filter(Boolean);
}

/** Whether a page block (normalized) is part of the expected article, by the rule in the header. */
export function inArticle(text: string, expected: string[], joined: string, heading = false): boolean {
  if (!text) return false;
  if (heading || text.split(" ").length < SHORT_WORDS) return expected.includes(text);
  if (joined.includes(` ${text} `)) return true;
  return expected.some((e) => e.split(" ").length >= SHORT_WORDS && e.length * 2 >= text.length && text.includes(e));
}

export function evaluatePage(entry: PageEntry, sourceHtml: string, expectedHtml: string): PageResult {
  const draft = draftFromHtml(sourceHtml, { url: `https://${entry.name}.example/article`, source: { kind: "url", label: entry.name }, readerView: true, keepHtml: false });
  const expected = expectedBlocks(expectedHtml);
  const joined = ` ${expected.join(" | ")} `;
  const copies = new Map<string, { kept: number; dropped: number; heading: boolean }>();
  for (const b of draft.blocks) {
    const text = normalize(b.text);
    const c = copies.get(text) ?? { kept: 0, dropped: 0, heading: b.kind === "heading" };
    c[b.drop ? "dropped" : "kept"]++;
    copies.set(text, c);
  }
  let keptNotInArticle = 0;
  let leftOutInArticle = 0;
  for (const [text, c] of copies) {
    if (!inArticle(text, expected, joined, c.heading)) keptNotInArticle += c.kept;
    else if (c.kept === 0) leftOutInArticle++;
    else keptNotInArticle += c.kept - 1;
  }
  return { ...entry, blocks: draft.blocks.length, keptNotInArticle, leftOutInArticle, changes: keptNotInArticle + leftOutInArticle };
}

export const PAGES_DIR = path.resolve(import.meta.dirname, "../../fixtures/import-pages");

export function evaluateAll(dir = PAGES_DIR): PageResult[] {
  const entries = JSON.parse(fs.readFileSync(path.join(dir, "pages.json"), "utf8")) as PageEntry[];
  return entries.map((e) => {
    const read = (f: string) => fs.readFileSync(path.join(dir, e.name, f), "utf8");
    return evaluatePage(e, read("source.html"), read("expected.html"));
  });
}

export const mean = (rs: PageResult[]) => (rs.length ? rs.reduce((n, r) => n + r.changes, 0) / rs.length : 0);
