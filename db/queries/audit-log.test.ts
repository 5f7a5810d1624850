import { describe, expect, it } from "vitest";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { createTestArticle, createTestClaim, proposeTestVerdict, rejection } from "@/testing/fixtures";
import * as audit from "./audit";
import { listAuditActions, searchAuditEvents } from "./audit";
import { reviewVerdict } from "./reviews";

describe("the audit query layer", () => {
  it("offers appending and reading, and nothing that changes or removes events", () => {
    const functions = Object.entries(audit).filter(([, v]) => typeof v === "function").map(([k]) => k).sort();
    expect(functions).toEqual(["listAuditActions", "listAuditEvents", "recordAudit", "searchAuditEvents"]);
  });
});

describe.each(testDialects())("audit log on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  it("filters by article, user, action family and date, newest first, paginated", async () => {
    const { reviewer, editor } = ctx.users;
    const article = await createTestArticle(reviewer.id);
    const claim = await createTestClaim(article, "zinc cures the flu within a day", reviewer.id);
    const verdict = await proposeTestVerdict(claim.id, ctx.rating("Inaccurate").id, reviewer.id);
    await reviewVerdict({ verdictId: verdict.id, decision: "approved", comment: "", editorId: editor.id });
    const unrelated = await createTestArticle(editor.id);

    const all = await searchAuditEvents({ articleId: article.id });
    expect(all.events.map((e) => e.action).sort()).toEqual(["article.create", "article.status", "article.status", "article.status", "claim.create", "verdict.approve", "verdict.propose"].sort());
    expect(all.events.some((e) => e.entityId === unrelated.id)).toBe(false);
    const times = all.events.map((e) => new Date(e.createdAt).getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const byEditor = await searchAuditEvents({ articleId: article.id, actorId: editor.id });
    expect(byEditor.events.every((e) => e.actorName === "Eddie Editor")).toBe(true);
    expect(byEditor.events.map((e) => e.action)).toContain("verdict.approve");
    expect((await searchAuditEvents({ articleId: article.id, action: "verdict." })).events.map((e) => e.action).sort()).toEqual(["verdict.approve", "verdict.propose"]);
    expect((await searchAuditEvents({ articleId: article.id, action: "verdict.approve" })).total).toBe(1);
    expect((await searchAuditEvents({ articleId: article.id, from: new Date(Date.now() + 60_000) })).total).toBe(0);
    expect((await searchAuditEvents({ articleId: article.id, to: new Date(Date.now() + 60_000) })).total).toBe(7);

    const page1 = await searchAuditEvents({ pageSize: 3, page: 1 });
    const page2 = await searchAuditEvents({ pageSize: 3, page: 2 });
    expect(page1.pages).toBe(Math.ceil(page1.total / 3));
    expect(page1.events).toHaveLength(3);
    expect(page2.events.map((e) => e.id).some((id) => page1.events.some((e) => e.id === id))).toBe(false);
    expect((await searchAuditEvents({ pageSize: 3, page: 999 })).page).toBe(page1.pages);
    expect(await listAuditActions()).toEqual(expect.arrayContaining(["article.create", "verdict.approve", "user.create"]));
  });

  it("refuses UPDATE and DELETE on audit_events in the database itself", async () => {
    const { t } = ctx.database;
    const before = (await searchAuditEvents({})).total;
    expect(before).toBeGreaterThan(0);
    const text = (e: Error) => `${e.message} ${(e as { cause?: Error }).cause?.message ?? ""}`;
    const update = await rejection(() => ctx.database.transaction((tx) => tx.update(t.auditEvents).set({ action: "forged" })));
    expect(text(update)).toMatch(/append-only: UPDATE/);
    const del = await rejection(() => ctx.database.transaction((tx) => tx.delete(t.auditEvents)));
    expect(text(del)).toMatch(/append-only: DELETE/);
    expect((await searchAuditEvents({})).total).toBe(before);
    expect((await searchAuditEvents({ action: "forged" })).total).toBe(0);
  });
});
