/** Files (.docx, .html, refused types) and rich clipboard paste, in the browser. */
import fs from "node:fs";
import path from "node:path";
import { makeDocx } from "../../testing/docx";
import { expect, pages, test, uniqueTitle } from "../fixtures/test";

test("imports a Word document with its headings and quotes", async ({ reviewer }, testInfo) => {
  const title = uniqueTitle(testInfo, "Kratom draft from Word");
  const docx = makeDocx([
    { text: "Kratom and sleep", style: "Heading1" },
    { text: "Kratom is said to help people sleep during opioid withdrawal." },
    { text: "“No trial has tested this,” a pharmacologist said.", style: "Quote" },
  ]);
  const id = await pages.import(reviewer).importArticle({ title, file: { name: "draft.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", content: docx } });
  expect(id).toBeTruthy();
  const article = pages.article(reviewer);
  await expect(article.text.getByRole("heading", { name: "Kratom and sleep" })).toBeVisible();
  await expect(article.text.locator("blockquote")).toHaveText("“No trial has tested this,” a pharmacologist said.");
});

test("refuses unsupported and corrupt files with a clear message and states the limits", async ({ reviewer }) => {
  const importPage = pages.import(reviewer);
  await importPage.goto();
  await reviewer.getByRole("tab", { name: "File" }).click();
  await expect(reviewer.getByText("(.txt, .md, .html, .docx, .pdf, or a transcript: .vtt, .srt or speaker lines in .txt; up to 10 MB)")).toBeVisible();
  await reviewer.getByLabel("Choose a file").setInputFiles({ name: "report.odt", mimeType: "application/vnd.oasis.opendocument.text", buffer: Buffer.from("PK not really") });
  await expect(reviewer.getByTestId("import-error")).toContainText("report.odt cannot be imported");
  // A scanned PDF has no text to check: refused in plain words.
  await reviewer.getByLabel("Choose a file").setInputFiles({ name: "scanned.pdf", mimeType: "application/pdf", buffer: fs.readFileSync(path.join(process.cwd(), "fixtures", "pdf", "scanned.pdf")) });
  await expect(reviewer.getByTestId("import-error")).toContainText("no text");
  await reviewer.getByLabel("Choose a file").setInputFiles({ name: "broken.docx", mimeType: "application/octet-stream", buffer: Buffer.from("not a zip") });
  await expect(reviewer.getByTestId("import-error")).toContainText("not a valid Word document");
});

test("keeps headings and paragraphs from rich clipboard HTML", async ({ reviewer }, testInfo) => {
  const importPage = pages.import(reviewer);
  await importPage.goto();
  await reviewer.getByRole("tab", { name: "Paste" }).click();
  const box = reviewer.getByLabel("Article text");
  await box.focus();
  await box.evaluate((el) => {
    const data = new DataTransfer();
    data.setData("text/html", "<h2>Kratom claims</h2><p>Kratom <b>cures</b> anxiety, the post says.</p><p>Sellers call it safe.<img src=x onerror=\"window.__pasteXss=1\"></p>");
    data.setData("text/plain", "Kratom claims\nKratom cures anxiety, the post says.\nSellers call it safe.");
    el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(reviewer.getByText("Formatting from the clipboard is used")).toBeVisible();
  await reviewer.getByRole("button", { name: "Preview", exact: true }).click();
  await expect(importPage.block("Kratom claims")).toHaveAttribute("data-kind", "heading");
  await expect(importPage.block("Sellers call it safe.")).toHaveAttribute("data-kind", "paragraph");
  await reviewer.getByLabel("Title", { exact: true }).fill(uniqueTitle(testInfo, "Rich paste"));
  await importPage.submit();
  const article = pages.article(reviewer);
  await expect(article.text.getByRole("heading", { name: "Kratom claims" })).toBeVisible();
  await expect(article.text.locator("p")).toHaveText(["Kratom cures anxiety, the post says.", "Sellers call it safe."]);
  expect(await reviewer.evaluate(() => (window as unknown as { __pasteXss?: number }).__pasteXss)).toBeUndefined();
});
