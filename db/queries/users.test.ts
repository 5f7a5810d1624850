import { describe, expect, it } from "vitest";
import { auditCounts, rejection } from "@/testing/fixtures";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { listAuditEvents } from "./audit";
import { countUsers, createUser, endSessionsIfCurrent, endUserSessions, getUserById, getUserByOidcSubject, getUserCredentialsByEmail, linkOidcSubject, listUsers, setUserPassword, updateUser } from "./users";

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

  it("ends a user's sessions when an admin signs them out everywhere, and audits it", async () => {
    const user = await createUser({ email: "everywhere@example.test", name: "Everywhere", role: "reviewer", passwordHash: null, actorId: ctx.users.admin.id });
    expect(user.sessionVersion).toBe(0);
    const ended = await endUserSessions({ id: user.id, actorId: ctx.users.admin.id });
    expect(ended).toMatchObject({ sessionVersion: 1, version: 1, role: "reviewer", active: true });
    await endUserSessions({ id: user.id, actorId: ctx.users.admin.id });
    expect((await getUserById({ id: user.id }))!.sessionVersion).toBe(2);
    expect(await auditCounts({ entityType: "user", entityId: user.id })).toEqual({ "user.create": 1, "user.sign_out_everywhere": 2 });
    const missing = await rejection(() => endUserSessions({ id: "no-such-user", actorId: ctx.users.admin.id }));
    expect(missing.code).toBe("not_found:user");
  });

  it("sets a password an admin gives, ending sessions, with the version checked and no hash in the audit", async () => {
    const { admin } = ctx.users;
    const user = await createUser({ email: "imported@example.test", name: "Imported Member", role: "reviewer", passwordHash: null, actorId: admin.id });
    const after = await setUserPassword({ id: user.id, version: user.version, passwordHash: "scrypt$imported-hash", actorId: admin.id });
    expect(after).toMatchObject({ version: user.version + 1, sessionVersion: user.sessionVersion + 1 });
    expect(after).not.toHaveProperty("passwordHash");
    expect((await getUserCredentialsByEmail({ email: "imported@example.test" }))!.passwordHash).toBe("scrypt$imported-hash");
    expect((await rejection(() => setUserPassword({ id: user.id, version: user.version, passwordHash: "scrypt$other", actorId: admin.id }))).code).toMatch(/^conflict/);
    const events = (await listAuditEvents({ entityType: "user", entityId: user.id })).filter((e) => e.action === "user.password_set");
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain("scrypt$imported-hash");
  });

  it("signing out ends the sessions only when the token's session version is still current", async () => {
    const user = await createUser({ email: "signout@example.test", name: "Sign Out", role: "reviewer", passwordHash: null, actorId: ctx.users.admin.id });
    expect(await endSessionsIfCurrent({ id: user.id, sessionVersion: 0 })).toBe(true);
    expect((await getUserById({ id: user.id }))!.sessionVersion).toBe(1);
    // A copy of the old token, already revoked, cannot sign its owner out again.
    expect(await endSessionsIfCurrent({ id: user.id, sessionVersion: 0 })).toBe(false);
    expect((await getUserById({ id: user.id }))!.sessionVersion).toBe(1);
    expect(await endSessionsIfCurrent({ id: "no-such-user", sessionVersion: 0 })).toBe(false);
  });

  it("a role change, a deactivation and a reactivation end the user's sessions; a rename or the same role does not", async () => {
    const admin = ctx.users.admin.id;
    const user = await createUser({ email: "changes@example.test", name: "Changes", role: "reviewer", passwordHash: null, actorId: admin });
    const renamed = await updateUser({ id: user.id, version: 1, name: "Renamed", role: "reviewer", actorId: admin });
    expect(renamed).toMatchObject({ version: 2, sessionVersion: 0 });
    const promoted = await updateUser({ id: user.id, version: 2, role: "editor", actorId: admin });
    expect(promoted).toMatchObject({ version: 3, sessionVersion: 1 });
    const deactivated = await updateUser({ id: user.id, version: 3, active: false, actorId: admin });
    expect(deactivated).toMatchObject({ version: 4, sessionVersion: 2 });
    const reactivated = await updateUser({ id: user.id, version: 4, active: true, actorId: admin });
    expect(reactivated).toMatchObject({ version: 5, sessionVersion: 3, active: true });
  });

  it("links a user to one provider subject per issuer, and finds them by it alone", async () => {
    const issuer = "https://idp.example.test";
    const { reviewer, editor } = ctx.users;
    expect(await getUserByOidcSubject({ issuer, subject: "sub-1" })).toBeNull();
    expect(await linkOidcSubject({ id: reviewer.id, issuer, subject: "sub-1" })).toBe("linked");
    expect(await linkOidcSubject({ id: reviewer.id, issuer, subject: "sub-1" })).toBe("linked");
    expect((await getUserByOidcSubject({ issuer, subject: "sub-1" }))?.id).toBe(reviewer.id);
    // Another provider account that now has the reviewer's address does not take the link over.
    expect(await linkOidcSubject({ id: reviewer.id, issuer, subject: "sub-2" })).toBe("linked_elsewhere");
    expect(await getUserByOidcSubject({ issuer, subject: "sub-2" })).toBeNull();
    // The same subject at another issuer is another account.
    expect(await getUserByOidcSubject({ issuer: "https://other.example.test", subject: "sub-1" })).toBeNull();
    // One subject belongs to one user.
    expect((await rejection(() => linkOidcSubject({ id: editor.id, issuer, subject: "sub-1" }))).code).toBe("conflict:user");
    expect((await getUserByOidcSubject({ issuer, subject: "sub-1" }))?.id).toBe(reviewer.id);
    expect(await auditCounts({ entityType: "user", entityId: editor.id })).not.toHaveProperty("user.link_sso");
    expect(await auditCounts({ entityType: "user", entityId: reviewer.id })).toMatchObject({ "user.link_sso": 1 });
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
