import { describe, expect, it } from "vitest";
import { auditCounts, rejection } from "@/lib/testing/fixtures";
import { testDialects, useTestDatabase } from "@/lib/testing/databases";
import { listAuditEvents } from "./audit";
import { countUsers, createUser, getUserById, getUserCredentialsByEmail, listUsers, updateUser } from "./users";

describe.each(testDialects())("users on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  it("creates a user with a normalized email, without exposing the password hash", async () => {
    const user = await createUser({ email: "  New.Person@Example.TEST ", name: " New Person ", role: "reviewer", passwordHash: "hash:secret", actorId: ctx.users.admin.id });
    expect(user).toMatchObject({ email: "new.person@example.test", name: "New Person", role: "reviewer", active: true, version: 1 });
    expect(user).not.toHaveProperty("passwordHash");
    expect(user.createdAt).toBeInstanceOf(Date);
    expect(await getUserById({ id: user.id })).toEqual(user);
    expect((await getUserCredentialsByEmail({ email: "NEW.PERSON@example.test" }))?.passwordHash).toBe("hash:secret");
    expect(await auditCounts({ entityType: "user", entityId: user.id })).toEqual({ "user.create": 1 });
  });

  it("refuses a duplicate email, whatever its case, and writes nothing", async () => {
    const before = await countUsers();
    const error = await rejection(() =>
      createUser({ email: "EDITOR@example.test", name: "Impostor", role: "admin", passwordHash: null, actorId: ctx.users.admin.id }),
    );
    expect(error.code).toBe("conflict:user");
    expect(error.message).toContain("editor@example.test already exists");
    expect(await countUsers()).toBe(before);
  });

  it("refuses first-user setup once users exist", async () => {
    const error = await rejection(() =>
      createUser({ email: "second-setup@example.test", name: "Late", role: "admin", passwordHash: null, actorId: null, firstUser: true }),
    );
    expect(error.code).toBe("forbidden:setup");
    expect(await getUserCredentialsByEmail({ email: "second-setup@example.test" })).toBeNull();
  });

  it("updates role and name with the current version, bumping it", async () => {
    const user = await createUser({ email: "promote@example.test", name: "Promote Me", role: "reviewer", passwordHash: null, actorId: ctx.users.admin.id });
    const updated = await updateUser({ id: user.id, version: 1, role: "editor", name: " Promoted ", actorId: ctx.users.admin.id });
    expect(updated).toMatchObject({ role: "editor", name: "Promoted", version: 2, active: true });
    expect(await auditCounts({ entityType: "user", entityId: user.id })).toEqual({ "user.create": 1, "user.update": 1 });
  });

  it("refuses an update with a stale version and keeps the other edit", async () => {
    const user = await createUser({ email: "stale@example.test", name: "Stale", role: "reviewer", passwordHash: null, actorId: ctx.users.admin.id });
    await updateUser({ id: user.id, version: 1, role: "editor", actorId: ctx.users.admin.id });
    const error = await rejection(() => updateUser({ id: user.id, version: 1, active: false, actorId: ctx.users.admin.id }));
    expect(error.code).toBe("conflict:user");
    expect(error.message).toMatch(/changed by someone else/);
    expect(await getUserById({ id: user.id })).toMatchObject({ role: "editor", active: true, version: 2 });
    expect(await auditCounts({ entityType: "user", entityId: user.id })).toEqual({ "user.create": 1, "user.update": 1 });
  });

  it("does not let an admin deactivate or demote themself", async () => {
    const { admin } = ctx.users;
    const current = (await getUserById({ id: admin.id }))!;
    const deactivate = await rejection(() => updateUser({ id: admin.id, version: current.version, active: false, actorId: admin.id }));
    expect(deactivate.code).toBe("forbidden:user");
    const demote = await rejection(() => updateUser({ id: admin.id, version: current.version, role: "editor", actorId: admin.id }));
    expect(demote.code).toBe("forbidden:user");
    expect(await getUserById({ id: admin.id })).toMatchObject({ role: "admin", active: true, version: current.version });
  });

  it("lets an admin deactivate someone else", async () => {
    const user = await createUser({ email: "leaver@example.test", name: "Leaver", role: "editor", passwordHash: null, actorId: ctx.users.admin.id });
    const updated = await updateUser({ id: user.id, version: 1, active: false, actorId: ctx.users.admin.id });
    expect(updated.active).toBe(false);
    expect((await getUserById({ id: user.id }))!.active).toBe(false);
  });

  it("lists users by name without password hashes", async () => {
    const users = await listUsers();
    const names = users.map((u) => u.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(names).toEqual(expect.arrayContaining(["Ada Admin", "Eddie Editor", "Edna Editor", "Rae Reviewer"]));
    for (const u of users) expect(u).not.toHaveProperty("passwordHash");
  });
});

describe.each(testDialects())("first-user setup on %s", (dialect) => {
  useTestDatabase(dialect, { seed: false });

  it("creates the first user on an empty database and audits them as their own actor", async () => {
    expect(await countUsers()).toBe(0);
    const first = await createUser({ email: "founder@example.test", name: "Founder", role: "admin", passwordHash: null, actorId: null, firstUser: true });
    expect(await countUsers()).toBe(1);
    const events = await listAuditEvents({ entityType: "user", entityId: first.id });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: "user.create", actorId: first.id });
  });
});
