/**
 * Hostile and broken uploads: whatever bytes arrive under whatever name,
 * draftFromFile either returns a draft or throws an AppError whose message a
 * reviewer can read — never a raw exception (which the action turns into
 * "something went wrong") and never a hang or a memory blow-up.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { docxParts, makeDocx, zip } from "@/testing/docx";
import type { ImportDraft } from "../../lib/import-draft";
import { draftFromFile } from "./files";

const NAMES = ["a.txt", "a.md", "a.markdown", "a.html", "a.htm", "a.docx", "a.pdf", "noextension", "A.DOCX", ".txt"];
/** Generous on a busy 2-core machine (the largest inputs take ~3 s there); a hang or catastrophic backtracking takes far longer. */
const BUDGET_MS = 15_000;

/** Imports and checks the contract; returns the draft or the AppError. */
async function importChecked(name: string, bytes: Buffer): Promise<ImportDraft | AppError> {
  const started = Date.now();
  let outcome: ImportDraft | AppError;
  try {
    outcome = await draftFromFile(name, bytes);
  } catch (error) {
    if (!(error instanceof AppError)) throw new Error(`${name} (${bytes.length} bytes) failed with a raw error: ${String(error)}`, { cause: error });
    expect(error.code).toMatch(/^invalid:import-(file|html)$/);
    // A sentence for people: no stack, no internal names.
    expect(error.message).toMatch(/^\S.{5,300}$/s);
    expect(error.message).not.toMatch(/\bat \S+ \(|Error:|undefined|\[object/);
    outcome = error;
  }
  expect(Date.now() - started, `${name} took too long`).toBeLessThan(BUDGET_MS);
  if (!(outcome instanceof AppError)) {
    expect(Array.isArray(outcome.blocks)).toBe(true);
    for (const b of outcome.blocks) expect(typeof b.text).toBe("string");
  }
  return outcome;
}

const REAL_DOCX = makeDocx([
  { text: "Kratom and sleep", style: "Heading1" },
  { text: "Kratom is said to help with insomnia." },
  { text: "No trial has tested it.", style: "Quote" },
]);

describe("draftFromFile under fuzzing", () => {
  it("random bytes under every name", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...NAMES), fc.uint8Array({ maxLength: 4096 }), async (name, bytes) => {
        await importChecked(name, Buffer.from(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it("random text, markup and markdown (any Unicode, NULs, BOMs, lone surrogates)", async () => {
    const piece = fc.oneof(
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.constantFrom("\uFEFF", "\u0000", "\uD800", "<div>", "</div>", "<p>", "<script>", "<!--", "# ", "- ", "> ", "```", "\r\n", "\n\n", "&amp;", "&#0;", "<![CDATA[", "<svg><foreignObject>"),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("a.txt", "a.md", "a.html"), fc.array(piece, { maxLength: 60 }), async (name, parts) => {
        await importChecked(name, Buffer.from(parts.join(""), "utf8"));
      }),
      { numRuns: 300 },
    );
  });

  it("a real .docx truncated or with bytes flipped", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: REAL_DOCX.length }),
        fc.array(fc.tuple(fc.nat({ max: REAL_DOCX.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        async (cut, flips) => {
          const bytes = Buffer.from(REAL_DOCX.subarray(0, Math.max(cut, 4)));
          for (const [at, value] of flips) if (at < bytes.length) bytes[at] = value;
          await importChecked("mutated.docx", bytes);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("hand-made malformed files", async () => {
    const cases: [string, Buffer][] = [
      ["bom.txt", Buffer.from("\uFEFFHello world.\n\nSecond paragraph.", "utf8")],
      ["utf16.txt", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Hello in UTF-16", "utf16le")])],
      ["invalid-utf8.txt", Buffer.from([0x48, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x90, 0x28, 0xbc, 0x0a])],
      ["nul-late.txt", Buffer.concat([Buffer.alloc(9000, 0x61), Buffer.from([0, 0, 0]), Buffer.from("tail")])],
      ["huge-line.txt", Buffer.alloc(2 * 1024 * 1024, "word ")],
      // The slowest markdown per byte we know of, at the size limit; and just over it.
      ["huge-line.md", Buffer.alloc(2 * 1024 * 1024, "*_[")],
      ["over-limit.md", Buffer.alloc(2 * 1024 * 1024 + 1, "*_[")],
      ["spaces.txt", Buffer.alloc(1024 * 1024, " \t")],
      ["newlines.md", Buffer.alloc(1024 * 1024, "\n")],
      ["deep.html", Buffer.from(`<html><body>${"<div>".repeat(100_000)}deep text${"</div>".repeat(100_000)}</body></html>`)],
      ["deep-unclosed.html", Buffer.from(`<p>${"<b><i>".repeat(50_000)}x`)],
      ["deep-but-allowed.html", Buffer.from(`<html><body>${"<div>".repeat(250)}deep text${"</div>".repeat(250)}</body></html>`)],
      ["nested-lists.md", Buffer.from(`${Array.from({ length: 2000 }, (_, i) => `${"  ".repeat(i)}- item ${i}`).join("\n")}`)],
      ["nested-quotes.md", Buffer.from(`${">".repeat(50_000)} deep quote`)],
      ["pdf-renamed.docx", Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj")],
      ["docx-renamed.txt", REAL_DOCX],
      ["docx-renamed.html", REAL_DOCX],
      ["html-renamed.docx", Buffer.from("<html><body><p>Hi</p></body></html>")],
      ["just-magic.docx", Buffer.from([0x50, 0x4b, 0x03, 0x04])],
      ["empty-zip.docx", zip({})],
      ["not-word.docx", zip({ "hello.txt": "not a word document" })],
      ["bad-xml.docx", zip(docxParts("<w:document><w:body><w:p><w:r><w:t>unclosed"))],
      ["billion-laughs.docx", zip(docxParts(`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol4;</w:t></w:r></w:p></w:body></w:document>`))],
      ["no-ext", Buffer.from("plain")],
    ];
    for (const [name, bytes] of cases) await importChecked(name, bytes);
  });

  it("refuses a zip bomb without inflating it", async () => {
    // 2 GB of one repeated byte deflates to ~2 MB: inside the upload limit, far beyond any article.
    const huge = Buffer.alloc(256 * 1024 * 1024, 0x41);
    const bomb = zip({ ...docxParts("<w:document/>"), "word/media/padding.bin": huge }, { deflate: true });
    const started = Date.now();
    const outcome = await importChecked("bomb.docx", bomb);
    expect(outcome).toBeInstanceOf(AppError);
    expect((outcome as AppError).message).toMatch(/too large once unpacked/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
