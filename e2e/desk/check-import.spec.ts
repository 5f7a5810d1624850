/**
 * Moving from Check, step one: an admin uploads a workspace export and sees what it holds (members with the
 * role they would get, statuses to map, files with unknown columns, rows that cannot be read) before anything
 * is written; a file that is no export gets a plain refusal.
 */
import fs from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { zipSync } from "fflate";
import { expect, test } from "../fixtures/test";
import { waitForHydration } from "../fixtures/hydration";

const exportOf = (version: string) => {
  const dir = path.join(process.cwd(), "fixtures/check-export", version);
  return Buffer.from(zipSync(Object.fromEntries(fs.readdirSync(dir).map((f) => [`export/${f}`, fs.readFileSync(path.join(dir, f))]))));
};

test("an admin reads a Check export and sees what it holds before anything is written", async ({ pageAs }) => {
  const admin = await pageAs("admin");
  await admin.goto("/admin/settings");
  await admin.getByRole("link", { name: "Read a Check workspace export" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Moving from Check" })).toBeVisible();
  const input = admin.getByLabel("Export ZIP");
  await waitForHydration(input);

  await input.setInputFiles({ name: "photo.zip", mimeType: "application/zip", buffer: Buffer.from("not a zip at all") });
  await expect(admin.getByTestId("form-error")).toHaveText("This file is not a ZIP archive Factdesk can read. Upload the .zip file Check sent, unchanged.");

  await input.setInputFiles({ name: "check-export.zip", mimeType: "application/zip", buffer: exportOf("v2") });
  const preview = admin.getByTestId("check-preview");
  await expect(preview.getByTestId("check-counts")).toHaveText("2 members, 1 fact-check, 1 explainer, 3 items; 1 row cannot be read.");
  await expect(preview.getByTestId("check-members")).toContainText("Rita Revisora (rita@verifica.example): collaborator in Check, reviewer here");
  await expect(preview.getByTestId("check-statuses").getByRole("listitem")).toHaveText(["Em andamento: 1 item", "Enganoso: 1 item", "Falso: 1 item"]);
  await expect(preview.getByRole("row", { name: /workspace_item_data\.csv/ })).toContainText("Columns Factdesk does not use: “Report URL”.");
  await expect(preview.getByTestId("check-skipped")).toHaveText("workspace_fact_checks_data.csv, line 3: “javascript:alert(1)” is not a web address (http or https).");
  const { violations } = await new AxeBuilder({ page: admin }).analyze();
  expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  // The first version: explainers share the fact-checks' file.
  await input.setInputFiles({ name: "check-export-v1.zip", mimeType: "application/zip", buffer: exportOf("v1") });
  await expect(preview.getByTestId("check-counts")).toHaveText("3 members, 2 fact-checks, 1 explainer, 3 items; 3 rows cannot be read.");
  await expect(preview.getByRole("heading", { name: "Workspace “Health Desk”" })).toBeVisible();
});
