/**
 * The import review on a page with the usual furniture: the list takes the
 * page's height, runs of left-out blocks fold into one line with their
 * reason and count, and the keyboard alone can check the whole list.
 * Screenshots of the review are attached to the report.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, pages, test } from "../fixtures/test";

test("the review list folds left-out runs, uses the page height and works from the keyboard", async ({ reviewer }, testInfo) => {
  const importPage = pages.import(reviewer);
  await importPage.goto();
  await importPage.previewSource({ url: `${process.env.E2E_FIXTURE_ORIGIN}/pages/review-cases.html` });
  const preview = importPage.preview;

  // No inner scroll box: the list is as tall as its content.
  const list = preview.getByRole("list").first();
  expect(await list.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);

  // The comments section is one folded line with its reason and count; its blocks are there but hidden.
  const comments = preview.getByTestId("draft-run").filter({ hasText: "Comments" });
  const toggle = comments.getByRole("button", { name: /blocks: Comments/ });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(toggle).toContainText(/\d+ blocks: Comments/);
  await expect(importPage.block("I take 400 mg every night")).toBeHidden();
  await reviewer.screenshot({ path: testInfo.outputPath("import-review-folded.png"), fullPage: true });

  // Hidden copies, the byline and the date line are left out with the block's own reason; code stays in.
  await expect(importPage.block("A hidden copy of the second paragraph")).toContainText("Hidden on the page");
  await expect(importPage.block("# dose used in the 2012 trial").getByRole("checkbox")).toBeChecked();
  await expect(importPage.block("Sponsored: the magnesium brand")).toContainText("Advertisement");

  // Keyboard: the keys are documented; ↓ walks the list, Space opens a group and toggles a block.
  await expect(preview.getByText(/Keys:.*move between blocks/)).toBeVisible();
  const first = preview.getByRole("checkbox").first();
  await first.focus();
  await reviewer.keyboard.press("End");
  await expect(preview.getByRole("button", { name: /blocks: Page footer/ })).toBeFocused();
  await reviewer.keyboard.press("ArrowUp");
  await expect(toggle).toBeFocused();
  await reviewer.keyboard.press("Space");
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(importPage.block("I take 400 mg every night")).toBeVisible();
  await reviewer.keyboard.press("ArrowDown");
  await expect(importPage.block("4 Comments").getByRole("checkbox")).toBeFocused();
  await reviewer.keyboard.press("j");
  const author = importPage.block("Dana R.").getByRole("checkbox");
  await expect(author).toBeFocused();
  await reviewer.keyboard.press("ArrowDown");
  await reviewer.keyboard.press("Space");
  await expect(importPage.block("I take 400 mg every night").getByRole("checkbox")).toBeChecked();
  await expect(comments).toContainText("1 kept");
  await reviewer.keyboard.press("k");
  await expect(author).toBeFocused();
  await reviewer.screenshot({ path: testInfo.outputPath("import-review-open.png"), fullPage: true });

  const { violations } = await new AxeBuilder({ page: reviewer }).include("main").analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
