/**
 * Publishing goes through a preview: the public page as readers will get it (claims, verdicts, the
 * ClaimReview), for signed-in editors only, never cached or indexed, and nothing is public until the
 * editor confirms.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, pages, test } from "../fixtures/test";
import { waitForHydration } from "../fixtures/hydration";
import { approvedArticle } from "../fixtures/workflow";

const SUMMARY = "Kratom's alkaloids do act on opioid receptors, as the pharmacology shows.";

test("the publish preview shows the page readers will get and asks for confirmation", async ({ reviewer, editor, editor2, anonymous, anonymousRequest }, testInfo) => {
  const seeded = await approvedArticle(reviewer, editor2, testInfo);
  const article = pages.article(editor);
  await article.goto(seeded.id);
  await article.previewPublication(SUMMARY, "Accurate");

  // The public page's own content: title, headline verdict, summary, the claim with its verdict, the ClaimReview.
  const preview = editor.getByTestId("publish-preview");
  // The keyboard lands on the decision.
  await expect(editor.getByRole("button", { name: "Publish now" })).toBeFocused();
  await expect(preview).toContainText("not published yet");
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText(seeded.title);
  await expect(editor.getByTestId("headline-verdict")).toContainText("Accurate");
  await expect(editor.getByText(SUMMARY)).toBeVisible();
  await expect(editor.getByRole("heading", { name: "The claim and our verdict" })).toBeVisible();
  await expect(editor.locator("article").getByText(seeded.statement).first()).toBeVisible();
  await preview.getByText(/ClaimReview for search engines/).click();
  await expect(preview.getByRole("cell", { name: seeded.statement })).toBeVisible();
  await expect(preview.getByRole("cell", { name: /Accurate/ })).toBeVisible();
  const jsonLd = await editor.locator('script[type="application/ld+json"]').allTextContents();
  expect(jsonLd.some((j) => j.includes(seeded.statement))).toBe(true);
  await editor.screenshot({ path: testInfo.outputPath("publish-preview.png"), fullPage: true });

  // Never indexed, never cached, never public.
  await expect(editor.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  const response = await editor.request.get(editor.url());
  expect(response.headers()["cache-control"]).toMatch(/no-store/);
  const anonymousAnswer = await anonymousRequest.get(new URL(editor.url()).pathname + new URL(editor.url()).search, { maxRedirects: 0 });
  expect([302, 303, 307]).toContain(anonymousAnswer.status());
  const readerPage = pages.publicSite(anonymous);
  await readerPage.gotoIndex();
  await expect(anonymous.getByRole("link", { name: seeded.title })).toHaveCount(0);

  const { violations } = await new AxeBuilder({ page: editor }).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // Back to edit publishes nothing; confirming publishes.
  await editor.getByRole("link", { name: "Back to edit" }).click();
  await expect(editor.getByRole("button", { name: "Preview and publish…" })).toBeVisible();
  await article.previewPublication(SUMMARY, "Accurate");
  const confirm = editor.getByRole("button", { name: "Publish now" });
  await waitForHydration(confirm);
  await confirm.click();
  await expect(editor.getByRole("heading", { name: "Published", exact: true })).toBeVisible();
  await readerPage.gotoIndex();
  await expect(anonymous.getByRole("link", { name: seeded.title })).toBeVisible();
});
