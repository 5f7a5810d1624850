/**
 * Evidence that lasts: a reviewer cites a page, the desk archives it and finds the quote; the editor sees the
 * same on the approval card; readers get the archived copy and whether the quote was found; the page then
 * changes, the link check flags it on the desk, and nothing public changes by itself.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, pages, test, uniqueTitle } from "../fixtures/test";

async function expectNoSeriousAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
}

const SENTENCE = "Kratom use among adults has more than doubled in five years.";
const STATEMENT = "Kratom use among adults more than doubled in five years";
const QUOTE = "About 5% of adults surveyed said they had used kratom in the past year, up from two percent five years earlier.";
/** The fixture's "living" page: POST <url>/next serves its corrected version (6% instead of 5%). */
const livingPage = (key: string) => `${process.env.E2E_FIXTURE_ORIGIN}/living/${key}`;

test("a cited page is archived with its quote found, and a later change is flagged on the desk only", async ({ reviewer, editor, anonymous, pageAs, request }, testInfo) => {
  test.setTimeout(180_000);
  const title = uniqueTitle(testInfo, "Kratom survey piece");
  const key = `archive-${testInfo.project.name}-${Date.now().toString(36)}`;
  const url = livingPage(key);
  const citationTitle = `National kratom survey ${key}`;

  const id = await pages.import(reviewer).importArticle({ title, text: `A national survey of adults came out this spring and has been widely shared since.\n\n${SENTENCE} Most of them buy it online.` });
  const article = pages.article(reviewer);
  await article.addClaim(SENTENCE, STATEMENT);
  await article.proposeVerdict(STATEMENT, {
    rating: "Misleading",
    rationale: "The survey says 5%, up from 2%: more than doubled, but from a small base.",
    citation: { url, title: citationTitle, publisher: "Survey office", quote: QUOTE, stance: "supports" },
  });
  // The reviewer sees the archive and the quote check appear under the citation, without reloading.
  const status = (await article.openClaim(STATEMENT)).getByRole("list", { name: "Citations as archived" }).getByTestId("archive-status");
  await expect(status).toContainText(/Archived .* · quote found in the copy/, { timeout: 30_000 });
  const deskCopy = status.getByRole("link", { name: /Archived/ });
  const copyPage = await reviewer.context().newPage();
  await copyPage.goto((await deskCopy.getAttribute("href"))!);
  await expect(copyPage.getByRole("heading", { level: 1 })).toHaveText("Kratom use is rising, survey finds");
  await expect(copyPage.getByText(QUOTE)).toBeVisible();
  await expectNoSeriousAxeViolations(copyPage);
  await copyPage.close();

  // The editor decides with the same check in front of them.
  const approvals = pages.approvals(editor);
  await approvals.goto();
  const card = approvals.item(STATEMENT, title);
  await expect(card.getByRole("region", { name: "Sources as archived" })).toContainText("quote found in the copy");
  await expect(card.getByTestId("central-quote-warning")).toHaveCount(0);
  await approvals.approve(STATEMENT, title, "The survey figures match.");
  const editorArticle = pages.article(editor);
  await editorArticle.goto(id);
  await editorArticle.publish("The rise is real but from a small base.", "Misleading");

  // Readers: the archived copy on this site, and the quote found in it; the same in the JSON API.
  const site = pages.publicSite(anonymous);
  await site.open(title);
  const claim = site.claim(STATEMENT);
  await expect(claim.getByTestId("quote-check")).toHaveText("Quote found in the archived copy.");
  const archiveLink = claim.getByRole("link", { name: /^Archived copy, / });
  const archivePath = (await archiveLink.getAttribute("href"))!;
  expect(archivePath).toMatch(/^\/sources\/[\w-]+$/);
  const slug = new URL(anonymous.url()).pathname.split("/").pop()!;
  const api = (await (await request.get(`/api/public/fact-checks/${slug}`)).json()) as { claims: { statement: string; citations: { url: string; archive: Record<string, unknown> | null }[] }[] };
  const cited = api.claims.find((c) => c.statement === STATEMENT)!.citations.find((c) => c.url === url)!;
  expect(cited.archive).toMatchObject({ quoteStatus: "found", sha256: expect.stringMatching(/^[0-9a-f]{64}$/), url: expect.stringContaining(archivePath) });
  await anonymous.goto(archivePath);
  await expect(anonymous.getByText("Archived copy", { exact: true })).toBeVisible();
  await expect(anonymous.getByText(QUOTE)).toBeVisible();
  await expect(anonymous.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expectNoSeriousAxeViolations(anonymous);

  // The page is corrected (5% becomes 6%); an admin runs the link check now rather than waiting for the day's.
  expect((await request.post(`${url}/next`)).ok()).toBe(true);
  const admin = await pageAs("admin");
  await admin.goto("/sources-changed");
  await admin.getByRole("button", { name: "Check links now" }).click();
  await expect(admin.getByRole("status")).toContainText(/queued for a check/);
  const findings = admin.getByTestId("source-change").filter({ hasText: citationTitle });
  await expect(async () => {
    await admin.reload();
    await expect(findings).toHaveCount(2);
    // Checks of one host are spaced 10 s apart, and other specs cite pages of this fixture site too.
  }).toPass({ timeout: 90_000 });
  await expect(findings.filter({ hasText: "The page's text changed" })).toHaveCount(1);
  await expect(findings.filter({ hasText: "The quote is no longer on the page" })).toHaveCount(1);

  // Nothing public changed by itself: the same archived copy, the quote still found in it.
  await site.open(title);
  await expect(site.claim(STATEMENT).getByTestId("quote-check")).toHaveText("Quote found in the archived copy.");
  await expect(site.claim(STATEMENT).getByRole("link", { name: /^Archived copy, / })).toHaveAttribute("href", archivePath);

  // A reviewer looks, decides the verdict stands, and marks both findings as seen.
  for (const kind of ["The page's text changed", "The quote is no longer on the page"]) {
    await findings.filter({ hasText: kind }).getByRole("button", { name: /Mark as seen/ }).click();
  }
  await expect(findings).toHaveCount(0);
});
