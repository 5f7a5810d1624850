/**
 * Publishing and corrections: an editor publishes with a headline verdict;
 * later an editor revises the approved verdict with a correction note; the
 * public page keeps the approved verdict until another editor approves the
 * revision, then shows it with an "Updated" badge, the dated correction, the
 * verdict history and a later JSON-LD dateModified. Unpublish keeps the slug.
 */
import type { Page } from "@playwright/test";
import { MECHANISM_STATEMENT } from "../fixtures/data";
import { waitForHydration } from "../fixtures/hydration";
import { expect, pages, test } from "../fixtures/test";
import { approvedArticle } from "../fixtures/workflow";

const NOTE = "A 2024 review found the evidence weaker than we first said; we changed the rating.";

async function publicReview(page: Page, path: string) {
  await page.goto(path);
  const [review] = (await pages.publicSite(page).jsonLd()).filter((j) => j["@type"] === "ClaimReview");
  return review!;
}

test("publish, correct a published verdict with a note, approve it, and readers see the correction", async ({ reviewer, editor, editor2, anonymous, request }, testInfo) => {
  const seeded = await approvedArticle(reviewer, editor2, testInfo);
  const editorArticle = pages.article(editor);
  await editorArticle.goto(seeded.id);
  await editorArticle.publish("Kratom's alkaloids act on opioid receptors, as the article says.", "Accurate");
  const publicLink = editor.getByRole("link", { name: /^\/fact-checks\// });
  const path = (await publicLink.textContent())!.trim();

  // Reader: headline verdict and summary; no correction yet.
  await anonymous.goto(path);
  await expect(anonymous.getByTestId("headline-verdict")).toContainText("Accurate");
  await expect(anonymous.locator("#corrections")).toContainText("No corrections");
  const before = await publicReview(anonymous, path);
  expect(before["dateModified"]).toBeUndefined();

  // Editor revises the approved verdict. Without a note the server refuses; the field is there.
  await editorArticle.goto(seeded.id);
  const card = await editorArticle.openClaim(MECHANISM_STATEMENT);
  const note = card.getByLabel("Correction note");
  await expect(note).toBeVisible();
  await card.getByLabel("Rating").selectOption({ label: "Mostly accurate" });
  await card.getByLabel("Rationale").fill("The receptor evidence holds, but comes mostly from laboratory studies.");
  const submit = card.getByRole("button", { name: "Submit for approval" });
  await waitForHydration(submit);
  await submit.click();
  await expect(card.getByRole("alert")).toContainText("correction note");
  await note.fill(NOTE);
  await submit.click();
  await expect(card.locator("button[aria-expanded]").first().getByText("Verdict proposed", { exact: true })).toBeVisible();

  // While the revision awaits approval, readers still see the approved verdict (not a vanished claim).
  await anonymous.goto(path);
  const claim = pages.publicSite(anonymous).claim(MECHANISM_STATEMENT);
  await expect(claim).toBeVisible();
  await expect(claim.getByText(/^Accurate\b/)).toBeVisible();
  await expect(anonymous.getByText(NOTE)).toHaveCount(0);

  // The author of the revision cannot approve it; another editor does.
  const approvals = pages.approvals(editor2);
  await approvals.goto();
  await approvals.approve(MECHANISM_STATEMENT, seeded.title, "The note explains the change.");

  await anonymous.goto(path);
  await expect(claim.getByText(/^Mostly accurate\b/).first()).toBeVisible();
  await expect(claim.getByText("Updated", { exact: true })).toBeVisible();
  await expect(anonymous.locator("#corrections")).toContainText(NOTE);
  const history = claim.getByRole("heading", { name: "Verdict history" }).locator("..");
  await expect(history).toContainText("first published as");
  await expect(history).toContainText(NOTE);
  const after = await publicReview(anonymous, path);
  expect((after["reviewRating"] as Record<string, unknown>)["alternateName"]).toBe("Mostly accurate");
  expect(Date.parse(String(after["dateModified"]))).toBeGreaterThan(Date.parse(String(after["datePublished"])));

  // The JSON API, the feed and the embed card follow.
  const slug = path.split("/").pop()!;
  const api = await (await request.get(`/api/public/fact-checks/${slug}`)).json();
  expect(api.corrections.map((c: { note: string }) => c.note)).toEqual([NOTE]);
  expect(api.claims[0].verdict.label).toBe("Mostly accurate");
  expect(api.dateModified).toBe(after["dateModified"]);
  expect(await (await request.get("/fact-checks/feed.xml")).text()).toContain(`/fact-checks/${slug}`);
  const claimId = api.claims[0].id as string;
  await anonymous.goto(`/embed/claims/${claimId}`);
  await expect(anonymous.getByRole("heading", { level: 1 })).toHaveText(MECHANISM_STATEMENT);
  await expect(anonymous.getByText("Mostly accurate")).toBeVisible();

  // Unpublish: gone from the public site and API, slug kept for republishing.
  await editorArticle.goto(seeded.id);
  const unpublish = editor.getByRole("button", { name: "Unpublish" });
  await waitForHydration(unpublish);
  await unpublish.click();
  await expect(editor.getByRole("heading", { name: "Publish", exact: true })).toBeVisible();
  expect((await request.get(path)).status()).toBe(404);
  expect((await request.get(`/api/public/fact-checks/${slug}`)).status()).toBe(404);
  expect((await request.get(`/embed/claims/${claimId}`)).status()).toBe(404);
  await editorArticle.publish("Back online.", "Mostly accurate");
  await expect(editor.getByRole("link", { name: path })).toBeVisible();
});
