/**
 * Deleting a label of the rating scale waits in an undo window: the label leaves the list at once,
 * Undo brings it back with nothing recorded, and only when the window ends is it deleted for good.
 * It runs with the organisation-wide settings specs (playwright.config.ts), since it changes the scale.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, uniqueTitle } from "../fixtures/test";
import { waitForHydration } from "../fixtures/hydration";

test("deleting a rating can be undone within its window, then is deleted for good", async ({ pageAs }, testInfo) => {
  const admin = await pageAs("admin");
  const label = uniqueTitle(testInfo, "Unproven").slice(0, 40);
  await admin.goto("/admin/rating-scale");
  const add = admin.getByRole("region", { name: "Add a label" });
  await waitForHydration(add.getByRole("button", { name: "Add label" }));
  await add.getByLabel("Label").fill(label);
  await add.getByLabel("Description").fill("Evidence is too thin to say either way.");
  await add.getByRole("button", { name: "Add label" }).click();
  const item = admin.getByRole("listitem", { name: label });
  await expect(item).toBeVisible();

  // Delete, then Undo: the label comes back and nothing was sent.
  await item.getByRole("button", { name: `Delete ${label}` }).click();
  await expect(item).toHaveCount(0);
  const toast = admin.getByTestId("toast").filter({ hasText: label });
  await expect(toast).toHaveAttribute("data-state", "waiting");
  await expect(toast.getByRole("button", { name: "Undo" })).toBeFocused();
  await admin.keyboard.press("Enter");
  const undone = admin.getByTestId("toast").filter({ hasText: "Undone. Nothing was recorded." });
  await expect(undone).toHaveAttribute("data-state", "undone");
  await expect(item).toBeVisible();
  const { violations } = await new AxeBuilder({ page: admin }).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await admin.reload();
  await expect(item).toBeVisible();

  // Delete again and let the window end: the label is gone, also after a reload.
  await waitForHydration(item.getByRole("button", { name: `Delete ${label}` }));
  await item.getByRole("button", { name: `Delete ${label}` }).click();
  await expect(toast).toHaveAttribute("data-state", "done", { timeout: 15_000 });
  await expect(toast).toContainText(`Deleted “${label}”.`);
  await admin.reload();
  await expect(admin.getByRole("heading", { level: 1, name: "Rating scale" })).toBeVisible();
  await expect(item).toHaveCount(0);
});
