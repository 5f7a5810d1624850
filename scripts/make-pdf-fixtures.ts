/**
 * Writes the PDF fixtures of server/import/pdf.test.ts to fixtures/pdf/:
 * `npx tsx scripts/make-pdf-fixtures.ts`. The files are committed, so tests
 * never run this; it is here so they can be remade and changed. Deterministic:
 * fixed dates and no IDs from the clock, so a rerun gives the same bytes.
 *
 * - report.pdf: four pages with a running header, a footer and page numbers,
 *   a title, headings, a word hyphenated at a line end, a page in two
 *   columns, a table and a bulleted list; Title, Author, dates in its info.
 * - scanned.pdf: one page holding only a picture, no text layer.
 * - encrypted.pdf: written by hand with the standard security handler
 *   (RC4, 40 bits, revision 2; pdf-lib cannot encrypt), user password "secret".
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";

const OUT = path.join(process.cwd(), "fixtures", "pdf");
const [WIDTH, HEIGHT] = [595, 842];
const MARGIN = 60;
const BODY = 11;
const LEADING = 15;
const PAGES = 4;

type Fonts = { regular: PDFFont; bold: PDFFont };

/** Greedy line breaking at spaces, as a word processor does. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines.at(-1);
    if (last !== undefined && font.widthOfTextAtSize(`${last} ${word}`, size) <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** Draws lines from the baseline `y` down; returns the baseline below the last one plus a paragraph gap. */
function drawLines(page: PDFPage, lines: string[], at: { x: number; y: number; font: PDFFont; size?: number; leading?: number }): number {
  const size = at.size ?? BODY;
  const leading = at.leading ?? LEADING;
  lines.forEach((line, i) => page.drawText(line, { x: at.x, y: at.y - i * leading, size, font: at.font }));
  return at.y - lines.length * leading - 8;
}

function paragraph(page: PDFPage, fonts: Fonts, text: string, y: number, x = MARGIN, width = WIDTH - 2 * MARGIN): number {
  return drawLines(page, wrap(text, fonts.regular, BODY, width), { x, y, font: fonts.regular });
}

function heading(page: PDFPage, fonts: Fonts, text: string, y: number, size = 16): number {
  return drawLines(page, [text], { x: MARGIN, y, font: fonts.bold, size, leading: size * 1.3 }) - 4;
}

/** The running header, the footer and the page number every page carries. */
function furniture(page: PDFPage, fonts: Fonts, number: number) {
  page.drawText("Northern Health Observatory · Kratom Use Report 2024", { x: MARGIN, y: 805, size: 9, font: fonts.regular });
  page.drawText("nho.example/reports/kratom-2024 · Draft for review", { x: MARGIN, y: 48, size: 9, font: fonts.regular });
  const label = `Page ${number} of ${PAGES}`;
  page.drawText(label, { x: (WIDTH - fonts.regular.widthOfTextAtSize(label, 9)) / 2, y: 30, size: 9, font: fonts.regular });
}

function pageOne(page: PDFPage, fonts: Fonts) {
  let y = heading(page, fonts, "Kratom Use in the Northern Regions", 735, 22);
  y = heading(page, fonts, "1. Background", y - 10);
  y = paragraph(page, fonts, "Kratom is a tropical tree whose leaves are sold as a herbal supplement. Surveys in the northern regions suggest that its use has grown since 2019, mostly among adults who say they take it for pain or to ease opioid withdrawal.", y);
  // Broken by hand: a word hyphenated at the line end, and real hyphens at and inside a line.
  y = drawLines(
    page,
    [
      "Clinicians describe a wide range of outcomes. Several patients sought treat-",
      "ment after daily use for more than a year, while others reported long-term",
      "use without apparent harm. Regulators in non-",
      "EU countries have taken very different approaches to the substance.",
    ],
    { x: MARGIN, y, font: fonts.regular },
  );
  y = heading(page, fonts, "2. Method", y - 6);
  paragraph(page, fonts, "We combined three regional health surveys carried out in 2023 with interviews of twelve clinicians. Each survey asked adults whether they had used kratom in the past year and, if so, how often and why.", y);
}

function pageTwo(page: PDFPage, fonts: Fonts) {
  const y = heading(page, fonts, "3. Findings", 750);
  const gutter = 24;
  const column = (WIDTH - 2 * MARGIN - gutter) / 2;
  const right = MARGIN + column + gutter;
  let left = paragraph(page, fonts, "Alpha: in the first survey wave, one adult in twelve reported having used kratom at least once in the past year, most of them weekly or more often.", y, MARGIN, column);
  left = paragraph(page, fonts, "Bravo: use was highest among adults aged 25 to 44 and lowest among those over 65.", left, MARGIN, column);
  let top = paragraph(page, fonts, "Charlie: clinicians said that patients rarely mention kratom unless asked directly, which suggests the surveys undercount it.", y, right, column);
  top = paragraph(page, fonts, "Delta: none of the clinicians had seen a case of severe poisoning that involved kratom alone in the period studied.", top, right, column);
  paragraph(page, fonts, "Echo: these findings are preliminary, and the next survey wave will ask about the amounts taken as well as how often kratom is used.", Math.min(left, top) - 10);
}

