import { describe, expect, it } from "vitest";
import { blocksFromMarkdown, decodeEntities } from "./markdown-blocks";
import { canonicalText } from "./anchoring/text";

describe("blocksFromMarkdown", () => {
  it("maps headings, paragraphs, list items and quotes to block kinds", () => {
    const md = [
      "# Vaccines and *myths*",
      "",
      "Setext heading",
      "--------------",
      "",
      "A paragraph that",
      "wraps over lines.",
      "",
      "- first item",
      "- second item",
      "  - nested **deep** item",
      "    1. deeper still",
      "- third item",
      "",
      "> A quoted paragraph.",
      ">",
      "> Another quoted one.",
      "",
      "```js",
      "const  x = 1;",
      "```",
    ].join("\n");
    expect(blocksFromMarkdown(md)).toEqual([
      { kind: "heading", text: "Vaccines and myths" },
      { kind: "heading", text: "Setext heading" },
      { kind: "paragraph", text: "A paragraph that wraps over lines." },
      { kind: "list_item", text: "first item" },
      { kind: "list_item", text: "second item" },
      { kind: "list_item", text: "nested deep item" },
      { kind: "list_item", text: "deeper still" },
      { kind: "list_item", text: "third item" },
      { kind: "quote", text: "A quoted paragraph." },
      { kind: "quote", text: "Another quoted one." },
      { kind: "paragraph", text: "const x = 1;" },
    ]);
  });

  it("keeps link text and drops emphasis markers, images and inline HTML tags", () => {
    const md =
      "Read [the **WHO** report](https://who.int/x \"title\") _now_, ~~not~~ __later__. " +
      "<span class=\"x\">Tagged</span> text ![a chart](c.png) and `a * b`.";
    expect(blocksFromMarkdown(md)).toEqual([
      { kind: "paragraph", text: "Read the WHO report now, not later. Tagged text and a * b." },
    ]);
  });

  it("decodes entities in prose but keeps code spans literal", () => {
    const md = "Tom &amp; Jerry &copy; 2024 &mdash; 5 &lt; 6 &#x1F600; &#233; &unknown; `&amp;`";
    expect(blocksFromMarkdown(md)[0].text).toBe("Tom & Jerry \u00a9 2024 \u2014 5 < 6 \u{1F600} \u00e9 &unknown; &amp;");
  });

  it("keeps escaped markdown characters as text", () => {
    expect(blocksFromMarkdown("Not \\*emphasis\\* and 3 \\< 4")[0].text).toBe("Not *emphasis* and 3 < 4");
  });

  it("strips block HTML to its visible text and drops scripts and comments", () => {
    const md = "<div><p>First <b>bold</b> &amp; more</p><p>Second</p></div>\n\n<!-- hidden -->\n\n<script>alert(1)</script>\n\nAfter";
    expect(blocksFromMarkdown(md)).toEqual([
      { kind: "paragraph", text: "First bold & more" },
      { kind: "paragraph", text: "Second" },
      { kind: "paragraph", text: "After" },
    ]);
  });

  it("turns loose list items with several paragraphs into one block, and skips task checkboxes", () => {
    const md = "1. Loose item\n\n   with a second paragraph\n\n2. Next\n\n- [x] done task";
    expect(blocksFromMarkdown(md)).toEqual([
      { kind: "list_item", text: "Loose item with a second paragraph" },
      { kind: "list_item", text: "Next" },
      { kind: "list_item", text: "done task" },
    ]);
  });

  it("marks lists inside a blockquote as quote", () => {
    expect(blocksFromMarkdown("> Intro\n>\n> - quoted item")).toEqual([
      { kind: "quote", text: "Intro" },
      { kind: "quote", text: "quoted item" },
    ]);
  });

  it("renders table rows as paragraphs with separated cells", () => {
    expect(blocksFromMarkdown("| Year | Cases |\n|---|---|\n| 2020 | 1,000 |")).toEqual([
      { kind: "paragraph", text: "Year | Cases" },
      { kind: "paragraph", text: "2020 | 1,000" },
    ]);
  });

  it("treats CRLF and CR line endings like LF", () => {
    const lf = "# Title\n\nLine one\nline two\n\n- a\n- b\n";
    expect(blocksFromMarkdown(lf.replace(/\n/g, "\r\n"))).toEqual(blocksFromMarkdown(lf));
    expect(blocksFromMarkdown(lf.replace(/\n/g, "\r"))).toEqual(blocksFromMarkdown(lf));
    expect(canonicalText(blocksFromMarkdown(lf.replace(/\n/g, "\r\n")))).toBe("Title\n\nLine one line two\n\na\n\nb");
  });

  it("returns [] for empty or blank input and drops blocks with no visible text", () => {
    expect(blocksFromMarkdown("")).toEqual([]);
    expect(blocksFromMarkdown(" \n\t\r\n ")).toEqual([]);
    expect(blocksFromMarkdown("---\n\n![only an image](x.png)\n\n<!-- c -->")).toEqual([]);
  });

  it("normalizes to NFC and collapses NBSP and tabs", () => {
    expect(blocksFromMarkdown("Cafe\u0301\u00a0\tau  lait")[0].text).toBe("Caf\u00e9 au lait");
  });
});

describe("decodeEntities", () => {
  it("decodes named and numeric references and replaces invalid code points", () => {
    expect(decodeEntities("&quot;a&quot; &#39;b&#39; &#x41; &#0; &#xD800;")).toBe("\"a\" 'b' A \ufffd \ufffd");
  });
  it("does not treat inherited object keys as entities", () => {
    expect(decodeEntities("&constructor; &toString;")).toBe("&constructor; &toString;");
  });
});
