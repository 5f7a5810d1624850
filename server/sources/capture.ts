/**
 * Capture: one fetch of a cited address, turned into what the archive keeps
 * (readable blocks, sanitized HTML, a hash of the bytes) or into a plain
 * reason why nothing could be kept. Never throws for anything the site or the
 * policy does: a dead link is a finding to record, not an error. Stores
 * nothing (db/queries/sources.ts does).
 */
import "server-only";
import { createHash } from "node:crypto";
import { normalizeBlocks, normalizeText, type Block } from "@/lib/anchoring/text";
import { fileNameOfUrl } from "@/lib/web-address";
import { isAppError, type AppError } from "@/lib/errors";
import { keptBlocks, type ImportDraft } from "@/lib/import-draft";
import type { FetchOutcome } from "@/lib/sources";
import { FetchStatusError, safeFetch, type FetchDeps, type FetchedPage } from "@/server/fetch/safe-fetch";
import { draftFromHtml } from "@/server/import/extract-html";
import { draftFromPdf } from "@/server/import/pdf";
import { draftBlocksFromPlainText } from "@/server/import/plain-text";
import type { ArchivePolicy } from "./archive-policy";

/** A page as fetched and read: everything a snapshot row needs, before it is stored. */
type CapturedPage = {
  sha256: string;
  contentType: string;
  byteSize: number;
  title: string | null;
  blocks: Block[];
  /** Sanitized HTML for a sandboxed frame; null for PDF and plain text. */
  html: string | null;
};

export type Capture = {
  url: string;
  /** Where the page was in the end (after redirects); null when the fetch failed before an answer. */
  finalUrl: string | null;
  httpStatus: number | null;
  outcome: FetchOutcome;
  message: string | null;
  /** Set exactly when outcome is "archived". */
  page: CapturedPage | null;
};

/** Fetches `url` under the archive policy and reads it; every failure becomes an outcome with a message. */
export async function capture(url: string, policy: ArchivePolicy, deps: FetchDeps = {}): Promise<Capture> {
  const failed = (outcome: FetchOutcome, message: string, httpStatus: number | null = null): Capture => ({ url, finalUrl: null, httpStatus, outcome, message, page: null });
  if (!policy.enabled) return failed("disabled", "Archiving is turned off on this server.");
  let fetched: FetchedPage;
  try {
    fetched = await safeFetch(url, policy.fetch, deps);
  } catch (error) {
    if (!isAppError(error)) throw error;
    const { outcome, message, httpStatus } = failureOf(error, policy);
    return failed(outcome, message, httpStatus);
  }
  try {
    return { url, finalUrl: fetched.url, httpStatus: null, outcome: "archived", message: null, page: await read(fetched) };
  } catch (error) {
    if (!isAppError(error)) throw error;
    // The site answered, but with nothing readable (a password-protected or scanned PDF, absurdly nested markup).
    return { ...failed("refused", `The address was fetched, but its text could not be read: ${error.message}`), finalUrl: fetched.url };
  }
}

/**
 * The blocks an import would keep, plus the page's own headline: imports
 * leave it out because the title is kept as metadata, but a citation may
 * quote the headline, and a reader of the copy expects to see it.
 */
function readable(draft: ImportDraft): Block[] {
  const title = normalizeText(draft.metadata.title).toLowerCase();
  const headline = draft.blocks.findIndex((b) => b.kind === "heading" && title !== "" && normalizeText(b.text).toLowerCase() === title);
  return normalizeBlocks(keptBlocks(draft.blocks.map((b, i) => (i === headline ? { ...b, drop: false } : b))));
}

async function read(page: FetchedPage): Promise<CapturedPage> {
  const base = { sha256: createHash("sha256").update(page.body).digest("hex"), contentType: page.contentType, byteSize: page.body.length };
  if (page.contentType === "application/pdf") {
    const draft = await draftFromPdf(fileNameOfUrl(page.url), page.body);
    return { ...base, title: draft.metadata.title || null, blocks: readable(draft), html: null };
  }
  if (page.contentType === "text/plain") {
    return { ...base, title: null, blocks: normalizeBlocks(keptBlocks(draftBlocksFromPlainText(page.text))), html: null };
  }
  const draft = draftFromHtml(page.text, { url: page.url, source: { kind: "url", label: page.url }, readerView: true, keepHtml: true });
  return { ...base, title: draft.metadata.title || null, blocks: readable(draft), html: draft.sourceHtml };
}

/** safe-fetch's errors → archive outcomes. Its messages speak of imports, so most are reworded. */
function failureOf(error: AppError, policy: ArchivePolicy): { outcome: FetchOutcome; message: string; httpStatus: number | null } {
  const { message } = error;
  if (error instanceof FetchStatusError) {
    const status = error.httpStatus;
    return { outcome: "gone", httpStatus: status, message: `The site answered ${status}${status === 404 ? " (page not found)" : status === 410 ? " (page removed)" : ""}.` };
  }
  switch (error.code) {
    case "invalid:fetch-dns":
      return { outcome: "gone", httpStatus: null, message: "The site's name no longer resolves to an address (the domain may have lapsed)." };
    case "invalid:fetch-timeout":
      return { outcome: "unreachable", httpStatus: null, message: `The site did not send the page within ${Math.round(policy.fetch.timeoutMs / 1000)} seconds.` };
    case "invalid:fetch-network":
      return { outcome: "unreachable", httpStatus: null, message: message.replace(/\. Try again\.$/, ".") };
    case "invalid:fetch-redirect":
      return { outcome: "unreachable", httpStatus: null, message };
    case "invalid:fetch-size":
      return { outcome: "too-large", httpStatus: null, message: `The page is larger than ${formatMb(policy.fetch.maxBytes)}, the most this server archives.` };
    case "invalid:fetch-type":
      return { outcome: "refused", httpStatus: null, message: "The address is not a web page, plain text or PDF, so it was not archived." };
    case "forbidden:fetch-address":
      return { outcome: "refused", httpStatus: null, message: "The address points inside a private network, which the archiver never fetches." };
    case "invalid:fetch-port":
      return { outcome: "refused", httpStatus: null, message: "The address uses a port the archiver does not fetch from." };
    default:
      // fetch-url, fetch-scheme, fetch-credentials, fetch-encoding: the address or the answer is one we never fetch or read.
      return { outcome: "refused", httpStatus: null, message: message.replace(/imported|import/g, (w) => (w === "import" ? "archive" : "archived")) };
  }
}

const formatMb = (n: number) => (n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);
