/**
 * DESIGN.md's permission table, read from the document itself, against
 * PERMISSIONS: a tick added or removed on either side fails here. The design
 * lives outside this repository (the team's shared folder; DESIGN_MD or
 * `shared/DESIGN.md` next to the checkout or above it), so its table is also
 * kept in fixtures/design/permissions.md: CI, which has only the repository,
 * checks that copy, and wherever the shared document is present the copy
 * must equal its table.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLES, type Permission, type Role } from "./permissions";

type Actor = Role | "anonymous";

function findDesign(): string | undefined {
  if (process.env.DESIGN_MD) return process.env.DESIGN_MD;
  for (let dir = path.resolve(import.meta.dirname, ".."); ; dir = path.dirname(dir)) {
    for (const candidate of [path.join(dir, "DESIGN.md"), path.join(dir, "shared", "DESIGN.md")]) if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The rows of the markdown table under the "Permissions" heading: action text and one tick per column. */
export function parsePermissionTable(markdown: string): { columns: string[]; rows: { action: string; ticks: boolean[] }[] } {
  const lines = markdown.split("\n");
  const heading = lines.findIndex((l) => /^#+\s+Permissions\b/i.test(l));
  if (heading < 0) throw new Error("DESIGN.md has no Permissions heading");
  const table = lines.slice(heading + 1).filter((l, i, all) => l.trim().startsWith("|") && all.slice(0, i).every((p) => p.trim().startsWith("|") || p.trim() === ""));
  const cells = (l: string) => l.trim().replace(/^\||\|$/g, "").split("|").map((c) => c.trim());
  const [header, , ...body] = table;
  if (!header) throw new Error("DESIGN.md's Permissions section has no table");
  return { columns: cells(header).slice(1).map((c) => c.toLowerCase()), rows: body.map((l) => ({ action: cells(l)[0]!, ticks: cells(l).slice(1).map((c) => /✓|✔|yes|x/i.test(c)) })) };
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
 * issue 5), each narrower than the design row it refines.
 */
const EXTENSIONS: Partial<Record<Permission, { refines: Permission }>> = {
  "assign:others": { refines: "write:desk" },
  "read:audit-log": { refines: "read:desk" },
};

const design = findDesign();
const COPY = path.join(import.meta.dirname, "..", "fixtures", "design", "permissions.md");

describe.skipIf(!design)(`the copy of the permission table (${design ?? "shared DESIGN.md not found: only the copy is checked"})`, () => {
  it("equals the table in DESIGN.md", () => {
    expect(parsePermissionTable(fs.readFileSync(COPY, "utf8"))).toEqual(parsePermissionTable(fs.readFileSync(design!, "utf8")));
  });
});

describe("DESIGN.md permission table", () => {
  const { columns, rows } = parsePermissionTable(fs.readFileSync(COPY, "utf8"));
  const actors: Actor[] = columns.map((c) => (c.startsWith("anon") ? "anonymous" : (c as Role)));

  it("has one column per role plus anonymous", () => {
    expect([...actors].sort()).toEqual(["anonymous", ...ROLES].sort());
  });

  it.each(rows.map((r) => [r.action, r] as const))("row %s matches PERMISSIONS", (_action, row) => {
    const matches = ROW_SUBJECTS.filter(([, re]) => re.test(row.action));
    expect(matches.map(([p]) => p), `which permission is "${row.action}"?`).toHaveLength(1);
    const permission = matches[0]![0];
    expect(Object.fromEntries(actors.map((a) => [a, can(a, permission)]))).toEqual(Object.fromEntries(actors.map((a, i) => [a, row.ticks[i]])));
  });

  it("every permission is a design row or a declared, narrower extension of one", () => {
    const fromDesign = rows.map((r) => ROW_SUBJECTS.find(([, re]) => re.test(r.action))?.[0]);
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      const extension = EXTENSIONS[permission];
      if (!extension) {
        expect(fromDesign, `${permission} is not in DESIGN.md's table`).toContain(permission);
        continue;
      }
      for (const actor of actors) if (can(actor, permission)) expect(can(actor, extension.refines), `${permission} gives ${actor} more than ${extension.refines}`).toBe(true);
    }
  });
});
