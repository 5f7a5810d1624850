import { describe, expect, it } from "vitest";
import type { ArticleStatus } from "@/lib/workflow";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { auditCounts, createTestArticle, createTestClaim, proposeTestVerdict, rejection } from "@/testing/fixtures";
import { getArticleByIdOrThrow } from "./articles";
import { listAuditEvents, recordAudit } from "./audit";
import { updateClaim } from "./claims";
import { publishArticle } from "./publications";
import { reviewVerdict } from "./reviews";

describe.each(testDialects())("audit trail and article status on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  it("audits every state change of a full fact-check and derives the article status at each step", async () => {
    const { reviewer, editor, editor2 } = ctx.users;
    const statuses: ArticleStatus[] = [];
    const step = async () => statuses.push((await getArticleByIdOrThrow({ id: article.id })).status);

    const article = await createTestArticle(reviewer.id, { title: "Full flow" });
    await step(); // draft
    const zinc = await createTestClaim(article, "zinc cures the flu within a day", reviewer.id);
    await step(); // in_review
    const vitamin = await createTestClaim(article, "vitamin D every day prevents 90% of colds", reviewer.id);
    const study = await createTestClaim(article, "the study was funded by a supplement maker", reviewer.id);
    const zv1 = await proposeTestVerdict(zinc.id, ctx.rating("Inaccurate").id, reviewer.id);
    await step(); // in_review: two claims still open
    const vv1 = await proposeTestVerdict(vitamin.id, ctx.rating("Misleading").id, reviewer.id);
    const excluded = await updateClaim({ id: study.id, version: study.version, excluded: { reason: "About the source, not a claim" }, userId: reviewer.id });
    await step(); // awaiting_approval
    await reviewVerdict({ verdictId: zv1.id, decision: "approved", comment: "", editorId: editor.id });
    await step(); // awaiting_approval: one approved, one proposed
    await reviewVerdict({ verdictId: vv1.id, decision: "changes_requested", comment: "Which trial?", editorId: editor.id });
    await step(); // in_review
    const vv2 = await proposeTestVerdict(vitamin.id, ctx.rating("Inaccurate").id, reviewer.id);
    await step(); // awaiting_approval
    await reviewVerdict({ verdictId: vv2.id, decision: "approved", comment: "Good.", editorId: editor2.id });
    await step(); // approved
    await publishArticle({ articleId: article.id, summary: "Neither claim holds up.", editorId: editor.id });
    await step(); // published
    await proposeTestVerdict(zinc.id, ctx.rating("Unsupported").id, reviewer.id, "Re-checked.", "We re-rated this claim after publication.");
    await step(); // still published: later changes become corrections

    expect(statuses).toEqual([
      "draft",
      "in_review",
      "in_review",
      "awaiting_approval",
      "awaiting_approval",
      "in_review",
      "awaiting_approval",
      "approved",
      "published",
      "published",
    ]);

    expect(await auditCounts({ entityType: "article", entityId: article.id })).toEqual({
      "article.create": 1,
      // draft→in_review, in_review→awaiting_approval, →in_review, →awaiting_approval, →approved, →published
      "article.status": 6,
      "article.publish": 1,
    });
    expect(await auditCounts({ entityType: "claim", entityId: zinc.id })).toEqual({ "claim.create": 1, "verdict.propose": 2, "verdict.approve": 1 });
    expect(await auditCounts({ entityType: "claim", entityId: vitamin.id })).toEqual({
      "claim.create": 1,
      "verdict.propose": 2,
      "verdict.request_changes": 1,
      "verdict.approve": 1,
    });
    expect(await auditCounts({ entityType: "claim", entityId: excluded.id })).toEqual({ "claim.create": 1, "claim.exclude": 1 });

    // Each event names its actor and carries the change.
    const events = await listAuditEvents({ entityType: "claim", entityId: vitamin.id });
    const requested = events.find((e) => e.action === "verdict.request_changes")!;
    expect(requested).toMatchObject({ actorId: editor.id, entityType: "claim", entityId: vitamin.id, before: { status: "verdict_proposed" } });
    expect(requested.after).toMatchObject({ status: "changes_requested", verdictId: vv1.id, comment: "Which trial?" });
    const statusEvents = (await listAuditEvents({ entityType: "article", entityId: article.id })).filter((e) => e.action === "article.status");
    expect(statusEvents.map((e) => (e.after as { status: string }).status).sort()).toEqual(
      ["approved", "awaiting_approval", "awaiting_approval", "in_review", "in_review", "published"].sort(),
    );
  });

  it("writes no audit event for a refused change (same transaction)", async () => {
    const { reviewer, editor } = ctx.users;
    const article = await createTestArticle(reviewer.id);
    const claim = await createTestClaim(article, "zinc cures the flu within a day", reviewer.id);
    const before = await listAuditEvents({ limit: 10_000 });
    await rejection(() => updateClaim({ id: claim.id, version: claim.version + 7, statement: "stale", userId: editor.id }));
    await rejection(() => publishArticle({ articleId: article.id, summary: "s", editorId: editor.id }));
    const verdict = await proposeTestVerdict(claim.id, ctx.rating("Inaccurate").id, editor.id);
    const afterPropose = await listAuditEvents({ limit: 10_000 });
    expect(afterPropose.length - before.length).toBe(2); // verdict.propose + article.status (in_review → awaiting_approval)
    await rejection(() => reviewVerdict({ verdictId: verdict.id, decision: "approved", comment: "", editorId: editor.id }));
    expect((await listAuditEvents({ limit: 10_000 })).length).toBe(afterPropose.length);
  });

  it("records events with JSON before/after and filters by entity, newest first", async () => {
    const { admin } = ctx.users;
    const at = Date.now();
    await ctx.database.transaction((tx) =>
      recordAudit(tx, { actorId: admin.id, action: "test.first", entityType: "widget", entityId: "w1", before: null, after: { n: 1, tags: ["a", "ü"] } }),
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    await ctx.database.transaction((tx) => recordAudit(tx, { actorId: null, action: "test.second", entityType: "widget", entityId: "w1", after: { n: 2 } }));
    await ctx.database.transaction((tx) => recordAudit(tx, { actorId: null, action: "test.other", entityType: "widget", entityId: "w2" }));

    const events = await listAuditEvents({ entityType: "widget", entityId: "w1" });
    expect(events.map((e) => e.action)).toEqual(["test.second", "test.first"]);
    expect(events[1]).toMatchObject({ actorId: admin.id, before: null, after: { n: 1, tags: ["a", "ü"] } });
    expect(events[1]!.createdAt.getTime()).toBeGreaterThanOrEqual(at - 1);
    expect(events[0]).toMatchObject({ actorId: null, before: null, after: { n: 2 } });
    expect((await listAuditEvents({ entityType: "widget" })).map((e) => e.entityId).sort()).toEqual(["w1", "w1", "w2"]);
    expect(await listAuditEvents({ entityType: "widget", limit: 1 })).toHaveLength(1);
  });
});
