/**
 * A PDF report through the whole loop: imported with its pages (running headers, footers and page numbers
 * left out, restorable in the preview), a claim on page 3 checked, approved and published; readers see
 * the page it is on.
 */
import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, Locator } from "@playwright/test";
import { expect, pages, test, uniqueTitle } from "../fixtures/test";

const SENTENCE = "Highlands | 1,530 | 11.2%";
const STATEMENT = "11.2% of adults surveyed in the Highlands used kratom";
const VERDICT = {
  rating: "Accurate",
  rationale: "The regional survey tables give 11.2 percent for the Highlands.",
  citation: { url: "https://example.org/regional-health-survey", title: "Regional health survey tables", publisher: "Northern Health Observatory", quote: "Highlands: 11.2%", locator: "table 2, p. 14", stance: "supports" as const },
};

const REPORT = fs.readFileSync(path.join(process.cwd(), "fixtures", "pdf", "report.pdf"));

/** The kept original behind a link: the same bytes, served only as a PDF that may load nothing else. */
async function expectOriginal(link: Locator, request: APIRequestContext) {
  await expect(link).toHaveAttribute("target", "_blank");
  const response = await request.get((await link.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  expect(response.headers()["content-security-policy"]).toMatch(/^default-src 'none';/);
  expect(Buffer.compare(await response.body(), REPORT)).toBe(0);
  return (await link.getAttribute("href"))!;
}

test("a PDF report goes from import to a published claim that says its page", async ({ reviewer, editor, anonymous }, testInfo) => {
  const title = uniqueTitle(testInfo, "Northern regions report");
  const importer = pages.import(reviewer);
  await importer.goto();
  await importer.fill({ title, file: { name: "report.pdf", mimeType: "application/pdf", content: REPORT } });
  // "As imported" is the file itself, in the browser's PDF viewer, not its content re-rendered into the desk.
  await expectOriginal(importer.preview.getByRole("link", { name: /Open the PDF as imported/ }), reviewer.request);
  await expect(importer.block(SENTENCE)).toContainText("p. 3");
  // The running header is in the preview, left out, with its reason.
  await expect(importer.preview).toContainText("Repeated across pages");
  const id = await importer.submit();

  const article = pages.article(reviewer);
  await expect(article.text.locator('[data-marker="Page 3"]')).toHaveCount(1);
  const original = await expectOriginal(reviewer.getByRole("link", { name: /PDF as imported/ }), reviewer.request);
  // Desk material: a reader (no session) gets nothing.
  expect((await anonymous.request.get(original)).status()).toBe(401);
  await article.addClaim(SENTENCE, STATEMENT);
  await expect(article.claimEntry(STATEMENT).getByTestId("claim-position")).toHaveText(/^Claim 1 · 1st in the text · p\. 3/);
  await article.proposeVerdict(STATEMENT, VERDICT);
  const approvals = pages.approvals(editor);
  await approvals.goto();
  await approvals.approve(STATEMENT, title, "Matches the table.");
  const editorArticle = pages.article(editor);
  await editorArticle.goto(id);
  await editorArticle.publish("The report's figure is quoted correctly.");

  const site = pages.publicSite(anonymous);
  await site.open(title);
  const claim = site.claim(STATEMENT);
  await expect(claim).toContainText(/Claimed by Northern Health Observatory, [^·]*p\. 3/);
  // The citation's quote says where in its source it is.
  await expect(claim.locator("blockquote").filter({ hasText: "Highlands: 11.2%" })).toContainText("(table 2, p. 14)");
});

test("a PDF found by its web address is read the same way, its metadata prefilling the article", async ({ reviewer }) => {
  const importer = pages.import(reviewer);
  await importer.goto();
  await importer.previewSource({ url: `${process.env.E2E_FIXTURE_ORIGIN}/reports/northern-regions.pdf` });
  await expect(importer.block(SENTENCE)).toContainText("p. 3");
  await expect(reviewer.getByLabel("Title", { exact: true })).toHaveValue("Kratom Use in the Northern Regions: Annual Report 2024");
  await expect(reviewer.getByLabel("Author", { exact: true })).toHaveValue("Northern Health Observatory");
  await expect(reviewer.getByLabel("Source URL", { exact: true })).toHaveValue(`${process.env.E2E_FIXTURE_ORIGIN}/reports/northern-regions.pdf`);
  await expectOriginal(importer.preview.getByRole("link", { name: /Open the PDF as imported/ }), reviewer.request);
});
