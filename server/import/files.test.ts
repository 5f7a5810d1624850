import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeDocx } from "@/testing/docx";
import { draftFromFile } from "./files";

const web = (name: string) => fs.readFileSync(path.resolve(import.meta.dirname, "../../fixtures/web", name));

describe("draftFromFile", () => {
  it("reads .docx headings, paragraphs and quotes with mammoth", async () => {
    const docx = makeDocx([
      { text: "Kratom and sleep", style: "Heading1" },
      { text: "Kratom is said to help with insomnia & anxiety." },
      { text: "What the studies say", style: "Heading2" },
      { text: "“No trial has tested it,” a pharmacologist said.", style: "Quote" },
    ]);
    const draft = await draftFromFile("Kratom draft.docx", docx);
    expect(draft.metadata.title).toBe("Kratom and sleep");
    expect(draft.blocks.map((b) => [b.kind, b.text, b.drop])).toEqual([
      ["heading", "Kratom and sleep", false],
      ["paragraph", "Kratom is said to help with insomnia & anxiety.", false],
      ["heading", "What the studies say", false],
      ["quote", "“No trial has tested it,” a pharmacologist said.", false],
    ]);
  });

  it("reads .html files with the reader view and keeps their sanitized HTML", async () => {
    const draft = await draftFromFile("page.html", web("with-article.html"));
    expect(draft.blocks.some((b) => !b.drop && b.text.startsWith("Kratom contains alkaloids"))).toBe(true);
    expect(draft.sourceHtml).toContain("Kratom contains alkaloids");
    expect(draft.metadata.canonicalUrl).toBe("https://dailyhealthwire.example/news/kratom-opioid-withdrawal");
  });

  it("reads .md with headings and lists, and .txt in legacy encodings", async () => {
    const md = await draftFromFile("a.md", Buffer.from("# Title\n\nText **bold**.\n\n- item one\n- item two\n"));
    expect(md.blocks.map((b) => b.kind)).toEqual(["heading", "paragraph", "list_item", "list_item"]);
    const latin = await draftFromFile("a.txt", Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x35]));
    expect(latin.blocks[0]!.text).toBe("Café €5");
  });

  it.each([
    ["report.odt", Buffer.from("PK..."), /cannot be imported.*\.txt, \.md, \.html, \.docx, \.pdf, \.vtt, \.srt files, not \.odt/],
    ["renamed.pdf", Buffer.from("%PDX not really"), /PDF/],
    ["noext", Buffer.from("hello"), /cannot be imported/],
    ["broken.docx", Buffer.from("this is not a zip"), /not a valid Word document/],
    ["damaged.docx", Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]), /damaged/],
    ["binary.txt", Buffer.from([0x48, 0x00, 0x49, 0x00]), /does not look like a text file/],
    ["empty.md", Buffer.alloc(0), /is empty/],
    ["huge.txt", Buffer.alloc(11 * 1024 * 1024, 0x61), /at most 10 MB/],
  ])("refuses %s with a clear message", async (name, bytes, message) => {
    await expect(draftFromFile(name, bytes)).rejects.toThrow(message);
  });
});
