import fs from "node:fs";
import path from "node:path";
import { degrees, PDFDocument, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";
import { getResolvedPDFJS } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import type { ImportDraft } from "../../lib/import-draft";
import { draftFromPdf, MAX_PDF_PAGES } from "./pdf";
import { PAGE_NUMBER, REPEATED } from "./pdf-blocks";
import { unpacksTooLarge } from "./pdf-streams";
import { readPdfText } from "./pdf-worker";

const fixture = (name: string) => fs.readFileSync(path.resolve(import.meta.dirname, "../../fixtures/pdf", name));

/** A PDF made on the spot: `draw` gets each new page and the fonts. */
async function makePdf(pages: number, draw: (page: PDFPage, fonts: { regular: PDFFont; bold: PDFFont }, index: number) => void, title?: string): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
  for (let i = 0; i < pages; i++) draw(doc.addPage([595, 842]), fonts, i);
  if (title) doc.setTitle(title);
  return Buffer.from(await doc.save());
}

const kept = (draft: ImportDraft) => draft.blocks.filter((b) => !b.drop);

describe("draftFromPdf on a four-page report", () => {
  let draft: ImportDraft;
  beforeAll(async () => {
    draft = await draftFromPdf("report.pdf", fixture("report.pdf"));
  });

  it("reads paragraphs, headings and list items in reading order, each on its page", () => {
    expect(kept(draft).map((b) => [b.place?.page, b.kind, b.text.slice(0, 28)])).toEqual([
      [1, "heading", "Kratom Use in the Northern R"],
      [1, "heading", "1. Background"],
      [1, "paragraph", "Kratom is a tropical tree wh"],
      [1, "paragraph", "Clinicians describe a wide r"],
      [1, "heading", "2. Method"],
      [1, "paragraph", "We combined three regional h"],
      [2, "heading", "3. Findings"],
      [2, "paragraph", "Alpha: in the first survey w"],
      [2, "paragraph", "Bravo: use was highest among"],
      [2, "paragraph", "Charlie: clinicians said tha"],
      [2, "paragraph", "Delta: none of the clinician"],
      [2, "paragraph", "Echo: these findings are pre"],
      [3, "heading", "4. Regional figures"],
      [3, "paragraph", "The table below gives the sh"],
      [3, "paragraph", "Region | Adults surveyed | R"],
      [3, "paragraph", "North Coast | 1,204 | 8.1%"],
      [3, "paragraph", "Lake District | 987 | 5.4%"],
      [3, "paragraph", "Highlands | 1,530 | 11.2%"],
      [3, "paragraph", "Source: regional health surv"],
      [3, "paragraph", "The Highlands figure stands "],
      [4, "heading", "5. Conclusions"],
      [4, "paragraph", "Kratom use is common enough "],
      [4, "list_item", "Ask about kratom in every re"],
      [4, "list_item", "Train clinicians to ask pati"],
      [4, "list_item", "Publish the survey data ever"],
      [4, "paragraph", "The observatory will report "],
    ]);
    expect(draft.blocks.every((b) => typeof b.place?.page === "number")).toBe(true);
  });

  it("reads the two-column page column by column, whole paragraphs at a time", () => {
    const page2 = kept(draft).filter((b) => b.place?.page === 2 && b.kind === "paragraph");
    expect(page2.map((b) => b.text.split(":")[0])).toEqual(["Alpha", "Bravo", "Charlie", "Delta", "Echo"]);
    expect(page2[0]!.text).toBe("Alpha: in the first survey wave, one adult in twelve reported having used kratom at least once in the past year, most of them weekly or more often.");
    expect(page2[2]!.text).toBe("Charlie: clinicians said that patients rarely mention kratom unless asked directly, which suggests the surveys undercount it.");
  });

  it("keeps the running header, footer and page numbers, marked to leave out, first and last on each page", () => {
    for (const page of [1, 2, 3, 4]) {
      const blocks = draft.blocks.filter((b) => b.place?.page === page);
      expect(blocks[0]).toMatchObject({ text: "Northern Health Observatory · Kratom Use Report 2024", drop: true, reason: REPEATED });
      expect(blocks.at(-2)).toMatchObject({ text: "nho.example/reports/kratom-2024 · Draft for review", drop: true, reason: REPEATED });
      expect(blocks.at(-1)).toMatchObject({ text: `Page ${page} of 4`, drop: true, reason: PAGE_NUMBER });
    }
    expect(draft.blocks.filter((b) => b.drop)).toHaveLength(12);
  });

  it("joins a word hyphenated at a line end and keeps real hyphens", () => {
    expect(kept(draft)[3]!.text).toBe(
      "Clinicians describe a wide range of outcomes. Several patients sought treatment after daily use for more than a year, while others reported long-term use without apparent harm. Regulators in non-EU countries have taken very different approaches to the substance.",
    );
  });

  it("reads bullets as list items without the bullet", () => {
    expect(kept(draft).filter((b) => b.kind === "list_item").map((b) => b.text)).toEqual([
      "Ask about kratom in every regional health survey.",
      "Train clinicians to ask patients about herbal supplements.",
      "Publish the survey data every year.",
    ]);
  });

  it("prefills metadata from the document information", () => {
    expect(draft.source).toEqual({ kind: "file", label: "report.pdf" });
    expect(draft.sourceHtml).toBeNull();
    expect(draft.metadata).toMatchObject({ title: "Kratom Use in the Northern Regions: Annual Report 2024", author: "Northern Health Observatory", publishedOn: "2024-03-05", language: "en-GB", publisher: null });
  });
});

