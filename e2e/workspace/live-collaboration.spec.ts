/**
 * Two reviewers on one article, each in their own browser context: each sees
 * the other's new claims and verdicts within 3 seconds without reloading, and
 * a concurrent edit of the same claim ends in a conflict message, never a
 * silent overwrite.
 */
import { ARTICLE_TEXT, MECHANISM_SENTENCE, MECHANISM_STATEMENT, MECHANISM_VERDICT, NIDA_SENTENCE } from "../fixtures/data";
import { expect, pages, test, uniqueTitle } from "../fixtures/test";

test("two reviewers see each other's changes live, and a concurrent verdict gets a conflict", async ({ reviewer, pageAs }, testInfo) => {
  const id = await pages.import(reviewer).importArticle({ title: uniqueTitle(testInfo, "Live collaboration"), text: ARTICLE_TEXT });
  const colleague = await pageAs("admin");
  const mine = pages.article(reviewer);
  const theirs = pages.article(colleague);
  await theirs.goto(id);

  // A new claim by one appears for the other without a reload.
  await mine.addClaim(MECHANISM_SENTENCE, MECHANISM_STATEMENT);
  await expect(theirs.claimCard(MECHANISM_STATEMENT)).toBeVisible({ timeout: 3_000 });
  await expect(theirs.text.locator("mark[data-claim-id]")).toHaveText(MECHANISM_SENTENCE, { timeout: 3_000 });
  await theirs.addClaim(NIDA_SENTENCE, "NIDA lists nausea and a faster heart rate as side effects.");
  await expect(mine.claimCard("NIDA lists nausea")).toBeVisible({ timeout: 3_000 });

  // Both open the verdict editor of the same claim; I start typing, my colleague submits first.
  const myCard = await mine.openClaim(MECHANISM_STATEMENT);
  await myCard.getByLabel("Rationale").fill("My draft rationale.");
  await theirs.proposeVerdict(MECHANISM_STATEMENT, MECHANISM_VERDICT);

  // I see their verdict arrive, my draft is kept, and I am told it is out of date.
  await expect(myCard.locator("button[aria-expanded]").first().getByText("Verdict proposed", { exact: true })).toBeVisible({ timeout: 3_000 });
  await expect(myCard.getByTestId("verdict-stale")).toBeVisible({ timeout: 3_000 });
  await expect(myCard.getByLabel("Rationale")).toHaveValue("My draft rationale.");
  await myCard.getByLabel("Rating").selectOption({ label: "Unsupported" });
  const citation = myCard.getByRole("group", { name: "Citation 1" });
  await citation.getByLabel("Citation URL").fill("https://nida.nih.gov/research-topics/kratom");
  await citation.getByLabel("Citation title").fill("Kratom");
  await citation.getByLabel("Stance").selectOption("context");
  await myCard.getByRole("button", { name: "Submit for approval" }).click();
  // The save is refused as stale and a dialog shows both versions; nothing is overwritten.
  const conflict = mine.page.getByRole("dialog", { name: "Someone else changed this verdict" });
  await expect(conflict).toBeVisible();
  // Their rationale and my draft side by side.
  await expect(conflict.getByTestId("conflict-theirs")).toContainText("7-hydroxymitragynine");
  await expect(conflict.getByTestId("conflict-mine")).toContainText("My draft rationale.");
  await conflict.getByRole("button", { name: "Keep theirs" }).click();
  await expect(conflict).toHaveCount(0);
  // The colleague's rating stands for both.
  await expect(theirs.claimEntry(MECHANISM_STATEMENT).getByText(MECHANISM_VERDICT.rating, { exact: true })).toBeVisible();
  await expect(myCard.locator("button[aria-expanded]").first().getByText(MECHANISM_VERDICT.rating, { exact: true })).toBeVisible();
});
