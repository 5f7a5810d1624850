/**
 * How readily the workspace suggests sentences is an admin's setting: a high threshold leaves only the surest
 * suggestions (here none), an empty one goes back to the shipped threshold. Runs with the organisation-wide
 * settings specs (playwright.config.ts), and puts the default back.
 */
import { waitForHydration } from "../fixtures/hydration";
import { WorkspaceTools } from "../fixtures/pages/workspace-tools";
import { expect, pages, test, uniqueTitle } from "../fixtures/test";

const STATISTIC = "A 2019 survey found that 41% of adults took vitamin D supplements every day.";
const TEXT = `The clinic opened on a Tuesday in the spring.\n\nIt has two doctors. ${STATISTIC}`;

test("an admin's suggestion threshold changes what reviewers are offered, and empty means the recommended one", async ({ pageAs, reviewer }, testInfo) => {
  const admin = await pageAs("admin");
  const save = async (value: string) => {
    await admin.goto("/admin/settings");
    const button = admin.getByRole("button", { name: "Save suggestion threshold" });
    await waitForHydration(button);
    await admin.getByLabel("Suggest sentences scoring at least (%)").fill(value);
    await button.click();
  };
  const id = await pages.import(reviewer).importArticle({ title: uniqueTitle(testInfo, "Threshold"), text: TEXT });
  const tools = new WorkspaceTools(reviewer);
  await expect(tools.suggestions).toHaveText([STATISTIC]);

  await save("150");
  await expect(admin.getByTestId("form-error")).toContainText("At most 99 %.");
  try {
    await save("99");
    await expect(admin.getByTestId("toast")).toContainText("Saved: sentences scoring 99 % or more are suggested.");
    await pages.article(reviewer).goto(id);
    await expect(pages.article(reviewer).text).toContainText(STATISTIC);
    await expect(tools.suggestions).toHaveCount(0);
  } finally {
    await save("");
    await expect(admin.getByTestId("toast")).toContainText(/Saved: sentences scoring \d+ % or more are suggested\./);
  }
  await pages.article(reviewer).goto(id);
  await expect(tools.suggestions).toHaveText([STATISTIC]);
});
