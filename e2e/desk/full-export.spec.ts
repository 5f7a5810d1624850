/**
 * Full export: an admin downloads the whole organisation from Settings as one ZIP of CSV files with a README
 * of the columns and a manifest; no password hash is in it. (The round trip into an empty Factdesk is tested in
 * db/backup/csv-export.test.ts; who may download, in the authorization matrix.)
 */
import fs from "node:fs";
import { unzipSync, strFromU8 } from "fflate";
import { expect, test } from "../fixtures/test";

test("an admin downloads the organisation as a ZIP of documented CSV files, without password hashes", async ({ pageAs }) => {
  const admin = await pageAs("admin");
  await admin.goto("/admin/settings");
  const [download] = await Promise.all([admin.waitForEvent("download"), admin.getByRole("link", { name: "Download the export" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^factdesk-export-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(fs.readFileSync(await download.path())));
  expect(Object.keys(files)).toEqual(expect.arrayContaining(["README.md", "manifest.json", "articles.csv", "claims.csv", "verdicts.csv", "citations.csv", "audit_events.csv", "users.csv"]));
  const users = strFromU8(files["users.csv"]!);
  expect(users.split("\r\n")[0]).not.toContain("password");
  expect(users).toContain("admin@factdesk.test");
  // Passwords are stored as scrypt hashes: none may leave in any file.
  for (const [name, bytes] of Object.entries(files)) expect(strFromU8(bytes), name).not.toMatch(/scrypt\$/);
  expect(strFromU8(files["README.md"]!)).toContain("claims.csv");
  const manifest = JSON.parse(strFromU8(files["manifest.json"]!)) as { tables: { name: string; rows: number }[] };
  expect(manifest.tables.find((t) => t.name === "claims")?.rows).toBeGreaterThan(0);
});
