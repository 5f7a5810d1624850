/**
 * Uploaded files → import draft. The type is decided by extension AND
 * checked against the content (a .docx must be a zip, text must not be
 * binary), so a renamed PDF is refused with a clear message instead of
 * producing garbage blocks.
 */
import mammoth from "mammoth";
import { AppError } from "@/lib/errors";
import { decodeBody } from "@/server/fetch/charset";
import { MAX_IMPORT_FILE_BYTES, MAX_UPLOAD_BYTES } from "@/lib/limits";
import { boilerplateReason, markBoilerplate } from "./boilerplate";
import { EMPTY_METADATA, type ImportDraft } from "../../lib/import-draft";
import { draftFromHtml } from "./extract-html";
import { draftBlocksFromMarkdown, draftBlocksFromPlainText } from "./plain-text";
import { metadataFromLines } from "./metadata-lines";
import { draftFromPdf } from "./pdf";
import { draftFromSpeakerTurns, draftFromSubtitles, looksLikeSpeakerTurns } from "./transcripts";
import { checkZip, MAX_DOCX_UNPACKED_BYTES } from "./zip-guard";

export const ACCEPTED_EXTENSIONS = [".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf", ".vtt", ".srt"] as const;

const invalid = (message: string) => new AppError("invalid:import-file", message);

function extensionOf(name: string): string {
  const m = /\.[^.]+$/.exec(name.toLowerCase());
  return m ? m[0] : "";
}

/**
 * Guesses a title from the first lines of a text file: the first one that is
 * not boilerplate ("Home News <title>" breadcrumbs are judged against the
 * line after them).
 */
export function guessTitle(blocks: { text: string }[]): string {
  const head = blocks.slice(0, 4);
  const found = head.find((b, i) => !boilerplateReason(b.text, { title: head[i + 1]?.text ?? "" }));
  return (found ?? head[0])?.text.slice(0, 300) ?? "";
}

function decodeText(name: string, bytes: Buffer): string {
  // NULs do not occur in text files; they do in every binary format.
  if (bytes.subarray(0, 8192).includes(0)) throw invalid(`${name} does not look like a text file. Save it as plain text (.txt) and try again.`);
  return decodeBody(bytes, "text/plain", null).text;
}

/** marked recurses once per nesting level: 50,000 ">" overflow the stack. Such a file is not an article. */
function markdownBlocks(name: string, text: string) {
  try {
    return draftBlocksFromMarkdown(text);
  } catch (error) {
    if (error instanceof RangeError) throw invalid(`${name} nests quotes or lists too deeply to be read as markdown. Save it as plain text (.txt) and try again.`);
    throw error;
  }
}

export async function draftFromFile(name: string, bytes: Buffer): Promise<ImportDraft> {
  const ext = extensionOf(name);
  const source = { kind: "file" as const, label: name };
  if (bytes.length === 0) throw invalid(`${name} is empty.`);
  if (bytes.length > MAX_UPLOAD_BYTES) throw invalid(`${name} is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; files can be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`);
  switch (ext) {
    case ".txt":
    case ".md":
    case ".markdown": {
      // Parsing time grows with size (pathological markdown: seconds per MB); any article's text fits well inside this.
      if (bytes.length > MAX_IMPORT_FILE_BYTES) throw invalid(`${name} is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; text and markdown files can be at most ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB.`);
      const text = decodeText(name, bytes);
      // A transcript ("SPEAKER: words" lines) keeps its turns, speakers and times; boilerplate rules would drop turns.
      if (ext === ".txt" && looksLikeSpeakerTurns(text)) return draftFromSpeakerTurns(name, text);
      const blocks = ext === ".txt" ? draftBlocksFromPlainText(text) : markdownBlocks(name, text);
      const title = guessTitle(blocks);
      const marked = markBoilerplate(blocks, title);
      return { source, metadata: metadataFromLines({ ...EMPTY_METADATA, title }, marked), blocks: marked, sourceHtml: null };
    }
    case ".html":
    case ".htm": {
      const { text } = decodeBody(bytes, "text/html", null);
      if (bytes.subarray(0, 8192).includes(0) || !/<[a-z!]/i.test(text)) throw invalid(`${name} does not look like an HTML page.`);
      return draftFromHtml(text, { url: null, source, readerView: true, keepHtml: true });
    }
    case ".docx": {
      // A .docx is a zip archive: "PK\x03\x04".
      if (!(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) {
        throw invalid(`${name} is not a valid Word document (.docx). If it is an old .doc file, save it as .docx first.`);
      }
      const problem = checkZip(bytes);
      if (problem === "too_large") throw invalid(`${name} is too large once unpacked (over ${MAX_DOCX_UNPACKED_BYTES / 1024 / 1024} MB). Save the text alone as a new .docx and try again.`);
      if (problem) throw invalid(`${name} could not be read: the Word document seems to be damaged.`);
      let html: string;
      try {
        html = (await mammoth.convertToHtml({ buffer: bytes }, { styleMap: ["p[style-name='Quote'] => blockquote > p:fresh", "p[style-name='Intense Quote'] => blockquote > p:fresh"] })).value;
      } catch {
        throw invalid(`${name} could not be read: the Word document seems to be damaged.`);
      }
      const draft = draftFromHtml(html, { url: null, source, readerView: false, keepHtml: false });
      // Word files carry no title metadata we can trust; the first heading (or line) is the best guess.
      const title = draft.metadata.title || draft.blocks.find((b) => !b.drop)?.text.slice(0, 300) || "";
      const marked = markBoilerplate(draft.blocks, title);
      return { ...draft, metadata: metadataFromLines({ ...draft.metadata, title }, marked), blocks: marked };
    }
    case ".pdf":
      return draftFromPdf(name, bytes);
    case ".vtt":
    case ".srt": {
      if (bytes.length > MAX_IMPORT_FILE_BYTES) throw invalid(`${name} is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; subtitle files can be at most ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB.`);
      return draftFromSubtitles(name, decodeText(name, bytes), ext === ".vtt" ? "vtt" : "srt");
    }
    default:
      throw invalid(`${name} cannot be imported. Factdesk reads ${ACCEPTED_EXTENSIONS.filter((e) => e !== ".markdown" && e !== ".htm").join(", ")} files${ext ? `, not ${ext}` : ""}.`);
  }
}
