/**
 * Hostile and broken PDFs: whatever bytes arrive, draftFromPdf either returns
 * a draft or throws an AppError whose message a reviewer can read — never a
 * raw exception, a hang, or a memory blow-up (the checks behind that are in
 * pdf-streams.ts and pdf-worker.ts).
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { ImportDraft } from "../../lib/import-draft";
import { draftFromPdf } from "./pdf";

const REPORT = fs.readFileSync(path.resolve(import.meta.dirname, "../../fixtures/pdf/report.pdf"));
/** Generous on a busy 2-core machine: a normal file takes well under a second, and the reader's own limit is 30 s. */
const BUDGET_MS = 20_000;

async function importChecked(name: string, bytes: Buffer): Promise<ImportDraft | AppError> {
  const started = Date.now();
  let outcome: ImportDraft | AppError;
  try {
    outcome = await draftFromPdf(name, bytes);
  } catch (error) {
    if (!(error instanceof AppError)) throw new Error(`${name} (${bytes.length} bytes) failed with a raw error: ${String(error)}`, { cause: error });
    expect(error.code).toBe("invalid:import-file");
    expect(error.message).toMatch(/^\S.{5,300}$/s);
    expect(error.message).not.toMatch(/\bat \S+ \(|Error:|undefined|\[object/);
    outcome = error;
  }
  expect(Date.now() - started, `${name} took too long`).toBeLessThan(BUDGET_MS);
  if (!(outcome instanceof AppError)) {
    for (const b of outcome.blocks) {
      expect(typeof b.text).toBe("string");
      expect(b.place?.page).toBeGreaterThanOrEqual(1);
    }
  }
  return outcome;
}

const stream = (content: Buffer | string, dict = "") => {
  const data = Buffer.from(content);
  return Buffer.concat([Buffer.from(`<< /Length ${data.length} ${dict} >>\nstream\n`), data, Buffer.from("\nendstream")]);
};
const flate = (content: Buffer | string) => stream(zlib.deflateSync(Buffer.from(content), { level: 1 }), "/Filter /FlateDecode");

/** A PDF written object by object (1, 2, …) with a correct cross-reference table; object 1 is the catalog. */
function handMade(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n")];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const bytes = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.from(body), Buffer.from("\nendobj\n")]);
    parts.push(bytes);
    length += bytes.length;
  });
  const table = offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  parts.push(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${table}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** One page (object 3) whose content is object 5, in Helvetica (object 4). */
const onePage = (content: Buffer, pages = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>") =>
  handMade([
    "<< /Type /Catalog /Pages 2 0 R >>",
    pages,
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    content,
  ]);

const words = (n: number) => Array.from({ length: n }, (_, i) => `BT /F1 10 Tf ${50 + (i % 7) * 70} ${800 - ((i * 3) % 780)} Td (w${i}) Tj ET`).join("\n");

describe("draftFromPdf under fuzzing", () => {
  it("the report truncated or with bytes flipped", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: REPORT.length }),
        fc.array(fc.tuple(fc.nat({ max: REPORT.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }),
        async (cut, flips) => {
          const bytes = Buffer.from(REPORT.subarray(0, Math.max(cut, 16)));
          for (const [at, value] of flips) if (at < bytes.length) bytes[at] = value;
          await importChecked("mutated.pdf", bytes);
        },
      ),
      { numRuns: 80 },
    );
  }, 120_000);

  it("random bytes after a PDF header", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (body) => {
        await importChecked("random.pdf", Buffer.concat([Buffer.from("%PDF-1.7\n"), body]));
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it("hand-made malformed and hostile files", async () => {
    const cases: [string, Buffer, RegExp | null][] = [
      ["plain.pdf", onePage(stream("BT /F1 12 Tf 72 720 Td (A hand-made page with enough text to be read.) Tj ET")), null],
      // pdf.js may trust the count (refused) or walk the one real page (no text): either way, no million-page loop.
      ["million-pages.pdf", onePage(stream("BT ET"), "<< /Type /Pages /Kids [3 0 R] /Count 1000000 >>"), /has 1000000 pages|no text/],
      ["tree-loop.pdf", onePage(stream("BT ET"), "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>"), /damaged|no text/],
      ["deep-arrays.pdf", onePage(stream(`${"[".repeat(100_000)}${"]".repeat(100_000)}`)), /damaged|no text/],
      ["deep-dicts.pdf", onePage(stream(`${"<<".repeat(50_000)}${">>".repeat(50_000)}`)), /damaged|no text/],
      ["huge-length.pdf", onePage(Buffer.from("<< /Length 999999999999 >>\nstream\nBT (x) Tj ET\nendstream")), /damaged|no text/],
      ["no-endstream.pdf", onePage(Buffer.from("<< /Length 5 >>\nstream\nBT /F1 12 Tf 72 720 Td (unterminated")), /damaged|no text/],
      ["bad-flate.pdf", onePage(stream(Buffer.from("not deflate data at all"), "/Filter /FlateDecode")), /damaged|no text/],
      ["script.pdf", handMade(["<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>", "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", stream("BT /F1 12 Tf 72 720 Td (A page that carries a script the reader never runs.) Tj ET")]), null],
      // Tens of thousands of tiny runs scattered over the page: the layout's worst case; past 50,000 it is refused.
      ["scattered.pdf", onePage(flate(words(40_000))), null],
      ["specks.pdf", onePage(flate(words(60_000))), /is too complex to read/],
      // Deflate packs repeated text 1000:1: 4 MB of page text from a file of a few KB.
      ["text-bomb.pdf", onePage(flate(`BT /F1 10 Tf 50 700 Td (${"hello world ".repeat(20)}) Tj ET\n`.repeat(16_000))), /more text than Factdesk can import/],
      ["flate-bomb.pdf", onePage(flate(Buffer.alloc(300 * 1024 * 1024, "0 0 m 1 1 l S\n"))), /too complex to read \(its pages unpack to over 256 MB\)/],
    ];
    for (const [name, bytes, refusal] of cases) {
      const outcome = await importChecked(name, bytes);
      if (refusal) expect(outcome, name).toBeInstanceOf(AppError);
      if (refusal && outcome instanceof AppError) expect(outcome.message, name).toMatch(refusal);
      if (!refusal) expect(outcome, name).not.toBeInstanceOf(AppError);
    }
  }, 120_000);
});
