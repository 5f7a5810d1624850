/**
 * Highlighting in the reviewer's workspace: nested claims with the mouse,
 * clicking a highlight focuses the innermost claim, and the whole path —
 * select, create, open the verdict editor — with the keyboard alone.
 */
import { ARTICLE_TEXT, MECHANISM_SENTENCE, MECHANISM_STATEMENT, NIDA_SENTENCE } from "../fixtures/data";
import { WorkspaceTools } from "../fixtures/pages/workspace-tools";
import { expect, pages, test, uniqueTitle } from "../fixtures/test";

test("nested claims with the mouse; a click on the inner highlight focuses the inner claim", async ({ reviewer }, testInfo) => {
  await pages.import(reviewer).importArticle({ title: uniqueTitle(testInfo, "Nested claims"), text: ARTICLE_TEXT });
  const article = pages.article(reviewer);
  await article.addClaim(MECHANISM_SENTENCE, MECHANISM_STATEMENT);
  await article.addClaim("opioid receptors", "Kratom acts on opioid receptors.");

  const inner = article.text.locator("mark[data-claim-id] mark[data-claim-id]");
  await expect(inner).toHaveText("opioid receptors");
  await expect(article.text.locator("mark[data-claim-id]").first()).toContainText(MECHANISM_SENTENCE.slice(0, 30));

  // Open the outer claim from the list, then click the inner highlight: the inner claim becomes current.
  await article.openClaim(MECHANISM_STATEMENT);
  await inner.click();
  const innerEntry = article.claimCard("Kratom acts on opioid receptors.").getByRole("button", { name: /Kratom acts on opioid receptors/ });
  await expect(innerEntry).toHaveAttribute("aria-current", "true");
  await expect(innerEntry).toBeInViewport();
  await expect(inner).toHaveClass(/active/);
});

test("keyboard only: select a sentence, shorten it by a word, create the claim, open its verdict editor", async ({ reviewer }, testInfo) => {
  await pages.import(reviewer).importArticle({ title: uniqueTitle(testInfo, "Keyboard claim"), text: ARTICLE_TEXT });
  const tools = new WorkspaceTools(reviewer);
  await tools.tabToArticleText();
  await tools.pressUntilSelected("]", NIDA_SENTENCE);
  await reviewer.keyboard.press(",");
  await expect.poll(() => tools.selection()).toBe(NIDA_SENTENCE.replace(/ increased heart rate\.$/, " increased heart"));
  await reviewer.keyboard.press(".");
  await reviewer.keyboard.press(".");
  await expect.poll(() => tools.selection()).toBe(NIDA_SENTENCE);

  await reviewer.keyboard.press("c");
  const dialog = reviewer.getByRole("dialog", { name: "Add claim" });
  await expect(dialog.getByTestId("claim-quote")).toHaveText(NIDA_SENTENCE);
  await expect(dialog.getByLabel("Plain restatement")).toBeFocused();
  await reviewer.keyboard.press("ControlOrMeta+a");
  await reviewer.keyboard.type("NIDA says kratom can cause nausea and a faster heart rate.");
  await reviewer.keyboard.press("Enter");
  await expect(dialog).toHaveCount(0);
  await expect(pages.article(reviewer).claimEntry("NIDA says kratom can cause nausea").getByText("Open", { exact: true })).toBeVisible();
  await expect(pages.article(reviewer).text.locator("mark[data-claim-id]")).toHaveText(NIDA_SENTENCE);

  // v opens the verdict editor of the current claim with focus on the rating.
  await reviewer.keyboard.press("Escape");
  await reviewer.locator("body").focus();
  await reviewer.keyboard.press("v");
  await expect(reviewer.getByLabel("Rating")).toBeFocused();
  // ? shows the shortcuts; Escape closes them.
  await reviewer.keyboard.press("Shift+Tab");
  await reviewer.keyboard.press("?");
  const help = reviewer.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expect(help).toContainText("Add a claim from the selection");
  await reviewer.keyboard.press("Escape");
  await expect(help).toHaveCount(0);
});
