/**
 * Import previews: any source → an ImportDraft the reviewer checks before
 * saving, plus the existing article it duplicates, if any. Server-only:
 * URL imports fetch through the SSRF-safe fetcher under the policy from
 * the environment (IMPORT_ALLOW_HOSTS, IMPORT_ALLOW_PORTS).
 */
import "server-only";
import { findDuplicateArticle } from "@/db/queries/snapshots";
import { hashText } from "@/db/queries/articles";
import { env } from "@/server/env";
import { policyFromEnv } from "@/server/fetch/fetch-policy";
import { safeFetch } from "@/server/fetch/safe-fetch";
import { markBoilerplate } from "@/server/import/boilerplate";
import { EMPTY_METADATA, type ImportDraft } from "@/lib/import-draft";
import { fileNameOfUrl } from "@/lib/web-address";
import { draftFromHtml } from "@/server/import/extract-html";
import { draftFromFile, guessTitle } from "@/server/import/files";
import { draftFromPdf, looksLikePdf } from "@/server/import/pdf";
import { keepOriginalFile } from "@/db/queries/original-files";
import { draftBlocksFromMarkdown, draftBlocksFromPlainText } from "@/server/import/plain-text";
import { canonicalText, normalizeBlocks } from "@/lib/anchoring/text";

const PDF = "application/pdf";

export type Duplicate = { id: string; title: string };
export type DraftPreview = { draft: ImportDraft; duplicate: Duplicate | null };

/** `userId`: who previews, the owner of a kept original until a snapshot keeps it. */
export async function draftFromUrl(url: string, userId: string): Promise<ImportDraft> {
  const page = await safeFetch(url, { ...policyFromEnv(env()), extraTypes: ["application/pdf"] });
  const source = { kind: "url" as const, label: page.url };
  if (page.contentType === "application/pdf") {
    const name = fileNameOfUrl(page.url);
    const fromPdf = await draftFromPdf(name, page.body);
    const originalFileId = await keepOriginalFile({ bytes: page.body, fileName: name, contentType: PDF, userId });
    return { ...fromPdf, source, metadata: { ...fromPdf.metadata, sourceUrl: page.url }, originalFileId };
  }
  if (page.contentType === "text/plain") {
    const blocks = draftBlocksFromPlainText(page.text);
    const title = guessTitle(blocks);
    return { source, metadata: { ...EMPTY_METADATA, title, sourceUrl: page.url }, blocks: markBoilerplate(blocks, title), sourceHtml: null };
  }
  return draftFromHtml(page.text, { url: page.url, source, readerView: true, keepHtml: true });
}

export function draftFromPaste(format: "text" | "markdown" | "html", content: string): ImportDraft {
  const source = { kind: "paste" as const, label: "Pasted text" };
  if (format === "html") {
    // Clipboard HTML is the copied part of a page: all of it is what the reviewer chose, so no reader view.
    return draftFromHtml(content, { url: null, source, readerView: false, keepHtml: false });
  }
  const blocks = format === "markdown" ? draftBlocksFromMarkdown(content) : draftBlocksFromPlainText(content);
  const title = guessTitle(blocks);
  return { source, metadata: { ...EMPTY_METADATA, title }, blocks: markBoilerplate(blocks, title), sourceHtml: null };
}

/** An uploaded file as a draft; a PDF is also kept as it was, for the "as imported" view. */
export async function draftFromUpload(name: string, bytes: Buffer, userId: string): Promise<ImportDraft> {
  const draft = await draftFromFile(name, bytes);
  if (!/\.pdf$/i.test(name) || !looksLikePdf(bytes)) return draft;
  return { ...draft, originalFileId: await keepOriginalFile({ bytes, fileName: name, contentType: PDF, userId }) };
}

/** The article this draft would duplicate: same canonical/source URL, or the same kept text. */
export async function duplicateOf(draft: Pick<ImportDraft, "metadata" | "blocks">): Promise<Duplicate | null> {
  const kept = normalizeBlocks(draft.blocks.filter((b) => !b.drop));
  const urls = [draft.metadata.canonicalUrl, draft.metadata.sourceUrl].filter((u): u is string => Boolean(u));
  const found = await findDuplicateArticle({ urls, textHash: kept.length ? hashText(canonicalText(kept)) : null });
  return found ? { id: found.id, title: found.title } : null;
}
