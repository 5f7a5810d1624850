import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { checkExportZip } from "@/testing/check-export-zip";
import { readCheckExport } from "./check-export";
import { checkTime } from "./check-rows";

const zipOf = checkExportZip;

describe("Check export", () => {
  it("reads the first version: members, fact-checks with explainers in one file, items, and what it cannot read", () => {
    const read = readCheckExport(zipOf("v1"));
    expect(read.workspace).toEqual({ name: "Health Desk", url: "https://checkmedia.example/health-desk" });
    expect(read.users.map((u) => [u.name, u.email, u.role])).toEqual([
      ["Ana Admin", "ana@desk.example", "admin"],
      ["Eli Editor", "eli@desk.example", "editor"],
      ['Colin "Col" Collab', "colin@desk.example", "collaborator"],
    ]);
    expect(read.factChecks.map((f) => [f.checkId, f.title, f.status])).toEqual([
      ["101", "Kratom does not cure opioid withdrawal", "published"],
      ["103", "Vitamin C and colds", "published"],
    ]);
    expect(read.factChecks[0]!.summary).toBe('No trial shows it; agencies warn of dependence, and of "withdrawal" from kratom itself.');
    expect(read.explainers).toEqual([{ checkId: "201", title: "What is kratom?", description: "A tree of South-East Asia whose leaves hold mitragynine.", url: "https://checkmedia.example/health-desk/ex/201", language: "en" }]);
    expect(read.items).toHaveLength(3);
    expect(read.items[0]).toEqual({
      checkId: null,
      title: "Kratom cures withdrawal",
      description: "Forwarded on a tipline",
      createdAt: "2024-03-05T14:02:11.000Z",
      tags: ["kratom", "opioids", "withdrawal"],
      status: "false",
      source: "Tipline",
      mediaType: "Claim",
      mediaData: "Kratom cures opioid withdrawal in three days.",
    });
    expect(read.statuses).toEqual([
      { status: "false", items: 1 },
      { status: "in_progress", items: 1 },
      { status: "verified", items: 1 },
    ]);
    expect(read.skipped).toEqual([
      { file: "workspace_articles_data.csv", row: 3, reason: "The fact-check has no title." },
      { file: "workspace_item_data.csv", row: 5, reason: "The creation date “yesterday” is not a date." },
      { file: "workspace_user_data.csv", row: 5, reason: "The member has no email address." },
    ]);
    expect(read.files.every((f) => f.problem === null && f.unknownColumns.length === 0)).toBe(true);
  });

  it("reads a later version: separate files, an ID on items, reordered and extra columns, statuses in another language", () => {
    const read = readCheckExport(zipOf("v2"));
    expect(read.users.map((u) => [u.email, u.role])).toEqual([
      ["rita@verifica.example", "collaborator"],
      ["paulo@verifica.example", "editor"],
    ]);
    expect(read.factChecks.map((f) => [f.checkId, f.title, f.language])).toEqual([["501", "Café não desidrata", "pt"]]);
    expect(read.explainers.map((e) => e.title)).toEqual(["O que é o kratom?"]);
    expect(read.items.map((i) => [i.checkId, i.status, i.mediaType])).toEqual([
      ["9001", "Falso", "Claim"],
      ["9002", "Enganoso", "Claim"],
      ["9003", "Em andamento", "UploadedVideo"],
    ]);
    expect(read.statuses.map((s) => s.status)).toEqual(["Em andamento", "Enganoso", "Falso"]);
    expect(read.skipped).toEqual([{ file: "workspace_fact_checks_data.csv", row: 3, reason: "“javascript:alert(1)” is not a web address (http or https)." }]);
    const columns = Object.fromEntries(read.files.map((f) => [f.name, f.unknownColumns]));
    expect(columns).toMatchObject({ "workspace_user_data.csv": ["Two-factor?"], "workspace_fact_checks_data.csv": ["Rating"], "workspace_item_data.csv": ["Report URL"] });
    expect(read.files.find((f) => f.name === "README.txt")).toMatchObject({ kind: null, problem: null });
  });

  it("finds a renamed file by its header, reports a file it cannot read, and refuses what is no export", () => {
    const read = readCheckExport(zipOf("v2", { "items (1).csv": "Status,Media type,Media data\nFalso,Claim,Limão cura gripe.\n", "notes.csv": "a,b\n1,2\n", "broken.csv": 'Email,Role\n"unterminated,admin\n' }));
    expect(read.items.map((i) => i.mediaData)).toContain("Limão cura gripe.");
    expect(read.files.find((f) => f.name === "notes.csv")!.problem).toBe("Factdesk does not know this file; it was left out.");
    expect(read.files.find((f) => f.name === "broken.csv")!.problem).toMatch(/^It is not valid CSV/);
    expect(() => readCheckExport(new Uint8Array([1, 2, 3]))).toThrow("not a ZIP archive");
    expect(() => readCheckExport(zipSync({ "photo.jpg": new Uint8Array([1]) }))).toThrow("No Check export files were found");
  });

  it("reads Ruby's time format and nothing else as a date", () => {
    expect(checkTime("2024-03-05 14:02:11 UTC")).toBe("2024-03-05T14:02:11.000Z");
    expect(checkTime("2024-03-05 14:02:11 +0200")).toBe("2024-03-05T12:02:11.000Z");
    expect(checkTime("")).toBeNull();
    expect(checkTime("05/03/2024")).toBeUndefined();
  });
});