describe("draftFromPdf layouts", () => {
  it("takes the title from the first heading when the file has none, and no date", async () => {
    const pdf = await makePdf(1, (page, { regular, bold }) => {
      page.drawText("Short Title Here", { x: 60, y: 760, size: 20, font: bold });
      page.drawText("A first paragraph of body text that says something checkable about kratom.", { x: 60, y: 720, size: 11, font: regular });
    });
    const draft = await draftFromPdf("untitled.pdf", pdf);
    expect(draft.metadata).toMatchObject({ title: "Short Title Here", author: null, publishedOn: null });
  });

  it("reads columns whose baselines do not line up", async () => {
    const words = (tag: string) => `${tag} says that this column is set with its own line spacing and runs on for several lines of text to fill it.`;
    const pdf = await makePdf(1, (page, { regular }) => {
      const wrap = (text: string) => text.match(/.{1,38}(\s|$)/g)!.map((l) => l.trim());
      wrap(words("Left")).forEach((line, i) => page.drawText(line, { x: 60, y: 700 - i * 14, size: 11, font: regular }));
      wrap(words("Right")).forEach((line, i) => page.drawText(line, { x: 320, y: 693 - i * 15.5, size: 11, font: regular }));
    });
    expect(kept(await draftFromPdf("offset.pdf", pdf)).map((b) => b.text)).toEqual([words("Left"), words("Right")]);
  });

  it("keeps a paragraph whole across a raised footnote marker", async () => {
    const pdf = await makePdf(1, (page, { regular }) => {
      page.drawText("Sales doubled between 2021 and 2023, according to the", { x: 60, y: 700, size: 11, font: regular });
      page.drawText("12", { x: 60 + regular.widthOfTextAtSize("Sales doubled between 2021 and 2023, according to the", 11), y: 704, size: 7, font: regular });
      page.drawText("trade association, while prices stayed the same.", { x: 60, y: 686, size: 11, font: regular });
    });
    expect(kept(await draftFromPdf("notes.pdf", pdf)).map((b) => b.text)).toEqual(["Sales doubled between 2021 and 2023, according to the12 trade association, while prices stayed the same."]);
  });

  it("reads a page whose text is turned a quarter (landscape content on a portrait page)", async () => {
    const pdf = await makePdf(1, (page, { regular }) => {
      ["First line of the turned page, read before", "the second line, which comes after it."].forEach((line, i) => page.drawText(line, { x: 100 + i * 14, y: 100, size: 11, font: regular, rotate: degrees(90) }));
    });
    expect(kept(await draftFromPdf("turned.pdf", pdf)).map((b) => b.text)).toEqual(["First line of the turned page, read before the second line, which comes after it."]);
  });

  it("marks a lone page number even on a one-page file", async () => {
    const pdf = await makePdf(1, (page, { regular }) => {
      page.drawText("Enough body text on this single page to count as a real document.", { x: 60, y: 700, size: 11, font: regular });
      page.drawText("- 7 -", { x: 290, y: 30, size: 9, font: regular });
    });
    expect((await draftFromPdf("one.pdf", pdf)).blocks.at(-1)).toMatchObject({ text: "- 7 -", drop: true, reason: PAGE_NUMBER });
  });

  it("reads a 100-page report in a few seconds", async () => {
    const sentence = "Kratom use was measured in every region, and the figures were checked against the sales data collected that year.";
    const pdf = await makePdf(100, (page, { regular, bold }, i) => {
      page.drawText("Observatory report · 2024", { x: 60, y: 805, size: 9, font: regular });
      page.drawText(`Section ${i + 1}`, { x: 60, y: 760, size: 16, font: bold });
      for (let line = 0; line < 40; line++) page.drawText(`${sentence.slice(0, 80)} ${line}`, { x: 60, y: 730 - line * 16, size: 10, font: regular });
      page.drawText(String(i + 1), { x: 290, y: 30, size: 9, font: regular });
    });
    const started = Date.now();
    const draft = await draftFromPdf("long.pdf", pdf);
    const ms = Date.now() - started;
    console.info(`100-page PDF (${pdf.length} bytes): ${ms} ms`);
    expect(ms).toBeLessThan(15_000);
    expect(draft.blocks.filter((b) => b.reason === REPEATED)).toHaveLength(100);
    expect(draft.blocks.filter((b) => b.reason === PAGE_NUMBER)).toHaveLength(100);
    expect(draft.blocks.filter((b) => b.kind === "heading")).toHaveLength(100);
  });
});

