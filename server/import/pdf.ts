/**
 * PDF files → import draft, with pdf.js (the serverless build bundled by
 * `unpdf`: no native code, nothing downloaded), run in a worker thread with
 * a time limit (pdf-worker.ts) after a decompression-bomb check
 * (pdf-streams.ts). Only the text layer is read; layout → blocks lives in
 * pdf-layout.ts and pdf-blocks.ts.
 */
import { AppError } from "@/lib/errors";
import { MAX_ARTICLE_CHARS, MAX_UPLOAD_BYTES } from "@/lib/limits";
import { languageTag } from "@/lib/validation/language";
import { EMPTY_METADATA, type DraftMetadata, type ImportDraft } from "../../lib/import-draft";
import { markBoilerplate } from "./boilerplate";
import { metadataFromLines } from "./metadata-lines";
import { blocksOf, type LaidOutPage } from "./pdf-blocks";
import { rowsOf, type TextRun } from "./pdf-layout";
import { MAX_PDF_UNPACKED_BYTES, unpacksTooLarge } from "./pdf-streams";
import { readPdfText, type PdfInfo, type PdfReadFailure, type PdfTextItem } from "./pdf-worker";

/** A long report runs to a few hundred pages; past that it is a book, and the draft would be unreviewable. */
export const MAX_PDF_PAGES = 300;
/** A 300-page report reads in a few seconds; a file that takes this long is built to waste time. */
const PDF_TIME_LIMIT_MS = 30_000;
/** Text kept in a draft: room to drop boilerplate and still fill an article, and a cap on what compressed pages can unpack to. */
const MAX_PDF_TEXT_CHARS = 2 * MAX_ARTICLE_CHARS;

/**
 * Text items on one page: a dense page of a few thousand characters set one glyph at a time stays well inside it;
 * more is scattered specks, and laying them out would hold up the server's thread for seconds.
 */
const MAX_ITEMS_PER_PAGE = 50_000;

/** Longer than this, a first line in body type is a sentence, not a title line. */
const MAX_TITLE_LINE = 120;

const invalid = (message: string, cause?: unknown) => new AppError("invalid:import-file", message, { cause });

/** "%PDF-" within the first KB: the header may follow some junk, as readers allow. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 1024)).includes("%PDF-");
}

/** Why a PDF could not be read, in words for the reviewer. */
function refusal(name: string, bytes: Uint8Array, { failed, pages, cause }: PdfReadFailure): AppError {
  const split = "Save the pages you need as a new PDF and try again.";
  switch (failed) {
    case "password":
      return invalid(`${name} is password-protected. Remove the password and try again.`, cause);
    case "too_many_pages":
      return invalid(`${name} has ${pages} pages; Factdesk imports PDFs of at most ${MAX_PDF_PAGES} pages. ${split}`);
    case "too_much_text":
      return invalid(`${name} holds more text than Factdesk can import in one go (over ${MAX_PDF_TEXT_CHARS.toLocaleString("en")} characters). ${split}`);
    case "too_slow":
      return invalid(`${name} took too long to read. Print it to a new PDF and try again.`, cause);
    case "too_complex":
      return invalid(`${name} is too complex to read. Print it to a new PDF and try again.`, cause);
    case "damaged":
      // Encryption pdf.js opens without asking for a password fails as damage: certificate-based or unknown handlers.
      if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes("/Encrypt")) return invalid(`${name} is encrypted. Save an unprotected copy and try again.`, cause);
      return invalid(`${name} could not be read: the PDF seems to be damaged.`, cause);
  }
}

/** The quarter turn (0–3) text with this matrix is set at, or null for text at any other angle (stamps, watermarks). */
function quarterTurn(t: number[]): number | null {
  const angle = Math.atan2(t[1]!, t[0]!);
  const quarter = Math.round(angle / (Math.PI / 2));
  return Math.abs(angle - (quarter * Math.PI) / 2) < 0.02 ? (quarter + 4) % 4 : null;
}

/**
 * pdf.js text items → runs in the page's reading frame. A page whose text is mostly turned a quarter (landscape
 * content on a portrait page) is turned back; text at other angles is left out.
 */
