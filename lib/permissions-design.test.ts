/**
 * DESIGN.md's permission table against PERMISSIONS: a tick added or removed
 * on either side fails here. The design lives outside this repository (the
 * team's shared folder, `../shared/DESIGN.md`), so its table is also kept in
 * fixtures/design/permissions.md. PERMISSIONS is always checked against that
 * committed copy, so CI (which has only the repository) checks it too; where
 * the shared document is present, the copy must also equal its table.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLES, type Permission, type Role } from "./permissions";

type Actor = Role | "anonymous";

/** The one mark DESIGN.md's table uses for "may"; "may not" is an empty cell. */
const TICK = "✓";

/** The rows of the markdown table under the "Permissions" heading: action text and one tick per column. */
export function parsePermissionTable(markdown: string): { columns: string[]; rows: { action: string; ticks: boolean[] }[] } {
  const lines = markdown.split("\n");
  const heading = lines.findIndex((l) => /^#+\s+Permissions\b/i.test(l));
  if (heading < 0) throw new Error("no Permissions heading");
  const table = lines.slice(heading + 1).filter((l, i, all) => l.trim().startsWith("|") && all.slice(0, i).every((p) => p.trim().startsWith("|") || p.trim() === ""));
  const cells = (l: string) => l.trim().replace(/^\||\|$/g, "").split("|").map((c) => c.trim());
  const [header, , ...body] = table;
  if (!header) throw new Error("the Permissions section has no table");
  const columns = cells(header).slice(1).map((c) => c.toLowerCase());
  const rows = body.map((line) => {
    const [action, ...marks] = cells(line);
    if (marks.length !== columns.length) throw new Error(`row "${action}" has ${marks.length} cells for ${columns.length} columns`);
    const ticks = marks.map((mark) => {
      if (mark === TICK) return true;
      if (mark === "") return false;
      throw new Error(`row "${action}": "${mark}" is neither ${TICK} nor empty`);
    });
    return { action: action!, ticks };
  });
  return { columns, rows };
}

/**
 * Which permission each design row is. Matched on words in the row's text, so
 * rewording a row keeps working as long as its subject stays; a row that
 * matches nothing (or two) fails the test.
 */
const ROW_SUBJECTS: [Permission, RegExp][] = [
  ["read:published", /\bpublished\b.*\b(pages|feeds|api)\b/i],
  ["read:desk", /\bread\b.*\bdrafts\b/i],
  ["write:desk", /\b(import|create\/edit claims|propose)\b/i],
  ["review:verdict", /\bapprove\b/i],
  ["publish:article", /\bpublish\b.*\bunpublish\b/i],
  ["manage:organisation", /\busers\b.*\broles\b/i],
];

/**
 * Permissions PERMISSIONS adds beyond the design table (desk extensions,
 * issue 5): each refines a design row, held by fewer people than that row,
 * from the role named here up.
 */
const EXTENSIONS: Partial<Record<Permission, { refines: Permission; from: Role; why: string }>> = {
  "assign:others": { refines: "write:desk", from: "editor", why: "reviewers pick up work themselves; handing work to others is an editor's call" },
  "read:audit-log": { refines: "read:desk", from: "editor", why: "the whole desk's history across articles; each article's own log is part of read:desk" },
};

const SHARED_DESIGN = process.env.DESIGN_MD || path.resolve(import.meta.dirname, "..", "..", "shared", "DESIGN.md");
const COPY = path.join(import.meta.dirname, "..", "fixtures", "design", "permissions.md");

describe("parsePermissionTable()", () => {
  const table = (row: string) => `## Permissions\n| action | anon | reviewer |\n|---|---|---|\n${row}\n\n## Next\n| not | this |`;

  it(`reads ${TICK} as a tick and an empty cell as none`, () => {
    expect(parsePermissionTable(table("| read things | | ✓ |"))).toEqual({ columns: ["anon", "reviewer"], rows: [{ action: "read things", ticks: [false, true] }] });
  });

  it.each(["x", "X", "yes", "✔", "no", "-"])(`refuses "%s": a cell holds ${TICK} or nothing`, (mark) => {
    expect(() => parsePermissionTable(table(`| read things | ${mark} | ✓ |`))).toThrow(/neither/);
  });

  it("refuses a row with a missing cell", () => {
    expect(() => parsePermissionTable(table("| read things | ✓ |"))).toThrow(/1 cells for 2 columns/);
  });
});

describe("PERMISSIONS against the committed copy of the design table (fixtures/design/permissions.md)", () => {
  const { columns, rows } = parsePermissionTable(fs.readFileSync(COPY, "utf8"));
  const actors: Actor[] = columns.map((c) => (c.startsWith("anon") ? "anonymous" : (c as Role)));

  it("has one column per role plus anonymous, and a row per design permission", () => {
    expect([...actors].sort()).toEqual(["anonymous", ...ROLES].sort());
    expect(rows).toHaveLength(ROW_SUBJECTS.length);
  });

  it.each(rows.map((r) => [r.action, r] as const))("row %s matches PERMISSIONS", (_action, row) => {
    const matches = ROW_SUBJECTS.filter(([, re]) => re.test(row.action));
    expect(matches.map(([p]) => p), `which permission is "${row.action}"?`).toHaveLength(1);
    const permission = matches[0]![0];
    expect(Object.fromEntries(actors.map((a) => [a, can(a, permission)]))).toEqual(Object.fromEntries(actors.map((a, i) => [a, row.ticks[i]])));
  });

  it("every permission is a design row or a declared extension of one", () => {
    const fromDesign = rows.map((r) => ROW_SUBJECTS.find(([, re]) => re.test(r.action))?.[0]);
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      if (!EXTENSIONS[permission]) expect(fromDesign, `${permission} is not in DESIGN.md's table`).toContain(permission);
    }
  });

  it.each(Object.entries(EXTENSIONS))("extension %s is held from its declared role up, by fewer people than the row it refines", (permission, extension) => {
    const holders = actors.filter((a) => can(a, permission as Permission));
    const from = ROLES.indexOf(extension!.from);
    expect(holders, extension!.why).toEqual(ROLES.slice(from));
    expect(rows.map((r) => ROW_SUBJECTS.find(([, re]) => re.test(r.action))?.[0]), `${extension!.refines} is a design row`).toContain(extension!.refines);
    const wider = actors.filter((a) => can(a, extension!.refines));
    expect(wider).toEqual(expect.arrayContaining(holders));
    expect(wider.length, `${permission} is narrower than ${extension!.refines}`).toBeGreaterThan(holders.length);
  });
});

describe("the committed copy against the shared DESIGN.md", () => {
  it(`equals the table in ${SHARED_DESIGN}`, (ctx) => {
    if (!process.env.DESIGN_MD) ctx.skip(!fs.existsSync(SHARED_DESIGN), `${SHARED_DESIGN} not found (the shared folder is not next to this checkout; set DESIGN_MD to point at it): only the committed copy was checked`);
    expect(parsePermissionTable(fs.readFileSync(COPY, "utf8"))).toEqual(parsePermissionTable(fs.readFileSync(SHARED_DESIGN, "utf8")));
  });
});