describe("draftFromPdf refusals", () => {
  it("refuses a scanned PDF (pictures, no text layer)", async () => {
    await expect(draftFromPdf("scan.pdf", fixture("scanned.pdf"))).rejects.toThrow("This PDF has no text; it looks scanned. Run OCR on it first, then import it again.");
  });

  it("refuses a password-protected PDF, which opens with its password", async () => {
    const bytes = fixture("encrypted.pdf");
    await expect(draftFromPdf("locked.pdf", bytes)).rejects.toMatchObject({ code: "invalid:import-file", message: "locked.pdf is password-protected. Remove the password and try again." });
    const pdfjs = await getResolvedPDFJS();
    const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), password: "secret", isEvalSupported: false, verbosity: 0 }).promise;
    const text = (await (await doc.getPage(1)).getTextContent()).items.map((i) => ("str" in i ? i.str : "")).join(" ");
    expect(text).toContain("Confidential findings about kratom");
    await doc.destroy();
  });

  it.each([
    ["empty.pdf", Buffer.alloc(0), "empty.pdf is empty."],
    ["text.pdf", Buffer.from("Just some text, renamed to .pdf"), "text.pdf is not a PDF file."],
    ["word.pdf", Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "word.pdf is not a PDF file."],
    ["junk.pdf", Buffer.from("%PDF-1.7\n%garbage and nothing else"), "junk.pdf could not be read: the PDF seems to be damaged."],
    ["huge.pdf", Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(11 * 1024 * 1024, 0x20)]), "huge.pdf is 11.0 MB; files can be at most 10 MB."],
  ])("refuses %s", async (name, bytes, message) => {
    await expect(draftFromPdf(name, bytes)).rejects.toMatchObject({ code: "invalid:import-file", message });
  });

  it("refuses a report cut short, or reads what is left", async () => {
    const report = fixture("report.pdf");
    for (const cut of [0.2, 0.5, 0.9]) {
      const outcome = await draftFromPdf("cut.pdf", report.subarray(0, Math.floor(report.length * cut))).catch((error: Error) => error);
      if (outcome instanceof Error) expect(outcome.message).toMatch(/^cut\.pdf could not be read|^This PDF has no text/);
      else expect(outcome.blocks.length).toBeGreaterThan(0);
    }
  });

  it(`refuses more than ${MAX_PDF_PAGES} pages before reading them`, async () => {
    const pdf = await makePdf(MAX_PDF_PAGES + 1, (page, { regular }) => page.drawText("Page text.", { x: 60, y: 700, size: 11, font: regular }));
    await expect(draftFromPdf("book.pdf", pdf)).rejects.toThrow(`book.pdf has ${MAX_PDF_PAGES + 1} pages; Factdesk imports PDFs of at most ${MAX_PDF_PAGES} pages.`);
  });

  it("stops reading at the time limit", async () => {
    expect(await readPdfText(fixture("report.pdf"), { maxPages: 10, maxChars: 1e6, maxItemsPerPage: 1e4, timeMs: 1 })).toEqual({ failed: "too_slow" });
  });

  it("counts what compressed page content unpacks to, leaving images aside", async () => {
    expect(await unpacksTooLarge(fixture("report.pdf"), 1024)).toBe(true);
    expect(await unpacksTooLarge(fixture("report.pdf"))).toBe(false);
    // Its one stream is a 400×540 picture: 216 KB unpacked, not counted.
    expect(await unpacksTooLarge(fixture("scanned.pdf"), 1024)).toBe(false);
  });
});
