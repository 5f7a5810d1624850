/**
 * Check-worthy suggestions: dotted underlines with a score and a reason;
 * dismissing one hides it for good (stored), accepting one turns it into a claim.
 */
import { NIDA_SENTENCE } from "../fixtures/data";
import { WorkspaceTools } from "../fixtures/pages/workspace-tools";
import { expect, pages, test, uniqueTitle } from "../fixtures/test";

const ADVICE = "You should always talk to a doctor before you try any supplement at home.";
const STATISTIC = "A 2019 survey found that 41% of kratom users took it to cut down on opioids.";
const TEXT = [`Kratom is sold online. ${ADVICE}`, `${STATISTIC} ${NIDA_SENTENCE}`].join("\n\n");

test("suggests check-worthy sentences, dismisses one for good and accepts another as a claim", async ({ reviewer }, testInfo) => {
  const id = await pages.import(reviewer).importArticle({ title: uniqueTitle(testInfo, "Suggestions"), text: TEXT });
  const tools = new WorkspaceTools(reviewer);
  await expect(tools.suggestions).toHaveText([STATISTIC, NIDA_SENTENCE]);
  // Dotted underline, not a claim highlight.
  await expect(tools.suggestions.first()).toHaveCSS("text-decoration-style", "dotted");
  await expect(pages.article(reviewer).text.locator("mark[data-claim-id]")).toHaveCount(0);

  // Mouse: click a suggestion, read why, dismiss it.
  await tools.suggestions.filter({ hasText: STATISTIC }).click();
  const card = reviewer.getByTestId("suggestion-card");
  await expect(card).toContainText(/\d+ of 2 by score · \d+%/);
  // Why, in plain words from the model's strongest features for this sentence.
  await expect(card).toContainText("gives a figure");
  await card.getByRole("button", { name: /Dismiss/ }).click();
  await expect(tools.suggestions).toHaveText([NIDA_SENTENCE]);
  await expect(reviewer.getByTestId("toast")).toHaveText(/Suggestion dismissed/);

  // Stored: still gone after a reload.
  await pages.article(reviewer).goto(id);
  await expect(tools.suggestions).toHaveText([NIDA_SENTENCE]);

  // Keyboard: s to the suggestion, a to accept it as a claim.
  await tools.tabToArticleText();
  await reviewer.keyboard.press("s");
  await expect(tools.hint).toContainText(/Suggestion 1 of 1, score \d+%: .*states a cause or effect on health/);
  await reviewer.keyboard.press("a");
  const dialog = reviewer.getByRole("dialog", { name: "Add claim" });
  await expect(dialog.getByTestId("claim-quote")).toHaveText(NIDA_SENTENCE);
  await dialog.getByRole("button", { name: "Save claim" }).click();
  await expect(pages.article(reviewer).text.locator("mark[data-claim-id]")).toHaveText(NIDA_SENTENCE);
  await expect(tools.suggestions).toHaveCount(0);
});
