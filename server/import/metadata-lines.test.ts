import { describe, expect, it } from "vitest";
import { EMPTY_METADATA } from "../../lib/import-draft";
import { draftFromHtml } from "./extract-html";
import { authorOnLine, dateOnLine, metadataFromLines } from "./metadata-lines";

describe("dates and authors from the lines left out", () => {
  it("reads the common spellings of a date, in UTC whatever the server's zone", () => {
    expect(dateOnLine("Published December 23, 2016")).toBe("2016-12-23");
    expect(dateOnLine("Updated 10:32 GMT, 3rd Mar. 2024")).toBe("2024-03-03");
    expect(dateOnLine("2024-02-29")).toBe("2024-02-29");
    expect(dateOnLine("03/04/2024")).toBeNull(); // day or month first: not guessed
    expect(dateOnLine("February 30, 2023")).toBeNull();
  });

  it("reads the name of a byline and stops at its date or outlet", () => {
    expect(authorOnLine("By Jane Doe | March 3, 2024")).toBe("Jane Doe");
    expect(authorOnLine("By JANE DOE and John Roe, Reuters")).toBe("JANE DOE and John Roe");
    expect(authorOnLine("Written by Dr. A. Smith")).toBe("Dr. A. Smith");
    expect(authorOnLine("by clicking")).toBeNull();
  });

  it("fills only what the page's metadata left empty", () => {
    const blocks = [
      { kind: "paragraph" as const, text: "By Jane Doe", drop: true, reason: "Byline (the author is metadata)" },
      { kind: "paragraph" as const, text: "March 3, 2024", drop: true, reason: "Date line (the date is metadata)" },
    ];
    expect(metadataFromLines({ ...EMPTY_METADATA, title: "T" }, blocks)).toMatchObject({ author: "Jane Doe", publishedOn: "2024-03-03" });
    expect(metadataFromLines({ ...EMPTY_METADATA, title: "T", author: "Desk", publishedOn: "2020-01-01" }, blocks)).toMatchObject({ author: "Desk", publishedOn: "2020-01-01" });
  });

  it("prefills an imported page's author and date from its byline and date line", () => {
    const page = `<html><head><title>Kratom sales rise</title></head><body><article><h1>Kratom sales rise</h1><p>By Jane Doe</p><p>Published March 3, 2024</p>
      ${"<p>Sales of kratom rose by a third last year, according to the industry's own figures, which regulators dispute.</p>".repeat(4)}</article></body></html>`;
    const draft = draftFromHtml(page, { url: "https://news.example/a", source: { kind: "url", label: "x" }, readerView: true, keepHtml: false });
    expect(draft.metadata).toMatchObject({ author: "Jane Doe", publishedOn: "2024-03-03" });
  });
});
