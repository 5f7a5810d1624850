/**
 * The desk run from its queues: an editor assigns an article, the reviewer
 * finds it in "My work", proposes a verdict, the editor requests changes, the
 * reviewer fixes it (a pasted DOI becomes a study citation), two editors
 * approve at quorum 2 (set on the admin page), and the editor publishes.
 */
import { expect, pages, test, uniqueTitle } from "../fixtures/test";
import { ARTICLE_TEXT, MECHANISM_SENTENCE, MECHANISM_STATEMENT, MECHANISM_VERDICT } from "../fixtures/data";
import { waitForHydration } from "../fixtures/hydration";
import { setApprovalQuorum } from "../fixtures/pages/desk-admin";

test("assignment → work → changes requested → fix → approval by two editors at quorum 2 → publish", async ({ reviewer, editor, editor2, pageAs }, testInfo) => {
  // The whole desk in one test, with two settings changes: give it room on a loaded machine.
  test.slow();
  const title = uniqueTitle(testInfo, "Kratom and opioid receptors");

  // The editor imports and assigns the article to the reviewer.
  const id = await pages.import(editor).importArticle({ title, text: ARTICLE_TEXT, publisher: "Example Health News" });
  const assigned = editor.getByLabel("Assigned to");
  await waitForHydration(assigned);
  await assigned.selectOption({ label: "Riley Reviewer" });
  await editor.waitForLoadState("networkidle");
  await expect(editor.getByTestId("form-error")).toHaveCount(0);

  // The reviewer sees it in "My work" and a notification, once the assignment is saved (the picker shows no
  // "saved" state to wait for, and "network idle" can come before the save on a loaded machine).
  await expect(async () => {
    await reviewer.goto("/queues");
    await expect(reviewer.getByRole("link", { name: title })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(reviewer.getByRole("link", { name: /^My work \d+$/ })).toHaveAttribute("aria-current", "page");
  await expect(reviewer.getByTestId("notifications-link")).toContainText(/\d/);
  await reviewer.getByRole("link", { name: title }).click();
  await expect(reviewer).toHaveURL(new RegExp(`/articles/${id}$`));

  const article = pages.article(reviewer);
  await article.addClaim(MECHANISM_SENTENCE, MECHANISM_STATEMENT);
  await article.proposeVerdict(MECHANISM_STATEMENT, MECHANISM_VERDICT);

  // The editor finds it awaiting approval and sends it back with a comment.
  await editor.goto("/queues?queue=awaiting");
  await expect(editor.getByRole("link", { name: MECHANISM_STATEMENT }).first()).toBeVisible();
  await editor.goto("/approvals");
  const item = pages.approvals(editor).item(MECHANISM_STATEMENT, title);
  await waitForHydration(item.getByRole("button", { name: "Request changes" }));
  await item.getByLabel("Comment").fill("Add a second, independent source.");
  await item.getByRole("button", { name: "Request changes" }).click();
  // A verdict sent back leaves the approvals queue at once, and is sent when its undo window ends (or at "Send now").
  await expect(item).toHaveCount(0);
  const sent = editor.getByTestId("toast").filter({ hasText: MECHANISM_STATEMENT });
  await sent.getByRole("button", { name: "Send now" }).click();
  await expect(sent).toHaveAttribute("data-state", "done", { timeout: 15_000 });

  // The reviewer sees it under "Changes requested" and fixes it.
  await reviewer.goto("/queues?queue=changes");
  await reviewer.getByRole("link", { name: MECHANISM_STATEMENT }).first().click();
  const card = await article.openClaim(MECHANISM_STATEMENT);
  await expect(card.getByTestId("changes-requested")).toContainText("Add a second, independent source.");
  await card.getByRole("button", { name: "Add citation" }).click();
  const second = card.getByRole("group", { name: "Citation 2" });
  await second.getByLabel("Citation URL").fill("doi:10.15585/mmwr.mm6814a2");
  await second.getByLabel("Citation title").click(); // leaving the field turns the DOI into its link
  await expect(second.getByLabel("Citation URL")).toHaveValue("https://doi.org/10.15585/mmwr.mm6814a2");
  await expect(second.getByLabel("Kind")).toHaveValue("study");
  await second.getByLabel("Citation title").fill("Kratom-related overdose deaths, 27 states");
  await second.getByLabel("Stance").selectOption("context");
  // A slip of Remove is undone in one click, the row back as it was.
  await second.getByRole("button", { name: "Remove citation 2" }).click();
  await expect(second).toHaveCount(0);
  await card.getByRole("button", { name: "Undo" }).click();
  await expect(second.getByLabel("Citation URL")).toHaveValue("https://doi.org/10.15585/mmwr.mm6814a2");
  await expect(second.getByLabel("Stance")).toHaveValue("context");
  await card.getByRole("button", { name: "Submit for approval" }).click();
  await expect(card.locator("button[aria-expanded]").first().getByText("Verdict proposed", { exact: true })).toBeVisible();
  await card.getByText(/^Verdict history/).click();
  await expect(card.getByText("1 citation added")).toBeVisible();

  // Quorum 2, set by an admin; reset at once afterwards (the e2e database is shared by all tests).
  const admin = await pageAs("admin");
  await setApprovalQuorum(admin, 2);
  try {
    await editor.goto("/approvals");
    const again = pages.approvals(editor).item(MECHANISM_STATEMENT, title);
    await waitForHydration(again.getByRole("button", { name: "Approve" }));
    await again.getByRole("button", { name: "Approve" }).click();
    await editor.getByTestId("toast").filter({ hasText: MECHANISM_STATEMENT }).getByRole("button", { name: "Send now" }).click();
    await expect(again.getByTestId("toast")).toContainText("needs another editor's approval", { timeout: 15_000 });
    await pages.approvals(editor2).goto();
    await pages.approvals(editor2).approve(MECHANISM_STATEMENT, title);
  } finally {
    await setApprovalQuorum(admin, 1);
  }

  // The reviewer was told about the decisions on their verdict.
  await reviewer.goto("/notifications");
  await expect(reviewer.getByText(/Elena Editor requested changes to your verdict/).first()).toBeVisible();
  await expect(reviewer.getByText(/Omar Okafor approved your verdict/).first()).toBeVisible();

  // The editor publishes; the article moves to "Recently published".
  await pages.article(editor).goto(id);
  await pages.article(editor).publish("Kratom's alkaloids do act on opioid receptors.");
  await editor.goto("/queues?queue=published");
  await expect(editor.getByRole("link", { name: title })).toBeVisible();

  // Its audit log tells the whole story.
  await editor.goto(`/articles/${id}/audit?action=verdict.`);
  for (const action of ["verdict.propose", "verdict.request_changes", "verdict.approve"]) {
    await expect(editor.getByRole("cell", { name: action, exact: true }).first()).toBeVisible();
  }
});
