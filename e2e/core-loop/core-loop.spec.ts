/**
 * The core loop across three people: a reviewer imports an article, highlights
 * a claim and proposes a verdict; an editor approves it and publishes; an
 * anonymous reader finds the fact-check with its ClaimReview markup.
 */
import { ACCOUNTS } from "../fixtures/accounts";
import { ARTICLE_TEXT, MARKDOWN_ARTICLE, MECHANISM_SENTENCE, MECHANISM_STATEMENT, MECHANISM_VERDICT } from "../fixtures/data";
import { expect, pages, test, uniqueTitle } from "../fixtures/test";

test("reviewer checks a claim, an editor approves and publishes, a reader sees the fact-check", async ({ reviewer, editor, anonymous, baseURL }, testInfo) => {
  const title = uniqueTitle(testInfo, "Exploring the Role of Kratom in Combating Opioid Withdrawal Symptoms");

  // Reviewer: import by pasting, then highlight a sentence with the mouse.
  const id = await pages.import(reviewer).importArticle({
    title,
    text: ARTICLE_TEXT,
    sourceUrl: "https://example.org/kratom-withdrawal",
    publisher: "Example Health News",
    author: "A. Writer",
    publishedOn: "2024-03-01",
  });
  const article = pages.article(reviewer);
  await expect(reviewer.getByRole("heading", { level: 1 })).toContainText(title);
  // Blank lines in the paste separate blocks: three paragraphs, rendered from blocks.
  await expect(article.text.locator("[data-block]")).toHaveCount(3);

  await article.addClaim(MECHANISM_SENTENCE, MECHANISM_STATEMENT);
  await expect(article.text.locator("mark[data-claim-id]")).toHaveText(MECHANISM_SENTENCE);
  await expect(reviewer.getByTestId("toast")).toHaveText(/Claim added/);
  await article.proposeVerdict(MECHANISM_STATEMENT, MECHANISM_VERDICT);

  // Editor: approve from the queue, then publish from the article page.
  const approvals = pages.approvals(editor);
  await approvals.goto();
  await expect(approvals.item(MECHANISM_STATEMENT, title)).toContainText(`Proposed by ${ACCOUNTS.reviewer.name}`);
  await approvals.approve(MECHANISM_STATEMENT, title, "Sources check out.");
  const editorArticle = pages.article(editor);
  await editorArticle.goto(id);
  await editorArticle.publish("Kratom's alkaloids do act on opioid receptors, as the article says.");

  // Reader: index → fact-check page.
  const site = pages.publicSite(anonymous);
  await site.open(title);
  const claim = site.claim(MECHANISM_STATEMENT);
  await expect(claim).toBeVisible();
  // The verdict badge: the label, then the value ("Accurate 5/5").
  await expect(claim.getByText(new RegExp(`^${MECHANISM_VERDICT.rating}\\b`))).toBeVisible();
  // Markdown is rendered (bold), not shown as asterisks.
  await expect(claim.locator("strong").filter({ hasText: /^mitragynine$/ })).toBeVisible();
  await expect(claim).not.toContainText("**");
  const citation = claim.getByRole("link", { name: MECHANISM_VERDICT.citation.title });
  await expect(citation).toHaveAttribute("href", MECHANISM_VERDICT.citation.url);

  // Exactly one top-level ClaimReview per claim (one claim here), no @graph.
  const jsonLd = await site.jsonLd();
  const reviews = jsonLd.filter((j) => j["@type"] === "ClaimReview");
  expect(reviews).toHaveLength(1);
  expect(jsonLd.some((j) => "@graph" in j || Array.isArray(j))).toBe(false);
  const review = reviews[0]!;
  expect(review["claimReviewed"]).toBe(MECHANISM_STATEMENT);
  const rating = review["reviewRating"] as Record<string, unknown>;
  expect(rating["alternateName"]).toBe(MECHANISM_VERDICT.rating);
  expect(rating["ratingValue"]).toBe(5);
  expect(rating["bestRating"]).toBe(5);
  expect(rating["worstRating"]).toBe(1);
  expect(String(review["url"])).toMatch(new RegExp(`^${baseURL}/fact-checks/`));
});

test("imports an uploaded markdown file as plain text blocks", async ({ reviewer }, testInfo) => {
  const title = uniqueTitle(testInfo, "Markdown import");
  await pages.import(reviewer).importArticle({
    title,
    file: { name: "kratom-withdrawal.md", mimeType: "text/markdown", content: MARKDOWN_ARTICLE },
  });
  const article = pages.article(reviewer);
  await expect(article.text.getByRole("heading", { name: "Kratom and withdrawal" })).toBeVisible();
  await expect(article.text.getByRole("listitem")).toHaveText(["Kratom is not a cure for opioid addiction.", "Research on its long-term effects is limited."]);
  await expect(article.text).toContainText("Kratom is often described as a natural aid for opioid withdrawal.");
  // Only text survives: no markdown syntax, no links, no imported script.
  await expect(article.text).not.toContainText("**");
  await expect(article.text).not.toContainText("](");
  await expect(article.text.locator("a, script")).toHaveCount(0);
  expect(await reviewer.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
});
