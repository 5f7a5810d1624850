/**
 * Publishing and organisation pages: anonymous callers and roles below the
 * one the action needs get a refusal from the server, not just a hidden button.
 */
import { captureAction } from "../fixtures/actions";
import { waitForHydration } from "../fixtures/hydration";
import { expect, pages, test } from "../fixtures/test";
import { approvedArticle } from "../fixtures/workflow";

test("only admins edit organisation pages", async ({ pageAs, reviewer, editor, anonymousRequest: anon }) => {
  for (const page of [reviewer, editor]) {
    await page.goto("/admin/pages");
    await expect(page.getByRole("heading", { name: "Not available to your role" })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Save / })).toHaveCount(0);
  }
  const admin = await pageAs("admin");
  await admin.goto("/admin/pages");
  const title = admin.getByLabel("Title").first();
  await title.fill("Hijacked methodology");
  const save = admin.getByRole("button", { name: "Save methodology" });
  await waitForHydration(save);
  const action = await captureAction(admin, "**/admin/pages", () => save.click());

  expect(await action.replayAs(reviewer.request)).toMatch(/Only admins and above can do this/);
  expect(await action.replayAs(editor.request)).toMatch(/Only admins and above can do this/);
  expect(await action.replayAs(anon)).toMatch(/Sign in to continue/);
  expect((await anon.get("/admin/pages", { maxRedirects: 0 })).status()).toBe(307);
  expect(await (await anon.get("/methodology")).text()).not.toContain("Hijacked methodology");
});

test("reviewers and anonymous callers cannot unpublish; a stale unpublish is refused", async ({ reviewer, editor, editor2, anonymousRequest }, testInfo) => {
  const seeded = await approvedArticle(reviewer, editor2, testInfo);
  const article = pages.article(editor);
  await article.goto(seeded.id);
  await article.publish("Published to test refusals.");
  await pages.article(reviewer).goto(seeded.id);
  await expect(reviewer.getByRole("button", { name: "Unpublish" })).toHaveCount(0);

  const path = (await editor.getByRole("link", { name: /^\/fact-checks\// }).textContent())!.trim();
  const unpublish = editor.getByRole("button", { name: "Unpublish" });
  await waitForHydration(unpublish);
  const action = await captureAction(editor, `**/articles/${seeded.id}`, () => unpublish.click(), '"version"');
  expect(await action.replayAs(reviewer.request)).toMatch(/Only editors and above can do this/);
  expect(await action.replayAs(anonymousRequest)).toMatch(/Sign in to continue/);
  // Still public after the refusals.
  expect((await reviewer.request.get(path)).status()).toBe(200);

  // editor2 unpublishes first; the editor's page (older version) is refused with a conflict, not a silent no-op.
  await pages.article(editor2).goto(seeded.id);
  const other = editor2.getByRole("button", { name: "Unpublish" });
  await waitForHydration(other);
  await other.click();
  await expect(editor2.getByRole("heading", { name: "Publish", exact: true })).toBeVisible();
  await editor.reload();
  expect(await action.replayAs(editor.request)).toMatch(/not published|changed by someone else/);
});

test("the desk's main pages have no serious or critical axe violations", async ({ editor, pageAs }) => {
  const { expectNoSeriousAxeViolations } = await import("../fixtures/public-checks");
  await editor.goto("/articles");
  const first = editor.getByRole("link", { name: "Managing Hair Loss During Opioid Withdrawal with Kratom" }).first();
  const href = await first.getAttribute("href");
  for (const path of ["/articles", "/articles/new", "/approvals", href!]) {
    await editor.goto(path);
    await expectNoSeriousAxeViolations(editor, path);
  }
  const admin = await pageAs("admin");
  for (const path of ["/admin/pages", "/admin/users"]) {
    await admin.goto(path);
    await expectNoSeriousAxeViolations(admin, path);
  }
});
