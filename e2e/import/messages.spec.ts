/**
 * What the import form says, in plain words: an address typed without
 * https:// is completed in the field before anything is fetched, another
 * scheme is refused without a field name, and an oversized paste is told
 * its size and the limit.
 */
import { expect, pages, test } from "../fixtures/test";

const FIELD_PREFIX = /\b[a-zA-Z_.[\]0-9]+: /;

test("completes an address typed without https:// in the field before fetching", async ({ reviewer }) => {
  await pages.import(reviewer).goto();
  await reviewer.getByRole("tab", { name: "Web address" }).click();
  const field = reviewer.getByLabel("Article URL");
  await field.fill("news.example.invalid/kratom-survey");
  await reviewer.getByRole("button", { name: "Fetch and preview" }).click();
  await expect(field).toHaveValue("https://news.example.invalid/kratom-survey");
  // The made-up host does not resolve: whatever the refusal says, it names no field.
  const error = reviewer.getByTestId("import-error");
  await expect(error).toBeVisible({ timeout: 30_000 });
  expect(await error.textContent()).not.toMatch(FIELD_PREFIX);
});

test("refuses another scheme and an oversized paste in plain words", async ({ reviewer }) => {
  await pages.import(reviewer).goto();
  await reviewer.getByRole("tab", { name: "Web address" }).click();
  await reviewer.getByLabel("Article URL").fill("ftp://example.org/kratom.txt");
  await reviewer.getByRole("button", { name: "Fetch and preview" }).click();
  const error = reviewer.getByTestId("import-error");
  await expect(error).toContainText("Enter a full web address starting with http:// or https://");
  await expect(reviewer.getByLabel("Article URL")).toHaveValue("ftp://example.org/kratom.txt");

  await reviewer.getByRole("tab", { name: "Paste" }).click();
  await reviewer.getByLabel("Article text").fill("x".repeat(5 * 1024 * 1024));
  await reviewer.getByRole("button", { name: "Preview", exact: true }).click();
  await expect(error).toContainText("Pasted text can be at most 3,000,000 characters; yours has 5,242,880.", { timeout: 30_000 });
  expect(await error.textContent()).not.toMatch(FIELD_PREFIX);
});
