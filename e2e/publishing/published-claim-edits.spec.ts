/**
 * The promise on a live fact-check: a reviewer rewrites one published claim
 * (statement and claimant) and excludes another. The public page, the claim
 * permalink, the embed card, the JSON API and the JSON-LD stay exactly as
 * published until an editor other than the author approves each change;
 * then readers see the new wording and the removal, each with a dated
 * correction.
 */
import type { APIRequestContext, Page } from "@playwright/test";
import { MECHANISM_STATEMENT, MECHANISM_VERDICT, NIDA_SENTENCE } from "../fixtures/data";
import { waitForHydration } from "../fixtures/hydration";
import { expect, pages, test } from "../fixtures/test";
import { articleWithProposedVerdict } from "../fixtures/workflow";

const NIDA_STATEMENT = "NIDA says kratom can cause nausea and a faster heart rate.";
const NEW_STATEMENT = "Kratom's main alkaloids act on the brain's opioid receptors.";
const EDIT_NOTE = "We restated the claim to name the alkaloids and credited the agency review it came from.";
const REMOVE_NOTE = "We removed a claim that repeats an agency's own summary rather than the article's assertion.";

/** Everything a reader can get about the fact-check, as text: page, permalink, embed, API and JSON-LD. */
async function readerView(reader: Page, request: APIRequestContext, path: string) {
  const slug = path.split("/").pop()!;
  const api = await (await request.get(`/api/public/fact-checks/${slug}`)).json();
  const claimIds = (api.claims as { id: string }[]).map((c) => c.id);
  await reader.goto(path);
  const page = await reader.locator("main").innerText();
  const jsonLd = (await pages.publicSite(reader).jsonLd()).filter((j) => j["@type"] === "ClaimReview");
  const permalinks: string[] = [];
  const embeds: string[] = [];
  for (const id of claimIds) {
    await reader.goto(`${path}/claims/${id}`);
    permalinks.push(await reader.locator("main").innerText());
    await reader.goto(`/embed/claims/${id}`);
    embeds.push(await reader.locator("main").innerText());
  }
  return { api, page, jsonLd, permalinks, embeds };
}

test("edits and exclusions of published claims reach readers only after a second editor approves them, as dated corrections", async ({ reviewer, editor, editor2, anonymous, request }, testInfo) => {
  test.slow();
  // Two approved claims, published by an editor.
  const seeded = await articleWithProposedVerdict(reviewer, testInfo);
  const article = pages.article(reviewer);
  await article.addClaim(NIDA_SENTENCE, NIDA_STATEMENT);
  await article.proposeVerdict(NIDA_STATEMENT, { ...MECHANISM_VERDICT, rating: "Mostly accurate" });
  const approvals = pages.approvals(editor);
  await approvals.goto();
  await approvals.approve(MECHANISM_STATEMENT, seeded.title);
  await approvals.approve(NIDA_STATEMENT, seeded.title);
  const editorArticle = pages.article(editor);
  await editorArticle.goto(seeded.id);
  await editorArticle.publish("Both claims about kratom's pharmacology hold up.", "Accurate");
  const path = (await editor.getByRole("link", { name: /^\/fact-checks\// }).textContent())!.trim();
  const published = await readerView(anonymous, request, path);
  expect(published.page).toContain(MECHANISM_STATEMENT);
  expect(published.jsonLd).toHaveLength(2);

  // The reviewer rewrites the first claim and names who made it.
  await article.goto(seeded.id);
  const card = await article.openClaim(MECHANISM_STATEMENT);
  const edit = card.getByRole("button", { name: "Edit statement" });
  await waitForHydration(edit);
  await edit.click();
  const form = card.getByRole("form", { name: "Edit the claim" });
  await form.getByLabel("Statement").fill(NEW_STATEMENT);
  await form.getByLabel("Name").fill("National Institute on Drug Abuse");
  await form.getByLabel("Organisation").check();
  const submit = form.getByRole("button", { name: "Submit change for approval" });
  await submit.click();
  await expect(form.getByRole("alert")).toContainText("correction note");
  await form.getByLabel("Correction note for readers (required)", { exact: true }).fill(EDIT_NOTE);
  await submit.click();
  await expect(article.claimEntry(NEW_STATEMENT).getByText("Verdict proposed", { exact: true })).toBeVisible();

  // …and excludes the second.
  const second = await article.openClaim(NIDA_STATEMENT);
  await second.getByRole("button", { name: "Exclude claim" }).click();
  await second.getByLabel("Reason for excluding").fill("Repeats the agency's summary.");
  await second.getByLabel("Correction note for readers (required)", { exact: true }).fill(REMOVE_NOTE);
  await second.getByRole("button", { name: "Submit removal for approval" }).click();
  // The removal waits out its undo window, then is sent.
  await expect(second.getByTestId("pending-withdrawal")).toBeVisible({ timeout: 15_000 });

  // Readers see exactly what was published: not a word of the proposals.
  const pending = await readerView(anonymous, request, path);
  expect(pending).toEqual(published);

  // The author cannot approve their own change (reviewers have no queue at all); a second editor approves both.
  const second2 = pages.approvals(editor2);
  await second2.goto();
  await second2.approve(NEW_STATEMENT, seeded.title);
  await second2.approve(NIDA_STATEMENT, seeded.title);

  const after = await readerView(anonymous, request, path);
  expect(after.page).toContain(NEW_STATEMENT);
  expect(after.page).not.toContain(NIDA_STATEMENT);
  expect(after.page).toContain("Claimed by National Institute on Drug Abuse");
  expect(after.api.claims.map((c: { statement: string }) => c.statement)).toEqual([NEW_STATEMENT]);
  expect(after.api.claims[0].claimant).toMatchObject({ name: "National Institute on Drug Abuse", type: "organization" });
  expect(after.api.corrections.map((c: { note: string }) => c.note).sort()).toEqual([EDIT_NOTE, REMOVE_NOTE].sort());
  for (const c of after.api.corrections as { date: string }[]) expect(Date.parse(c.date)).toBeGreaterThan(Date.parse(after.api.datePublished));
  expect(after.jsonLd).toHaveLength(1);
  expect(after.jsonLd[0]!["claimReviewed"]).toBe(NEW_STATEMENT);
  expect((after.jsonLd[0]!["itemReviewed"] as Record<string, unknown>)["author"]).toMatchObject({ "@type": "Organization", name: "National Institute on Drug Abuse" });
  expect(Date.parse(String(after.jsonLd[0]!["dateModified"]))).toBeGreaterThan(Date.parse(String(after.jsonLd[0]!["datePublished"])));
  expect(after.embeds[0]).toContain(NEW_STATEMENT);
  // The removed claim's own pages are gone too.
  const removedId = (published.api.claims as { id: string; statement: string }[]).find((c) => c.statement === NIDA_STATEMENT)!.id;
  expect((await request.get(`${path}/claims/${removedId}`)).status()).toBe(404);
  expect((await request.get(`/embed/claims/${removedId}`)).status()).toBe(404);
  await anonymous.goto(path);
  await expect(anonymous.locator("#corrections")).toContainText(EDIT_NOTE);
  await expect(anonymous.locator("#corrections")).toContainText(REMOVE_NOTE);
});
