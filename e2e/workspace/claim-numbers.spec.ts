/**
 * A claim keeps its number: numbers follow creation order, and a claim added above an existing one moves it
 * down the list ("2nd in the text") without renaming it. Also: excluding a claim can be undone within its
 * window, the verdict form marks required fields up front and closes after a successful submit.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, pages, test, uniqueTitle } from "../fixtures/test";
import { ARTICLE_TEXT, MECHANISM_SENTENCE, MECHANISM_STATEMENT, MECHANISM_VERDICT, NIDA_SENTENCE } from "../fixtures/data";

const NIDA_STATEMENT = "NIDA says kratom can cause nausea, itching, sweating and a faster heart rate.";

test("a claim keeps its number when a new claim is highlighted above it; exclude can be undone", async ({ reviewer }, testInfo) => {
  const id = await pages.import(reviewer).importArticle({ title: uniqueTitle(testInfo, "Stable claim numbers"), text: ARTICLE_TEXT, publisher: "Example Health News" });
  const article = pages.article(reviewer);
  await article.addClaim(NIDA_SENTENCE, NIDA_STATEMENT);
  await expect(article.claimEntry(NIDA_STATEMENT).getByTestId("claim-position")).toHaveText(/^Claim 1 · 1st in the text/);

  // The new claim is above the first one in the text: it comes first in the list, as claim 2.
  await article.addClaim(MECHANISM_SENTENCE, MECHANISM_STATEMENT);
  await expect(article.claimEntry(MECHANISM_STATEMENT).getByTestId("claim-position")).toHaveText(/^Claim 2 · 1st in the text/);
  await expect(article.claimEntry(NIDA_STATEMENT).getByTestId("claim-position")).toHaveText(/^Claim 1 · 2nd in the text/);
  await article.goto(id);
  await expect(article.claimEntry(NIDA_STATEMENT).getByTestId("claim-position")).toHaveText(/^Claim 1 · 2nd in the text/);
  await expect(article.claimEntry(MECHANISM_STATEMENT).getByTestId("claim-number")).toHaveText("2");

  // Required fields say so before anything is submitted.
  const card = await article.openClaim(MECHANISM_STATEMENT);
  await expect(card.getByRole("region", { name: "Claim 2 details" })).toBeVisible();
  for (const label of ["Rating", "Rationale"]) await expect(card.getByLabel(label)).toHaveAttribute("aria-required", "true");
  await expect(card.getByText("Rating (required)")).toBeVisible();
  const citation = card.getByRole("group", { name: "Citation 1" });
  for (const label of ["Citation URL", "Citation title", "Stance"]) await expect(citation.getByLabel(label)).toHaveAttribute("aria-required", "true");
  const { violations } = await new AxeBuilder({ page: reviewer }).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // After "Submit for approval" the form gives way to a read-only line, which has the focus.
  await article.proposeVerdict(MECHANISM_STATEMENT, MECHANISM_VERDICT);
  await expect(card.getByTestId("verdict-submitted")).toBeFocused();
  await expect(card.getByRole("button", { name: "Submit for approval" })).toHaveCount(0);
  await card.getByRole("button", { name: "Revise the verdict" }).click();
  await expect(card.getByRole("button", { name: "Submit for approval" })).toBeVisible();

  // Exclude, then Undo within the window: the claim is back as it was, and the server never heard of it.
  const nida = await article.openClaim(NIDA_STATEMENT);
  await nida.getByRole("button", { name: "Exclude claim" }).click();
  await nida.getByLabel("Reason for excluding").fill("An agency's list of side effects, not a claim of the article.");
  await nida.getByRole("button", { name: "Exclude", exact: true }).click();
  const toast = reviewer.getByTestId("toast").filter({ hasText: "claim 1" });
  await expect(toast).toHaveAttribute("data-state", "waiting");
  await expect(article.claimEntry(NIDA_STATEMENT).getByText("Excluded", { exact: true })).toBeVisible();
  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(reviewer.getByTestId("toast")).toHaveAttribute("data-state", "undone");
  await expect(article.claimEntry(NIDA_STATEMENT).getByText("Open", { exact: true })).toBeVisible();
  await reviewer.waitForTimeout(7_000);
  await article.goto(id);
  await expect(article.claimEntry(NIDA_STATEMENT).getByText("Open", { exact: true })).toBeVisible();

  // Not undone: sent when the window ends.
  const again = await article.openClaim(NIDA_STATEMENT);
  await again.getByRole("button", { name: "Exclude claim" }).click();
  await again.getByLabel("Reason for excluding").fill("An agency's list of side effects, not a claim of the article.");
  await again.getByRole("button", { name: "Exclude", exact: true }).click();
  await expect(reviewer.getByTestId("toast")).toHaveAttribute("data-state", "done", { timeout: 15_000 });
  await article.goto(id);
  await expect(article.claimEntry(NIDA_STATEMENT).getByText("Excluded", { exact: true })).toBeVisible();
});
