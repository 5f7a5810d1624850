/**
 * Approve with Undo: the decision waits a few seconds in the browser before it is sent. Undone within the
 * window, nothing reaches the server (the card is still in the queue after a reload, the workspace still says
 * "Verdict proposed"); left alone, it is sent when the window ends.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, pages, test } from "../fixtures/test";
import { waitForHydration } from "../fixtures/hydration";
import { articleWithProposedVerdict } from "../fixtures/workflow";

test("approve → Undo within the window records nothing; approve again → sent when the window ends", async ({ reviewer, editor }, testInfo) => {
  const seeded = await articleWithProposedVerdict(reviewer, testInfo, "Undo an approval");
  const approvals = pages.approvals(editor);
  await approvals.goto();
  const item = approvals.item(seeded.statement, seeded.title);
  await expect(item.getByRole("link", { name: /^Claim \d+$/ })).toBeVisible();
  const approve = item.getByRole("button", { name: "Approve" });
  await waitForHydration(approve);
  await item.getByLabel("Comment").fill("Sources check out.");
  await approve.click();

  // The card leaves at once; the message line holds the decision with Undo (focused, so Enter undoes it).
  await expect(item).toHaveCount(0);
  const toast = editor.getByTestId("toast");
  await expect(toast).toHaveAttribute("data-state", "waiting");
  await expect(toast).toContainText(/Approving claim \d+/);
  const undo = toast.getByRole("button", { name: "Undo" });
  await expect(undo).toBeFocused();
  await editor.screenshot({ path: testInfo.outputPath("approval-undo-window.png") });
  await undo.click();

  // The card is back as it was, comment included; nothing was sent.
  await expect(toast).toHaveAttribute("data-state", "undone");
  await expect(toast).toContainText("Nothing was recorded");
  await expect(item).toBeVisible();
  await expect(item.getByLabel("Comment")).toHaveValue("Sources check out.");
  await editor.screenshot({ path: testInfo.outputPath("approval-undone.png") });
  // Wait past where the window would have ended, then ask the server.
  await editor.waitForTimeout(7_000);
  await approvals.goto();
  await expect(item).toBeVisible();
  await pages.article(reviewer).goto(seeded.id);
  await expect(pages.article(reviewer).claimEntry(seeded.statement).getByText("Verdict proposed", { exact: true })).toBeVisible();

  // axe on the queue with the message line showing.
  await waitForHydration(approve);
  await approve.click();
  await expect(toast).toHaveAttribute("data-state", "waiting");
  const { violations } = await new AxeBuilder({ page: editor }).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);

  // Not undone: sent when the window ends, and the message says what it did.
  await expect(toast).toHaveAttribute("data-state", "done", { timeout: 15_000 });
  await expect(toast).toContainText("Approved");
  await editor.screenshot({ path: testInfo.outputPath("approval-sent.png") });
  await approvals.goto();
  await expect(item).toHaveCount(0);
  await pages.article(reviewer).goto(seeded.id);
  await expect(pages.article(reviewer).claimEntry(seeded.statement).getByText("Approved", { exact: true })).toBeVisible();
});