function layoutPage(items: PdfTextItem[], view: number[]): LaidOutPage {
  const texts = items.filter((i) => i.transform.length === 6 && i.transform.every(Number.isFinite));
  const weight = [0, 0, 0, 0];
  for (const item of texts) {
    const q = quarterTurn(item.transform);
    if (q !== null) weight[q]! += item.str.length;
  }
  const turn = weight.indexOf(Math.max(...weight));
  const upright = ([x, y]: [number, number]): [number, number] => [[x, y], [y, -x], [-x, -y], [-y, x]][turn] as [number, number];
  const corners = [upright([view[0]!, view[1]!]), upright([view[2]!, view[3]!])];
  const [left, bottom] = [Math.min(corners[0]![0], corners[1]![0]), Math.min(corners[0]![1], corners[1]![1])];
  const height = Math.abs(corners[0]![1] - corners[1]![1]);
  const runs: TextRun[] = texts
    .filter((item) => quarterTurn(item.transform) === turn)
    .map((item) => {
      const [x, y] = upright([item.transform[4]!, item.transform[5]!]);
      return { text: item.str, x: x - left, y: y - bottom, width: Math.abs(item.width) || 0, size: Math.hypot(item.transform[2]!, item.transform[3]!), rtl: item.dir === "rtl" };
    });
  return { rows: rowsOf(runs), height };
}

/** "D:20240305103000+01'00'" → "2024-03-05", the date as written (the author's local day). */
function pdfDate(value: unknown): string | null {
  const m = typeof value === "string" ? /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(value.trim()) : null;
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1993 || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || date.getTime() > Date.now() + 86_400_000) return null;
  return date.toISOString().slice(0, 10);
}

const text = (value: unknown) => (typeof value === "string" ? value.normalize("NFC").replace(/\s+/g, " ").trim() : "");

/** Titles that name the file or the tool rather than the document. */
const PLACEHOLDER_TITLE = /^(untitled|document\d*|microsoft (word|powerpoint) - .*|.*\.(docx?|pdf|odt|rtf|pptx?|indd|tex))$/i;

/** The document information dictionary (and XMP as a fallback for the title) → draft metadata. */
function infoMetadata(info: PdfInfo): DraftMetadata {
  const title = [text(info.Title), text(info.xmpTitle)].find((t) => t !== "" && !PLACEHOLDER_TITLE.test(t)) ?? "";
  const language = text(info.Language);
  return {
    ...EMPTY_METADATA,
    title: title.slice(0, 300),
    author: text(info.Author).slice(0, 200) || null,
    language: languageTag.safeParse(language).data ?? null,
    // CreationDate is when the PDF was made, usually its publication; ModDate when it was last touched.
    publishedOn: pdfDate(info.CreationDate) ?? pdfDate(info.ModDate),
  };
}

export async function draftFromPdf(name: string, bytes: Buffer | Uint8Array): Promise<ImportDraft> {
  if (bytes.length === 0) throw invalid(`${name} is empty.`);
  if (bytes.length > MAX_UPLOAD_BYTES) throw invalid(`${name} is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; files can be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
  if (!looksLikePdf(bytes)) throw invalid(`${name} is not a PDF file.`);
  if (await unpacksTooLarge(bytes)) throw invalid(`${name} is too complex to read (its pages unpack to over ${MAX_PDF_UNPACKED_BYTES / 1024 / 1024} MB). Print it to a new PDF and try again.`);
  const read = await readPdfText(bytes, { maxPages: MAX_PDF_PAGES, maxChars: MAX_PDF_TEXT_CHARS, maxItemsPerPage: MAX_ITEMS_PER_PAGE, timeMs: PDF_TIME_LIMIT_MS });
  if ("failed" in read) throw refusal(name, bytes, read);
  const pages: LaidOutPage[] = [];
  for (const page of read.pages) {
    pages.push(layoutPage(page.items, page.view));
    // Layout runs in the server's thread: let other requests through between pages.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const blocks = blocksOf(pages);
  if (blocks.filter((b) => !b.drop).reduce((n, b) => n + (b.text.match(/\p{L}/gu)?.length ?? 0), 0) < 20) {
    throw invalid("This PDF has no text; it looks scanned. Run OCR on it first, then import it again.");
  }
  const fromInfo = infoMetadata(read.info);
  // Many tools write no usable title: the first heading is the best guess, else a first block that reads like a title
  // line (short, no full stop). A sentence is not a title: better none (the reviewer is asked for one).
  const first = blocks.find((b) => !b.drop);
  const title = fromInfo.title || blocks.find((b) => !b.drop && b.kind === "heading")?.text.slice(0, 300) || (first && first.text.length <= MAX_TITLE_LINE && !first.text.endsWith(".") ? first.text : "");
  const marked = markBoilerplate(blocks, title);
  return { source: { kind: "file", label: name }, metadata: metadataFromLines({ ...fromInfo, title }, marked), blocks: marked, sourceHtml: null };
}
