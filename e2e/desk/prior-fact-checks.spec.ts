/**
 * ClaimReview in: an editor reads a fact-check page, a DataFeed file and a DataFeed served at a web address, sees what was found (and why a review
 * could not be read) before anything is stored, imports, finds the reviews, imports the same file again
 * without creating anything twice, and undoes an import.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, uniqueTitle } from "../fixtures/test";
import { waitForHydration } from "../fixtures/hydration";

test("an editor imports ClaimReviews from a page and a DataFeed file, once, and can undo an import", async ({ editor }, testInfo) => {
  const claim = uniqueTitle(testInfo, "Magnesium cures insomnia");
  const feed = {
    "@context": "https://schema.org",
    "@type": "DataFeed",
    dataFeedElement: [
      {
        "@type": "DataFeedItem",
        item: [
          { "@type": "ClaimReview", url: `https://checkers.example/${encodeURIComponent(claim)}`, claimReviewed: claim, datePublished: "2024-03-01", author: { "@type": "Organization", name: "Checkers Desk" }, reviewRating: { "@type": "Rating", ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "False" } },
          { "@type": "ClaimReview", claimReviewed: `${claim}, without a link`, reviewRating: { alternateName: "False" } },
        ],
      },
    ],
  };
  // A name of its own, so its import is told apart from other runs' on the same database.
  const name = `reviews-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.json`;
  const file = { name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(feed)) };

  await editor.goto("/prior-fact-checks");
  const fileInput = editor.getByLabel("Or a file");
  await waitForHydration(fileInput);
  await fileInput.setInputFiles(file);
  const preview = editor.getByTestId("prior-preview");
  await expect(preview.getByRole("heading", { name: `Found 1 review in ${name}` })).toBeVisible();
  await expect(preview.getByRole("cell", { name: claim, exact: true })).toBeVisible();
  await expect(editor.getByTestId("prior-skipped")).toContainText(`review 2 of ${name}: It has no web address (url) to link to.`);
  const { violations } = await new AxeBuilder({ page: editor }).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await preview.getByRole("button", { name: "Import 1 review" }).click();
  await expect(editor.getByTestId("toast")).toHaveText("Imported 1 review.");
  await expect(editor.getByTestId("prior-list")).toContainText(claim);

  // The same file again: found, but nothing is stored twice.
  await fileInput.setInputFiles(file);
  await preview.getByRole("button", { name: "Import 1 review" }).click();
  await expect(editor.getByTestId("toast")).toHaveText("Imported 0 reviews; 1 was already here.");
  await editor.getByLabel("Find by claim, claimant or publisher").fill(claim);
  await editor.getByRole("button", { name: "Find", exact: true }).click();
  await expect(editor.getByTestId("prior-list").getByRole("listitem")).toHaveCount(1);

  // A fact-check page, read through the server's safe fetch.
  await editor.getByLabel("Fact-check page").fill(`${process.env.E2E_FIXTURE_ORIGIN}/pages/claimreview-page.html`);
  await editor.getByRole("button", { name: "Read the page" }).click();
  await expect(preview.getByRole("cell", { name: "Vitamin C cures the common cold" })).toBeVisible();
  await expect(preview.getByRole("cell", { name: "A. Wellness Influencer" })).toBeVisible();
  await preview.getByRole("button", { name: "Import 1 review" }).click();
  // Other runs of this spec on the same database may have brought it in already.
  await expect(editor.getByTestId("toast")).toHaveText(/^Imported (1 review\.|0 reviews; 1 was already here\.)$/);

  // A DataFeed served as JSON at a web address, as fact-checkers publish their feeds.
  await editor.getByLabel("Fact-check page").fill(`${process.env.E2E_FIXTURE_ORIGIN}/claimreview/datafeed.json`);
  await editor.getByRole("button", { name: "Read the page" }).click();
  await expect(preview.getByRole("cell", { name: "Zinc shortens colds by a day" })).toBeVisible();
  await expect(preview.getByRole("button", { name: "Import 2 reviews" })).toBeVisible();

  // Undo the first import of the file: its review goes.
  editor.once("dialog", (dialog) => void dialog.accept());
  const batches = editor.getByTestId("import-batches");
  await batches.getByRole("listitem").filter({ hasText: `${name} · 1 review` }).getByRole("button", { name: `Undo the import from ${name}` }).click();
  // The line then says when it was undone, in place of its button.
  await expect(batches.getByRole("listitem").filter({ hasText: `${name} · 1 review` })).toContainText("undone");
  await editor.goto(`/prior-fact-checks?q=${encodeURIComponent(claim)}`);
  await expect(editor.getByText("No imported review matches.")).toBeVisible();
});