function pageThree(page: PDFPage, fonts: Fonts) {
  let y = heading(page, fonts, "4. Regional figures", 750);
  y = paragraph(page, fonts, "The table below gives the share of surveyed adults in each region who reported any use of kratom in the past year.", y);
  const columns = [MARGIN, 230, 400];
  const rows = [
    ["Region", "Adults surveyed", "Reported use"],
    ["North Coast", "1,204", "8.1%"],
    ["Lake District", "987", "5.4%"],
    ["Highlands", "1,530", "11.2%"],
  ];
  rows.forEach((cells, r) => cells.forEach((cell, c) => page.drawText(cell, { x: columns[c]!, y: y - 4 - r * 18, size: BODY, font: r === 0 ? fonts.bold : fonts.regular })));
  y -= 4 + rows.length * 18 + 12;
  y = drawLines(page, ["Source: regional health surveys, 2023."], { x: MARGIN, y, font: fonts.regular, size: 9 });
  paragraph(page, fonts, "The Highlands figure stands out. Its survey was carried out online only, and online samples tend to include more people who buy supplements on the internet.", y - 6);
}

function pageFour(page: PDFPage, fonts: Fonts) {
  let y = heading(page, fonts, "5. Conclusions", 750);
  y = paragraph(page, fonts, "Kratom use is common enough in the northern regions to deserve regular monitoring. We recommend three steps:", y);
  for (const item of ["Ask about kratom in every regional health survey.", "Train clinicians to ask patients about herbal supplements.", "Publish the survey data every year."]) {
    page.drawText(`•  ${item}`, { x: MARGIN + 10, y, size: BODY, font: fonts.regular });
    y -= LEADING + 4;
  }
  paragraph(page, fonts, "The observatory will report again in spring 2025.", y - 4);
}

async function report(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
  [pageOne, pageTwo, pageThree, pageFour].forEach((draw, i) => {
    const page = doc.addPage([WIDTH, HEIGHT]);
    furniture(page, fonts, i + 1);
    draw(page, fonts);
  });
  doc.setTitle("Kratom Use in the Northern Regions: Annual Report 2024");
  doc.setAuthor("Northern Health Observatory");
  doc.setLanguage("en-GB");
  doc.setProducer("Factdesk fixture script");
  doc.setCreator("scripts/make-pdf-fixtures.ts");
  doc.setCreationDate(new Date("2024-03-05T10:00:00Z"));
  doc.setModificationDate(new Date("2024-03-07T16:30:00Z"));
  return doc.save();
}

/** A grey PNG with dark bars where lines of print would be: what a scanner makes of a page. */
function scanPng(width: number, height: number): Buffer {
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    const line = Math.floor(y / 12);
    const ink = y % 12 < 7 && line % 6 !== 5;
    for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = ink && x > 20 && x < width - 20 - (line % 3) * 30 && (x * 7 + line) % 23 > 4 ? 40 : 235;
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", zlib.deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

async function scanned(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const image = await doc.embedPng(scanPng(400, 540));
  doc.addPage([WIDTH, HEIGHT]).drawImage(image, { x: 97, y: 151, width: 400, height: 540 });
  doc.setCreationDate(new Date("2024-03-05T10:00:00Z"));
  return doc.save();
}

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) % 256;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) % 256;
    j = (j + s[i]!) % 256;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) % 256]!;
  }
  return out;
}

const md5 = (...parts: Buffer[]) => crypto.createHash("md5").update(Buffer.concat(parts)).digest();

/** A one-page PDF encrypted as Acrobat 3 did (PDF 1.7 §7.6.3, algorithms 2–4), readable only with `password`. */
function encrypted(password: string): Buffer {
  const PAD = Buffer.from("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a", "hex");
  const padded = (p: string) => Buffer.concat([Buffer.from(p, "latin1"), PAD]).subarray(0, 32);
  const id = md5(Buffer.from("factdesk encrypted fixture"));
  const permissions = -44;
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const owner = rc4(md5(padded("owner")).subarray(0, 5), padded(password));
  const fileKey = md5(padded(password), owner, p, id).subarray(0, 5);
  const user = rc4(fileKey, PAD);
  const objectKey = (n: number) => md5(fileKey, Buffer.from([n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, 0, 0])).subarray(0, 10);
  const content = rc4(objectKey(5), Buffer.from("BT /F1 20 Tf 72 720 Td (Confidential findings about kratom) Tj 0 -30 Td /F1 12 Tf (Only readers with the password see this text.) Tj ET"));
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    Buffer.concat([Buffer.from(`<< /Length ${content.length} >>\nstream\n`, "latin1"), content, Buffer.from("\nendstream", "latin1")]),
    `<< /Filter /Standard /V 1 /R 2 /O <${owner.toString("hex")}> /U <${user.toString("hex")}> /P ${permissions} >>`,
  ];
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.concat(parts).length);
    parts.push(Buffer.from(`${i + 1} 0 obj\n`, "latin1"), typeof body === "string" ? Buffer.from(body, "latin1") : body, Buffer.from("\nendobj\n", "latin1"));
  });
  const xref = Buffer.concat(parts).length;
  const entries = offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  const hexId = id.toString("hex");
  parts.push(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${entries}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 6 0 R /ID [<${hexId}> <${hexId}>] >>\nstartxref\n${xref}\n%%EOF\n`, "latin1"));
  return Buffer.concat(parts);
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const files: [string, Uint8Array][] = [
    ["report.pdf", await report()],
    ["scanned.pdf", await scanned()],
    ["encrypted.pdf", encrypted("secret")],
  ];
  for (const [name, bytes] of files) {
    fs.writeFileSync(path.join(OUT, name), bytes);
    console.log(`${name}: ${bytes.length} bytes`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
