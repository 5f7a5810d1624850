/**
 * Desk resources: anonymous visitors and under-privileged users get a login
 * redirect or a refusal, never data (DESIGN.md, "Permissions").
 */
import { captureAction } from "../fixtures/actions";
import { expect, pages, test, uniqueTitle } from "../fixtures/test";
import { ARTICLE_TEXT } from "../fixtures/data";
import { DESK_PAGES, deskPages, loginRedirect } from "../fixtures/desk-pages";
import { waitForHydration } from "../fixtures/hydration";
import { approvedArticle, articleWithProposedVerdict } from "../fixtures/workflow";

test("anonymous visitors are sent to the login page from every desk page", async ({ anonymous }) => {
  for (const { path } of DESK_PAGES) {
    await anonymous.goto(path);
    await expect(anonymous, `${path} should redirect to /login`).toHaveURL(loginRedirect(path));
  }
});

test("anonymous HTTP clients get no draft data from desk pages or public routes", async ({ reviewer, anonymousRequest: anon }, testInfo) => {
  const title = uniqueTitle(testInfo, "Unpublished draft");
  const id = await pages.import(reviewer).importArticle({ title, text: ARTICLE_TEXT });

  const draftPages = deskPages(id).filter((p) => p.path.includes(id));
  for (const { path } of [...DESK_PAGES, ...draftPages]) {
    const response = await anon.get(path, { maxRedirects: 0 });
    const status = response.status();
    expect([302, 303, 307, 308, 401, 403, 404], `${path} answered ${status}`).toContain(status);
    if (status >= 300 && status < 400) expect(response.headers()["location"], path).toMatch(/\/login/);
    expect(await response.text(), `${path} leaked the draft`).not.toContain(title);
  }
  // Public surfaces exist for everyone, but a draft is in none of them.
  for (const path of ["/fact-checks", "/api/public/fact-checks", "/sitemap.xml", "/fact-checks/feed.xml", `/api/public/fact-checks?q=${encodeURIComponent(title)}`]) {
    const response = await anon.get(path);
    expect(response.status(), path).toBeLessThan(500);
    expect(await response.text(), `${path} leaked the draft`).not.toContain(title);
  }
  // A search for the draft's title finds nothing (the page echoes the query in its search box, so look at the results).
  const search = await (await anon.get(`/fact-checks?q=${encodeURIComponent(title)}`)).text();
  expect(search).toContain("No fact-checks match your search");
  expect(search).not.toContain(`>${title}</a>`);
});

test("a reviewer is told the approvals queue is not for their role", async ({ reviewer }) => {
  await reviewer.goto("/approvals");
  await expect(reviewer.getByRole("heading", { name: "Not available to your role" })).toBeVisible();
  await expect(reviewer.getByRole("button", { name: "Approve" })).toHaveCount(0);
});

test("neither a reviewer nor an anonymous caller can publish, not even by replaying an editor's publish request", async ({ reviewer, editor, editor2, anonymous, anonymousRequest }, testInfo) => {
  const seeded = await approvedArticle(reviewer, editor2, testInfo);

  // The UI offers a reviewer no Publish button…
  await pages.article(reviewer).goto(seeded.id);
  await expect(reviewer.getByRole("heading", { level: 1 })).toContainText(seeded.title);
  await expect(reviewer.getByRole("button", { name: /^Publish|Preview and publish/ })).toHaveCount(0);

  // …and the server refuses the action itself. Capture the editor's publish
  // request (a server action POST) without letting it through, then send it
  // with the reviewer's session. Only the publish call (it carries the summary):
  // the workspace also refetches itself through a server action.
  const editorArticle = pages.article(editor);
  await editorArticle.goto(seeded.id);
  await editorArticle.previewPublication("Should never be published.");
  const publish = editor.getByRole("button", { name: "Publish now", exact: true });
  await waitForHydration(publish);
  const action = await captureAction(editor, `**/articles/${seeded.id}/publish*`, () => publish.click(), "Should never be published.");
  expect(await action.replayAs(reviewer.request)).toMatch(/Only editors and above can do this/);
  expect(await action.replayAs(anonymousRequest)).toMatch(/Sign in to continue/);

  await pages.publicSite(anonymous).gotoIndex();
  await expect(anonymous.getByRole("link", { name: seeded.title })).toHaveCount(0);
});

test("an editor cannot approve their own verdict (two-person rule)", async ({ editor }, testInfo) => {
  const seeded = await articleWithProposedVerdict(editor, testInfo, "Own verdict");
  const approvals = pages.approvals(editor);
  await approvals.goto();
  const item = approvals.item(seeded.statement, seeded.title);
  // The queue says so up front and marks the button disabled…
  await expect(item.getByText(/two-person rule/)).toBeVisible();
  const approve = item.getByRole("button", { name: "Approve" });
  await expect(approve).toHaveAttribute("aria-disabled", "true");
  // …and pressing it anyway gets the server's refusal.
  await waitForHydration(approve);
  await approve.click({ force: true });
  await expect(item.getByRole("alert")).toContainText("two-person rule");

  // Still waiting for another editor.
  const article = pages.article(editor);
  await article.goto(seeded.id);
  await expect(article.claimEntry(seeded.statement).getByText("Verdict proposed", { exact: true })).toBeVisible();
});
