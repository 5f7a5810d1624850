/**
 * Hostile markup in an imported page and in pasted text never runs: not in
 * the preview, the sandboxed "as imported" view, the workspace or the public
 * page. Each payload would set window.__xss; a dialog would also fail the test.
 */
import type { Page } from "@playwright/test";
import { expect, pages, test, uniqueTitle } from "../fixtures/test";

const origin = () => process.env.E2E_FIXTURE_ORIGIN!;
const SAFE_SENTENCE = "Regulators disagree and point to reports of liver injury.";

async function expectNothingRan(page: Page) {
  // Give late handlers (image errors, frame loads) a chance to fire first.
  await page.waitForTimeout(300);
  const flags = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return [w.__xss, w.__pasteXss, ...Array.from(window.frames).map((f) => { try { return (f as unknown as Record<string, unknown>).__xss; } catch { return undefined; } })];
  });
  expect(flags.filter((f) => f !== undefined)).toEqual([]);
}

function failOnDialog(page: Page) {
  page.on("dialog", (d) => {
    throw new Error(`A script opened a dialog: ${d.message()}`);
  });
}

test("payloads in an imported page never execute in the preview, workspace or public page", async ({ reviewer, editor, anonymous }, testInfo) => {
  [reviewer, editor, anonymous].forEach(failOnDialog);
  const importPage = pages.import(reviewer);
  await importPage.goto();
  await importPage.previewSource({ url: `${origin()}/pages/xss.html` });
  // The hostile title arrives as text.
  await expect(reviewer.getByLabel("Title", { exact: true })).toHaveValue('Kratom safety <img src=x onerror="window.__xss=1">');
  await reviewer.getByText("Show the page as imported").click();
  const frame = reviewer.locator("iframe[sandbox]");
  await expect(frame).toHaveAttribute("sandbox", "");
  await expect(reviewer.frameLocator("iframe[sandbox]").getByText("Regulators disagree")).toBeVisible();
  await expect(reviewer.frameLocator("iframe[sandbox]").locator("script, iframe, form, img, svg, [onerror], [onload]")).toHaveCount(0);
  await expectNothingRan(reviewer);

  const title = uniqueTitle(testInfo, 'Kratom safety <img src=x onerror="window.__xss=1">');
  await reviewer.getByLabel("Title", { exact: true }).fill(title);
  const id = await importPage.submit();
  const article = pages.article(reviewer);
  await expect(reviewer.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(article.text).toContainText("<script>window.__xss='escaped-text'</script>");
  await expect(article.text.locator("script, img, iframe, svg, a, form")).toHaveCount(0);
  await expectNothingRan(reviewer);

  // Through the workflow to the public page.
  await article.addClaim(SAFE_SENTENCE, "Kratom has been linked to liver injury.");
  await article.proposeVerdict("Kratom has been linked to liver injury.", {
    rating: "Accurate",
    rationale: "Case reports describe <b>liver injury</b> <img src=x onerror=\"window.__xss='rationale'\">.",
    citation: { url: "https://www.ncbi.nlm.nih.gov/books/NBK548231/", title: "LiverTox: Kratom", stance: "supports" },
  });
  const approvals = pages.approvals(editor);
  await approvals.goto();
  await approvals.approve("Kratom has been linked to liver injury.", title);
  const editorArticle = pages.article(editor);
  await editorArticle.goto(id);
  await editorArticle.publish("Liver injury from kratom is documented in case reports.");
  await expectNothingRan(editor);

  const site = pages.publicSite(anonymous);
  await site.open(title);
  await expect(anonymous.getByText(SAFE_SENTENCE).first()).toBeVisible();
  await expectNothingRan(anonymous);
});

test("payloads in pasted plain text are shown as text", async ({ reviewer }, testInfo) => {
  failOnDialog(reviewer);
  const payload = `<img src=x onerror="window.__xss='paste'"> <script>window.__xss='paste-script'</script> <a href="javascript:window.__xss='link'">link</a>`;
  await pages.import(reviewer).importArticle({ title: uniqueTitle(testInfo, "Pasted payload"), text: `Kratom is sold online.\n\n${payload}` });
  const article = pages.article(reviewer);
  await expect(article.text).toContainText(`<img src=x onerror="window.__xss='paste'">`);
  await expect(article.text.locator("img, script, a")).toHaveCount(0);
  await expectNothingRan(reviewer);
});
