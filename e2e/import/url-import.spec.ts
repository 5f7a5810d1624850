/**
 * Import from a web address served by the local fixture server, preview,
 * leave a block out, save, highlight, re-import a changed version and
 * resolve the claim that needs review.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { SnapshotPage } from "../fixtures/pages/snapshot-page";
import { expect, pages, test } from "../fixtures/test";

const origin = () => process.env.E2E_FIXTURE_ORIGIN!;
const FIVE = "About 5% of adults surveyed said they had used kratom in the past year";
const SIX = "About 6% of adults surveyed said they had used kratom in the past year";
const DOCTORS = "Doctors interviewed for the survey warned that kratom can cause dependence";
const DROPPED = "Most respondents who used kratom said they bought it online";

async function expectNoSeriousA11yIssues(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test("imports a web page, re-imports a changed version and resolves the claim that needs review", async ({ reviewer }, testInfo) => {
  const key = `survey-${testInfo.project.name}-${Date.now().toString(36)}`;
  const url = `${origin()}/living/${key}`;
  const importPage = pages.import(reviewer);
  await importPage.goto();
  await importPage.previewSource({ url });

  // Extraction: metadata filled in, boilerplate pre-marked with its reason.
  await expect(reviewer.getByLabel("Title", { exact: true })).toHaveValue("Kratom use is rising, survey finds");
  await expect(reviewer.getByLabel("Publisher", { exact: true })).toHaveValue("Example Herald");
  await expect(reviewer.getByLabel("Author", { exact: true })).toHaveValue("Jo Park");
  await expect(reviewer.getByLabel("Publication date", { exact: true })).toHaveValue("2024-06-01");
  await expect(reviewer.getByLabel("Canonical URL", { exact: true })).toHaveValue(url);
  await expect(importPage.block("by admin").getByRole("checkbox")).not.toBeChecked();
  await expect(importPage.block("by admin")).toContainText("Byline");
  await expect(importPage.block("Leave a Comment").getByRole("checkbox")).not.toBeChecked();
  await expectNoSeriousA11yIssues(reviewer);

  // The reviewer leaves out one more paragraph and gives the article a title of their own.
  await importPage.block(DROPPED).getByRole("checkbox").uncheck();
  await expect(reviewer.getByTestId("block-count")).toHaveText(/^3 of \d+ kept$/);
  const title = `Survey on kratom use [${key}]`;
  await reviewer.getByLabel("Title", { exact: true }).fill(title);
  const id = await importPage.submit();

  const article = pages.article(reviewer);
  await expect(reviewer.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(article.text.locator("[data-block]")).toHaveCount(3);
  await expect(article.text).not.toContainText(DROPPED);
  await expect(article.text).not.toContainText("by admin");
  await article.addClaim(`${FIVE}, up from two percent five years earlier.`, "Five percent of adults used kratom last year.");
  await article.addClaim(`${DOCTORS} and interact with other medicines.`, "Kratom can cause dependence.");

  // Importing the same page again offers the existing article instead of a duplicate.
  await importPage.goto();
  await importPage.previewSource({ url });
  await expect(reviewer.getByTestId("duplicate-notice")).toContainText(title);
  await expect(reviewer.getByRole("button", { name: "Import article" })).toBeDisabled();
  await expect(reviewer.getByTestId("duplicate-notice").getByRole("link", { name: title })).toHaveAttribute("href", `/articles/${id}`);

  // The page changes: a note is added on top and 5% becomes 6%.
  const next = await reviewer.request.post(`${url}/next`);
  expect(next.ok()).toBe(true);
  const snapshots = new SnapshotPage(reviewer);
  await snapshots.refreshFromSource(id);

  await expect(snapshots.summaryCount("anchored")).toHaveText("1");
  await expect(snapshots.summaryCount("needs_review")).toHaveText("1");
  await expect(snapshots.summaryCount("orphaned")).toHaveText("0");
  const changed = snapshots.claim("Five percent of adults");
  await expect(changed).toHaveAttribute("data-status", "needs_review");
  await expect(changed).toContainText(`${FIVE}, up from`);
  await expect(changed).toContainText(`${SIX}, up from`);
  await expect(snapshots.claim("Kratom can cause dependence")).toHaveAttribute("data-status", "anchored");
  // The side-by-side diff shows the added note and the changed figure.
  await expect(reviewer.locator('tr[data-change="added"]').first()).toContainText("Update: this article was corrected");
  await expect(reviewer.locator('tr[data-change="changed"] del').first()).toHaveText("5");
  await expect(reviewer.locator('tr[data-change="changed"] ins').first()).toHaveText("6");
  await expectNoSeriousA11yIssues(reviewer);

  await changed.getByRole("button", { name: "Confirm position" }).click();
  await expect(changed).toHaveAttribute("data-status", "anchored");
  await expect(reviewer.getByTestId("review-status")).toHaveText(/Nothing is waiting for review/);

  // Back in the workspace the claim is highlighted on the new text.
  await article.goto(id);
  await expect(reviewer.getByText(/Text snapshot 2/)).toBeVisible();
  await expect(article.text.locator("mark[data-claim-id]").first()).toContainText(SIX);
  await expect(reviewer.getByTestId("anchor-review-prompt")).toHaveCount(0);
});

test("a refused address keeps what the reviewer typed and says why", async ({ reviewer }) => {
  const importPage = pages.import(reviewer);
  await importPage.goto();
  for (const [address, reason] of [
    ["http://169.254.169.254/latest/meta-data/", /link-local/],
    [`${origin()}/redirect/to-metadata`, /link-local/],
    ["http://[::ffff:127.0.0.1]/", /loopback/],
    [`${origin()}/image.png`, /image\/png/],
  ] as const) {
    await reviewer.getByLabel("Article URL").fill(address);
    await reviewer.getByRole("button", { name: "Fetch and preview" }).click();
    await expect(reviewer.getByTestId("import-error")).toContainText(reason);
    await expect(reviewer.getByLabel("Article URL")).toHaveValue(address);
  }
});
