/**
 * Runs pdf.js in a worker thread, so that a hostile PDF cannot stall the
 * server: pdf.js parses synchronously for as long as a page takes (a 200 KB
 * file that unpacks to 100 MB of drawing commands holds one thread for over
 * ten seconds), and only a thread of its own can be stopped midway. The
 * worker is ended at the time limit, when the page count or the text is over
 * its limit, and its JavaScript heap is capped.
 *
 * The worker's code is the string below, not a module file: bundlers (Next's
 * server build) would move or rename a worker file, while `unpdf` resolves
 * from the project's node_modules at run time (the server's working
 * directory is the project root, as `next start` and the tests run).
 */
import { Worker } from "node:worker_threads";

/** A pdf.js text item, as much of it as layout needs. */
export type PdfTextItem = { str: string; dir: string; width: number; transform: number[] };
/** One page: its text items and its box ([x0, y0, x1, y1], points). */
export type PdfPageText = { items: PdfTextItem[]; view: number[] };
/** The information dictionary entries import uses, and the XMP title. */
export type PdfInfo = { Title?: unknown; Author?: unknown; CreationDate?: unknown; ModDate?: unknown; Language?: unknown; xmpTitle?: unknown };

/** Pages, characters in all, text items on one page (what layout, in the caller's thread, must get through), time. */
export type PdfReadLimits = { maxPages: number; maxChars: number; maxItemsPerPage: number; timeMs: number };
export type PdfReadFailure = { failed: "password" | "damaged" | "too_many_pages" | "too_much_text" | "too_slow" | "too_complex"; pages?: number; cause?: unknown };
export type PdfText = { pages: PdfPageText[]; info: PdfInfo };

/** Reader options: run no document scripts (no eval), load no fonts into anything, fetch nothing (no font, CMap or wasm URLs). */
const PDFJS_OPTIONS = {
  isEvalSupported: false,
  disableFontFace: true,
  useSystemFonts: false,
  useWorkerFetch: false,
  useWasm: false,
  enableXfa: false,
  isOffscreenCanvasSupported: false,
  isImageDecoderSupported: false,
  stopAtErrors: false,
  verbosity: 0,
};

/** Enough for the text of the longest document allowed; a file that needs more is built to exhaust memory. */
const WORKER_HEAP_MB = 512;

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const send = (message) => parentPort.postMessage(message);
const text = (value) => (typeof value === "string" ? value : null);
(async () => {
  let pdfjs;
  try {
    pdfjs = await (await import("unpdf")).getResolvedPDFJS();
  } catch (error) {
    return send({ type: "unavailable", message: String(error?.message ?? error) });
  }
  const doc = await pdfjs.getDocument({ ...workerData.options, data: workerData.bytes }).promise;
  send({ type: "open", pages: doc.numPages });
  if (doc.numPages > workerData.maxPages) return;
  let chars = 0;
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    // Streamed, to stop as soon as the text is over the limit: one compressed page can unpack to gigabytes of text.
    const reader = page.streamTextContent().getReader();
    const items = [];
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      for (const { str, dir, width, transform } of chunk.value.items) {
        // Marked-content tags carry no text; blank items only mark line ends and spaces, which layout infers from positions.
        if (typeof str !== "string" || str.trim() === "") continue;
        items.push({ str, dir, width, transform });
        chars += str.length;
      }
      if (chars > workerData.maxChars) return send({ type: "over" });
      if (items.length > workerData.maxItemsPerPage) return send({ type: "dense" });
    }
    send({ type: "page", page: { items, view: page.view } });
    page.cleanup();
  }
  const { info, metadata } = await doc.getMetadata();
  const { Title, Author, CreationDate, ModDate, Language } = info;
  send({ type: "done", info: { Title: text(Title), Author: text(Author), CreationDate: text(CreationDate), ModDate: text(ModDate), Language: text(Language), xmpTitle: text(metadata?.get("dc:title")) } });
})().catch((error) => send({ type: "failed", name: String(error?.name ?? ""), message: String(error?.message ?? error) }));
`;

type WorkerMessage =
  | { type: "open"; pages: number }
  | { type: "page"; page: PdfPageText }
  | { type: "over" }
  | { type: "dense" }
  | { type: "done"; info: PdfInfo }
  | { type: "failed"; name: string; message: string }
  | { type: "unavailable"; message: string };

/**
 * Reads every page's text items and the document information, or says why not. Rejects only when the reader
 * itself cannot be loaded: a fault of the server, not of the file.
 */
export function readPdfText(bytes: Uint8Array, limits: PdfReadLimits): Promise<PdfText | PdfReadFailure> {
  // A copy, handed over to the worker: the caller keeps its bytes.
  const data = new Uint8Array(bytes);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { bytes: data, options: PDFJS_OPTIONS, ...limits },
    transferList: [data.buffer],
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    stdout: true,
    stderr: true,
  });
  // pdf.js reports recoverable damage on the console; the draft shows what could be read.
  worker.stdout.resume();
  worker.stderr.resume();
  return new Promise((resolve, reject) => {
    const pages: PdfPageText[] = [];
    let settled = false;
    const finish = (outcome: PdfText | PdfReadFailure | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const timer = setTimeout(() => finish({ failed: "too_slow" }), limits.timeMs);
    worker.on("message", (message: WorkerMessage) => {
      if (message.type === "open" && message.pages > limits.maxPages) finish({ failed: "too_many_pages", pages: message.pages });
      else if (message.type === "page") pages.push(message.page);
      else if (message.type === "over") finish({ failed: "too_much_text" });
      else if (message.type === "dense") finish({ failed: "too_complex" });
      else if (message.type === "done") finish({ pages, info: message.info });
      else if (message.type === "failed") finish({ failed: message.name === "PasswordException" ? "password" : "damaged", cause: message.message });
      else if (message.type === "unavailable") finish(new Error(`The PDF reader (unpdf) could not be loaded: ${message.message}`));
    });
    // Out of heap (ERR_WORKER_OUT_OF_MEMORY) or out of stack.
    worker.on("error", (error) => finish({ failed: "too_complex", cause: error }));
    worker.on("exit", () => finish({ failed: "damaged", cause: "the reader stopped" }));
  });
}
