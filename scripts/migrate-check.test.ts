/** The migrate:check command end to end: a real SQLite file, the fixture export zipped, the script run as a user would. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkExportZip } from "@/testing/check-export-zip";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-migrate-check-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = (script: string, ...args: string[]) =>
  execFileSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", script, ...args], {
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, "factdesk.db")}`, NODE_ENV: "production" },
    encoding: "utf8",
  });

describe("npm run migrate:check", () => {
  it("imports a Check export, prints the summary last, and imports nothing twice", { timeout: 60_000 }, () => {
    const zip = path.join(dir, "check-export.zip");
    fs.writeFileSync(zip, checkExportZip("v2"));
    run("scripts/seed.ts", "users");
    const first = run("scripts/migrate-check.ts", zip, "--map", "Falso=Inaccurate", "--map", "Enganoso=Misleading").trim().split("\n");
    expect(first).toEqual(expect.arrayContaining(["status “falso” → Inaccurate", "status “enganoso” → Misleading", "status “em andamento” → not a verdict"]));
    expect(first.at(-1)).toBe("imported: 1 fact-checks, 1 explainers, 3 items, 2 users; skipped: 1");
    const again = run("scripts/migrate-check.ts", zip).trim().split("\n");
    expect(again.at(-1)).toBe("imported: 0 fact-checks, 0 explainers, 0 items, 0 users; skipped: 8");
  });
});
