/**
 * Moving from Check: an admin uploads a workspace export, sees what it holds (members with the role they would
 * get, statuses to map, files with unknown columns, rows that cannot be read), maps the workspace's own
 * Portuguese statuses to the rating scale, chooses roles and imports; the same ZIP a second time creates nothing
 * and the mapping is remembered; a reviewer highlighting a claim Check already checked sees the earlier verdict
 * and the report; the admin undoes the import. A file that is no export gets a plain refusal.
 */
import AxeBuilder from "@axe-core/playwright";
import { checkExportZip } from "../../testing/check-export-zip";
import { expect, pages, test, uniqueTitle } from "../fixtures/test";
import { waitForHydration } from "../fixtures/hydration";
import { WorkspaceTools } from "../fixtures/pages/workspace-tools";

const zipFile = (name: string, bytes: Uint8Array) => ({ name, mimeType: "application/zip", buffer: Buffer.from(bytes) });

test("an admin reads a Check export and sees what it holds before anything is written", async ({ pageAs }) => {
  const admin = await pageAs("admin");
  await admin.goto("/admin/settings");
  await admin.getByRole("link", { name: "Read a Check workspace export" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Moving from Check" })).toBeVisible();
  const input = admin.getByLabel("Export ZIP");
  await waitForHydration(input);

  await input.setInputFiles({ name: "photo.zip", mimeType: "application/zip", buffer: Buffer.from("not a zip at all") });
  await expect(admin.getByTestId("form-error")).toHaveText("This file is not a ZIP archive Factdesk can read. Upload the .zip file Check sent, unchanged.");

  await input.setInputFiles(zipFile("check-export.zip", checkExportZip("v2")));
  const preview = admin.getByTestId("check-preview");
  await expect(preview.getByTestId("check-counts")).toHaveText("2 members, 1 fact-check, 1 explainer, 3 items; 1 row cannot be read.");
  await expect(preview.getByLabel("Rita Revisora (rita@verifica.example), collaborator in Check:")).toHaveValue("reviewer");
  await expect(preview.getByTestId("check-statuses").getByRole("row")).toHaveText([/^Status in Check/, /^Em andamento1/, /^Enganoso1/, /^Falso1/]);
  await expect(preview.getByRole("row", { name: /workspace_item_data\.csv/ })).toContainText("Columns Factdesk does not use: “Report URL”.");
  await expect(preview.getByTestId("check-skipped")).toHaveText("workspace_fact_checks_data.csv, line 3: “javascript:alert(1)” is not a web address (http or https).");
  await expect(preview.getByTestId("check-fact-checks")).toHaveText("Café não desidrata — on the item “Café desidrata o corpo.”");
  const { violations } = await new AxeBuilder({ page: admin }).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  // The first version: explainers share the fact-checks' file; Check's own statuses map to the ends of the scale.
  await input.setInputFiles(zipFile("check-export-v1.zip", checkExportZip("v1")));
  await expect(preview.getByTestId("check-counts")).toHaveText("3 members, 2 fact-checks, 1 explainer, 3 items; 3 rows cannot be read.");
  await expect(preview.getByRole("heading", { name: "Workspace “Health Desk”" })).toBeVisible();
  await expect(preview.getByLabel("false (1 item)").locator("option:checked")).toHaveText("Inaccurate");
  await expect(preview.getByLabel("verified (1 item)").locator("option:checked")).toHaveText("Accurate");
  await expect(preview.getByLabel("in_progress (1 item)").locator("option:checked")).toHaveText("Not a verdict");
});

test("an admin maps a workspace's own statuses and imports it once; a reviewer sees what Check already checked", async ({ pageAs, reviewer }, testInfo) => {
  test.slow();
  const run = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const zip = checkExportZip("v2", {}, run);
  const admin = await pageAs("admin");
  await admin.goto("/admin/check-import");
  const input = admin.getByLabel("Export ZIP");
  await waitForHydration(input);
  await input.setInputFiles(zipFile(`verifica-${run}.zip`, zip));
  const preview = admin.getByTestId("check-preview");
  // A custom status starts as "not a verdict" unless an earlier import (an earlier test run here) mapped it.
  await expect(preview.getByLabel("Em andamento (1 item)").locator("option:checked")).toHaveText("Not a verdict");
  await preview.getByLabel("Falso (1 item)").selectOption({ label: "Inaccurate" });
  await preview.getByLabel("Enganoso (1 item)").selectOption({ label: "Misleading" });
  await preview.getByLabel(`Rita Revisora (rita@verifica-${run}.example), collaborator in Check:`).selectOption("editor");
  await admin.getByRole("button", { name: "Import into Factdesk" }).click();
  await expect(admin.getByTestId("check-imported")).toContainText("Imported: 1 fact-check, 1 explainer, 3 items (as claims), 2 members. 1 row could not be read.");

  // The same ZIP again: the mapping is remembered, nothing is created twice.
  await admin.reload();
  await waitForHydration(input);
  await input.setInputFiles(zipFile("verifica-again.zip", zip));
  await expect(preview.getByLabel("Falso (1 item)").locator("option:checked")).toHaveText("Inaccurate");
  await expect(preview.getByLabel("Enganoso (1 item)").locator("option:checked")).toHaveText("Misleading");
  await admin.getByRole("button", { name: "Import into Factdesk" }).click();
  await expect(admin.getByTestId("check-imported")).toContainText("Nothing new. 7 rows had come in with an earlier import");
  await admin.screenshot({ path: testInfo.outputPath("check-import-nothing-new.png") });

  await admin.goto("/admin/users");
  const rita = admin.getByRole("row").filter({ hasText: `rita@verifica-${run}.example` });
  await expect(rita.getByRole("combobox")).toHaveValue("editor");
  await expect(rita).toContainText("Deactivated");

  // A reviewer highlights the claim: the item Check rated, and its report, are shown.
  await pages.import(reviewer).importArticle({ title: uniqueTitle(testInfo, "Café e hidratação"), text: "Um post viral.\n\nCafé desidrata o corpo, diz o post." });
  const article = pages.article(reviewer);
  await article.addClaim("Café desidrata o corpo", "Café desidrata o corpo");
  const card = await article.openClaim("Café desidrata o corpo");
  const fromCheck = new WorkspaceTools(reviewer).matches(card).getByRole("listitem").filter({ hasText: `Check archive: Check workspace` }).filter({ hasText: "Café desidrata o corpo." });
  await expect(fromCheck.getByTestId("earlier-verdict").first()).toHaveText(/^Already checked by Check workspace on 2025-01-10: Inaccurate · Read the fact-check$/);
  const report = card.getByTestId("earlier-checks").getByRole("listitem").filter({ hasText: "Café não desidrata" }).filter({ has: reviewer.locator(`a[href="https://verifica.example/${run}/cafe"]`) });
  await expect(report).toContainText("Already checked by Check workspace: Inaccurate");
  await expect(report.getByRole("link", { name: "Read the fact-check" })).toHaveAttribute("href", `https://verifica.example/${run}/cafe`);

  // Nothing was used: the admin undoes the import. The explainer is there as a context link until then.
  await admin.goto("/prior-fact-checks");
  await expect(admin.getByTestId("context-links").getByRole("link", { name: "O que é o kratom?" }).first()).toHaveAttribute("href", `https://verifica.example/${run}/kratom`);
  const batch = admin.getByRole("listitem").filter({ hasText: `from Check: verifica-${run}.zip · 7 rows` });
  admin.once("dialog", (d) => void d.accept());
  await batch.getByRole("button", { name: `Undo the import from verifica-${run}.zip` }).click();
  // The list refreshes: the import is marked undone, and what it brought in is gone.
  await expect(batch).toContainText(/· undone \d/);
  await admin.goto("/admin/users");
  await expect(admin.getByRole("row").filter({ hasText: `rita@verifica-${run}.example` })).toHaveCount(0);
});

test("a member brought in from Check gets a password and is activated by an admin, signs in, and the import can no longer be undone", async ({ pageAs, browser }, testInfo) => {
  test.slow();
  const run = `${testInfo.project.name}-${Date.now().toString(36)}`;
  const admin = await pageAs("admin");
  await admin.goto("/admin/check-import");
  const input = admin.getByLabel("Export ZIP");
  await waitForHydration(input);
  await input.setInputFiles(zipFile(`desk-${run}.zip`, checkExportZip("v1", {}, run)));
  await admin.getByRole("button", { name: "Import into Factdesk" }).click();
  await expect(admin.getByTestId("check-imported")).toContainText("3 members");

  const email = `eli@desk-${run}.example`;
  await admin.goto("/admin/users");
  const row = admin.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("Deactivated");
  await waitForHydration(row.getByRole("button", { name: "Set password for Eli Editor" }));
  await row.getByRole("button", { name: "Set password for Eli Editor" }).click();
  await row.getByLabel("New password for Eli Editor").fill("correct horse battery staple");
  await row.getByRole("button", { name: "Save password for Eli Editor" }).click();
  await expect(admin.getByRole("status").filter({ hasText: "Eli Editor has a new password" })).toBeVisible();
  await row.getByRole("button", { name: "Reactivate Eli Editor" }).click();
  await expect(row).toContainText("Active");

  const context = await browser.newContext();
  const eli = await context.newPage();
  const login = pages.login(eli);
  await login.goto();
  await login.signIn(email, "correct horse battery staple");
  await expect(eli.getByRole("link", { name: "Approvals" })).toBeVisible();
  await context.close();

  await admin.goto("/prior-fact-checks");
  const batch = admin.getByRole("listitem").filter({ hasText: `from Check: desk-${run}.zip` });
  admin.once("dialog", (d) => void d.accept());
  await batch.getByRole("button", { name: `Undo the import from desk-${run}.zip` }).click();
  await expect(batch.getByRole("status")).toHaveText("This import can no longer be undone: a member it brought in has been activated. Remove what you no longer want one by one.");
});
