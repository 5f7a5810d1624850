/**
 * Claim matching across articles: a new claim shows the earlier claim from
 * another article with its verdict and citations; one action reuses them as a
 * new proposal (which still needs approval); the link can be undone.
 */
import { MECHANISM_VERDICT } from "../fixtures/data";
import { articleWithProposedVerdict } from "../fixtures/workflow";
import { WorkspaceTools } from "../fixtures/pages/workspace-tools";
import { expect, pages, test, uniqueTitle } from "../fixtures/test";

const SAME_CLAIM = "Its alkaloids, such as mitragynine, interact with opioid receptors in the brain and body.";

/**
 * A word of this run's own, in the earlier claim and the later one: the shared e2e database holds many claims
 * saying exactly this from other specs, older and ranked first on a tie, and this test's match must be in the top 5.
 */
const runWord = () => `Zq${Date.now().toString(36).replace(/\d/g, (d) => "abcdefghij"[Number(d)]!)}${Math.random().toString(36).slice(2, 6).replace(/\d/g, "k")}`;

test("shows the same claim from an earlier article and reuses its verdict as a new proposal", async ({ reviewer }, testInfo) => {
  const word = runWord();
  const earlier = await articleWithProposedVerdict(reviewer, testInfo, "Earlier kratom article", `Kratom alkaloids (${word}) act on opioid receptors in the brain.`);
  await pages.import(reviewer).importArticle({ title: uniqueTitle(testInfo, "Later kratom article"), text: `Kratom is a tree.\n\n${SAME_CLAIM}` });
  const article = pages.article(reviewer);
  await article.addClaim(SAME_CLAIM, `Kratom's alkaloids (${word}) act on opioid receptors in the brain.`);

  const card = await article.openClaim(`Kratom's alkaloids (${word}) act on opioid receptors in the brain.`);
  const match = new WorkspaceTools(reviewer).matches(card).getByRole("listitem").filter({ hasText: earlier.title });
  await expect(match).toContainText(earlier.statement);
  await expect(match).toContainText("Verdict proposed");
  await expect(match).toContainText(MECHANISM_VERDICT.rating);
  await expect(match.getByRole("link", { name: MECHANISM_VERDICT.citation.title })).toHaveAttribute("href", MECHANISM_VERDICT.citation.url);

  await match.getByRole("button", { name: "Reuse verdict and citations" }).click();
  await expect(reviewer.getByTestId("toast")).toHaveText(/still needs an editor's approval/);
  // A proposal of its own: the rating is copied, the status waits for approval.
  await expect(card.locator("button[aria-expanded]").first().getByText("Verdict proposed", { exact: true })).toBeVisible();
  await expect(card.getByRole("region", { name: /details/ })).toContainText("Current verdict");
  await expect(card.getByLabel("Rating")).toHaveValue(/.+/);
  await expect(match).toContainText("Linked");

  await match.getByRole("button", { name: "Undo link" }).click();
  await expect(reviewer.getByTestId("toast")).toHaveText(/Link undone/);
  await expect(match.getByRole("button", { name: "Link as same claim" })).toBeVisible();
  await expect(match).not.toContainText("Linked");
});

const DENIAL = "Kratom's alkaloids do not act on opioid receptors in the brain, whatever the studies claim.";

test("finds the earlier check of the negated claim, says it says the opposite and why, and reuses its citations", async ({ reviewer }, testInfo) => {
  const word = runWord();
  const earlier = await articleWithProposedVerdict(reviewer, testInfo, "Earlier kratom mechanism article", `Kratom alkaloids (${word}) act on opioid receptors in the brain.`);
  await pages.import(reviewer).importArticle({ title: uniqueTitle(testInfo, "A denial"), text: `A forum post.\n\n${DENIAL}` });
  const article = pages.article(reviewer);
  await article.addClaim(DENIAL, `Kratom's alkaloids (${word}) do not act on opioid receptors.`);

  const card = await article.openClaim(`Kratom's alkaloids (${word}) do not act on opioid receptors.`);
  const match = new WorkspaceTools(reviewer).matches(card).getByRole("listitem").filter({ hasText: earlier.title });
  await expect(match).toContainText(earlier.statement);
  await expect(match.getByTestId("says-opposite")).toHaveText("Says the opposite");
  await expect(match.getByTestId("match-why")).toContainText(/Why: shares .*“receptors”/);
  await expect(match.getByTestId("match-score")).toHaveText(/^match \d+%/);

  await match.getByRole("button", { name: "Reuse verdict and citations" }).click();
  await expect(reviewer.getByTestId("toast")).toHaveText(/still needs an editor's approval/);
  // The citations came across; the reviewer now writes the rating and rationale this denial deserves.
  await expect(card.getByLabel("Citation URL (required)").first()).toHaveValue(MECHANISM_VERDICT.citation.url);
});
