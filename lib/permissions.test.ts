/**
 * Properties the permission table must keep, whatever its rows say. Which role
 * holds which permission is checked against DESIGN.md's table itself in
 * permissions-design.test.ts; this file does not restate the table.
 */
import { describe, expect, it } from "vitest";
import { can, minimumRole, PERMISSIONS, ROLES, type Permission, type Role } from "./permissions";

type Actor = Role | "anonymous";
const ACTORS: Actor[] = ["anonymous", ...ROLES];
const ALL = Object.keys(PERMISSIONS) as Permission[];
const holders = (permission: Permission) => ACTORS.filter((a) => can(a, permission));
const allowed = (actor: Actor) => ALL.filter((p) => can(actor, p));

describe("can()", () => {
  it("never lets an anonymous visitor past the public pages", () => {
    expect(allowed("anonymous")).toEqual(["read:published"]);
  });

  it.each(ALL.filter((p) => p !== "read:published"))("%s is desk work: admins hold it, and only people who can read the desk do", (permission) => {
    expect(can("admin", permission)).toBe(true);
    for (const actor of holders(permission)) expect(can(actor, "read:desk"), `${actor} holds ${permission}`).toBe(true);
  });

  it("lets everyone read the published pages", () => {
    expect(holders("read:published")).toEqual(ACTORS);
  });

  it("gives each role everything the role below it has (admin ⊇ editor ⊇ reviewer)", () => {
    for (const p of ALL) {
      for (let i = 1; i < ROLES.length; i++) {
        if (can(ROLES[i - 1]!, p)) expect(can(ROLES[i]!, p), `${ROLES[i]} ${p}`).toBe(true);
      }
    }
  });

  it("gives each role something the role below it lacks (no role is a synonym)", () => {
    for (let i = 1; i < ACTORS.length; i++) expect(allowed(ACTORS[i]!).length, `${ACTORS[i]} over ${ACTORS[i - 1]}`).toBeGreaterThan(allowed(ACTORS[i - 1]!).length);
  });

  it("lets reviewers do the work that gets reviewed, and keeps the decision from them (a review is an editor's decision)", () => {
    expect(can("reviewer", "read:desk")).toBe(true);
    expect(can("reviewer", "write:desk")).toBe(true);
    expect(can("reviewer", "review:verdict")).toBe(false);
    expect(can("reviewer", "publish:article")).toBe(false);
  });

  it("lets whoever approves also propose (a correction is a new revision an editor writes, approved by another editor)", () => {
    expect(holders("review:verdict").length).toBeGreaterThan(0);
    for (const actor of holders("review:verdict")) expect(can(actor, "write:desk"), actor).toBe(true);
  });

  it("keeps managing users and roles to the top role alone (whoever holds it can make anyone anything)", () => {
    expect(holders("manage:organisation")).toEqual([ROLES.at(-1)]);
  });

  it("refuses unknown roles", () => {
    expect(can("superuser" as Role, "read:desk")).toBe(false);
    expect(ALL.some((p) => can("superuser" as Role, p))).toBe(false);
  });
});

describe("minimumRole()", () => {
  it.each(ALL)("%s: names a role that holds it, with no lower role that does", (permission) => {
    const role = minimumRole(permission);
    expect(ROLES).toContain(role);
    expect(can(role, permission)).toBe(true);
    for (const lower of ROLES.slice(0, ROLES.indexOf(role))) expect(can(lower, permission), `${lower} holds ${permission}`).toBe(false);
  });
});
