import { describe, expect, it } from "vitest";
import { can, minimumRole, PERMISSIONS, ROLES, type Permission, type Role } from "./permissions";

type Actor = Role | "anonymous";
const ACTORS: Actor[] = ["anonymous", "reviewer", "editor", "admin"];

// DESIGN.md "Permissions", row by row: who may do it (anon, reviewer, editor, admin).
const TABLE: Record<Permission, [boolean, boolean, boolean, boolean]> = {
  "read:published": [true, true, true, true],
  "read:desk": [false, true, true, true],
  "write:desk": [false, true, true, true],
  "review:verdict": [false, false, true, true],
  "publish:article": [false, false, true, true],
  "manage:organisation": [false, false, false, true],
  "assign:others": [false, false, true, true],
  "read:audit-log": [false, false, true, true],
};

describe("can()", () => {
  it("covers exactly the permissions of the design table", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(TABLE).sort());
  });

  it.each(Object.entries(TABLE) as [Permission, boolean[]][])("%s follows the design table", (permission, row) => {
    expect(ACTORS.map((actor) => can(actor, permission))).toEqual(row);
  });

  it("never lets an anonymous visitor past the public pages", () => {
    const allowed = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can("anonymous", p));
    expect(allowed).toEqual(["read:published"]);
  });

  it("gives each role everything the role below it has (admin ⊇ editor ⊇ reviewer)", () => {
    for (const p of Object.keys(PERMISSIONS) as Permission[]) {
      for (let i = 1; i < ROLES.length; i++) {
        if (can(ROLES[i - 1]!, p)) expect(can(ROLES[i]!, p), `${ROLES[i]} ${p}`).toBe(true);
      }
    }
  });

  it("refuses unknown roles", () => {
    expect(can("superuser" as Role, "read:desk")).toBe(false);
  });
});

describe("minimumRole()", () => {
  it.each<[Permission, Role]>([
    ["read:published", "reviewer"],
    ["read:desk", "reviewer"],
    ["write:desk", "reviewer"],
    ["review:verdict", "editor"],
    ["publish:article", "editor"],
    ["manage:organisation", "admin"],
    ["assign:others", "editor"],
    ["read:audit-log", "editor"],
  ])("%s needs at least %s", (permission, role) => {
    expect(minimumRole(permission)).toBe(role);
  });
});
