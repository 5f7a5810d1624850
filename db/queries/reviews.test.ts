import { desc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { auditCounts, createTestArticle, createTestClaim, proposeTestVerdict, putTestSetting, rejection } from "@/testing/fixtures";
import { listApprovalCards } from "./approval-cards";
import { listAuditEvents } from "./audit";
import { getArticleByIdOrThrow } from "./articles";
import { getClaimByIdOrThrow } from "./claims";
import { listReviewsForVerdicts, reviewVerdict } from "./reviews";

const ZINC = "zinc cures the flu within a day";

describe.each(testDialects())("reviews on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  const setQuorum = (n: number) => ctx.database.transaction((tx) => putTestSetting(tx, "approvalQuorum", String(n)));
  // Tests share one database: put the organisation default back whatever a test did.
  afterEach(() => setQuorum(1));

  async function proposedClaim(authorId: string) {
    const article = await createTestArticle(ctx.users.reviewer.id);
    const claim = await createTestClaim(article, ZINC, ctx.users.reviewer.id);
    const verdict = await proposeTestVerdict(claim.id, ctx.rating("Inaccurate").id, authorId);
    return { article, claim, verdict };
  }

  async function reviewRows(verdictId: string) {
    const { db, t } = ctx.database;
    return db.select().from(t.reviews).where(eq(t.reviews.verdictId, verdictId));
  }

  it("refuses an editor approving their own verdict (two-person rule), writing nothing", async () => {
    const { editor } = ctx.users;
    const { claim, verdict } = await proposedClaim(editor.id);
    for (const decision of ["approved", "changes_requested"] as const) {
      const error = await rejection(() => reviewVerdict({ verdictId: verdict.id, decision, comment: "Looks fine to me.", editorId: editor.id }));
      expect(error.code).toBe("forbidden:review");
      expect(error.message).toMatch(/you wrote this verdict/i);
      expect(error.message).toMatch(/two-person rule/);
    }
    expect(await reviewRows(verdict.id)).toEqual([]);
    expect((await getClaimByIdOrThrow({ id: claim.id })).status).toBe("verdict_proposed");
    expect(await auditCounts({ entityType: "claim", entityId: claim.id })).toEqual({ "claim.create": 1, "verdict.propose": 1 });
  });

  it("requires a comment when requesting changes", async () => {
    const { reviewer, editor } = ctx.users;
    const { claim, verdict } = await proposedClaim(reviewer.id);
    for (const comment of ["", "   \n "]) {
      const error = await rejection(() => reviewVerdict({ verdictId: verdict.id, decision: "changes_requested", comment, editorId: editor.id }));
      expect(error.code).toBe("invalid:review");
      expect((error as { fieldErrors?: Record<string, string[]> }).fieldErrors).toHaveProperty("comment");
    }
    expect(await reviewRows(verdict.id)).toEqual([]);

    const { review, claimStatus } = await reviewVerdict({ verdictId: verdict.id, decision: "changes_requested", comment: "  Add the 2023 review.  ", editorId: editor.id });
    expect(review).toMatchObject({ verdictId: verdict.id, editorId: editor.id, decision: "changes_requested", comment: "Add the 2023 review." });
    expect(claimStatus).toBe("changes_requested");
    expect((await getClaimByIdOrThrow({ id: claim.id })).status).toBe("changes_requested");
  });

  it("approves with the default quorum of one editor", async () => {
    const { reviewer, editor } = ctx.users;
    const { article, claim, verdict } = await proposedClaim(reviewer.id);
    const before = await getClaimByIdOrThrow({ id: claim.id });
    const { review, claimStatus } = await reviewVerdict({ verdictId: verdict.id, decision: "approved", comment: "", editorId: editor.id });
    expect(review).toMatchObject({ decision: "approved", comment: "", editorId: editor.id });
    expect(claimStatus).toBe("approved");
    expect(await getClaimByIdOrThrow({ id: claim.id })).toMatchObject({ status: "approved", version: before.version + 1 });
    expect((await getArticleByIdOrThrow({ id: article.id })).status).toBe("approved");
    const [event] = await listAuditEvents({ entityType: "claim", entityId: claim.id }).then((events) => events.filter((e) => e.action === "verdict.approve"));
    expect(event).toMatchObject({ actorId: editor.id, before: { status: "verdict_proposed" } });
    expect(event!.after).toMatchObject({ status: "approved", verdictId: verdict.id, revision: 1, approvals: 1, quorum: 1 });
  });

  it("needs two different editors when the quorum setting is 2", async () => {
    const { reviewer, editor, editor2 } = ctx.users;
    await setQuorum(2);
    const { article, claim, verdict } = await proposedClaim(reviewer.id);

    const first = await reviewVerdict({ verdictId: verdict.id, decision: "approved", comment: "One.", editorId: editor.id });
    expect(first.claimStatus).toBe("verdict_proposed");
    expect((await getClaimByIdOrThrow({ id: claim.id })).status).toBe("verdict_proposed");
    expect((await getArticleByIdOrThrow({ id: article.id })).status).toBe("awaiting_approval");

    const again = await rejection(() => reviewVerdict({ verdictId: verdict.id, decision: "approved", comment: "Twice.", editorId: editor.id }));
    expect(again.code).toBe("conflict:review");
    expect(again.message).toMatch(/already reviewed/);

    const second = await reviewVerdict({ verdictId: verdict.id, decision: "approved", comment: "Two.", editorId: editor2.id });
    expect(second.claimStatus).toBe("approved");
    expect((await getArticleByIdOrThrow({ id: article.id })).status).toBe("approved");
    expect((await reviewRows(verdict.id)).map((r) => r.editorId).sort()).toEqual([editor.id, editor2.id].sort());
    expect(await auditCounts({ entityType: "claim", entityId: claim.id })).toEqual({ "claim.create": 1, "verdict.propose": 1, "verdict.approve": 2 });
  });

  it("refuses a review of a revision that has been superseded, or is no longer awaiting approval", async () => {
    const { reviewer, editor, editor2 } = ctx.users;
    const { claim, verdict: v1 } = await proposedClaim(reviewer.id);
    const v2 = await proposeTestVerdict(claim.id, ctx.rating("Misleading").id, reviewer.id);
    const stale = await rejection(() => reviewVerdict({ verdictId: v1.id, decision: "approved", comment: "", editorId: editor.id }));
    expect(stale.code).toBe("conflict:review");
    expect(stale.message).toMatch(/revised since you opened it/);
    expect(await reviewRows(v1.id)).toEqual([]);
    expect((await getClaimByIdOrThrow({ id: claim.id })).status).toBe("verdict_proposed");

    await reviewVerdict({ verdictId: v2.id, decision: "approved", comment: "", editorId: editor.id });
    const done = await rejection(() => reviewVerdict({ verdictId: v2.id, decision: "changes_requested", comment: "Late objection", editorId: editor2.id }));
    expect(done.code).toBe("conflict:review");
    expect(done.message).toMatch(/not awaiting approval/);
    expect((await getClaimByIdOrThrow({ id: claim.id })).status).toBe("approved");
  });

  it("reports an unknown verdict as not found", async () => {
    const error = await rejection(() => reviewVerdict({ verdictId: "missing", decision: "approved", comment: "", editorId: ctx.users.editor.id }));
    expect(error.code).toBe("not_found:verdict");
  });

  it("lists the approval queue oldest first, with rating and author, and the reviews given", async () => {
    const { reviewer, editor } = ctx.users;
    const older = await proposedClaim(reviewer.id);
    // Timestamps have millisecond precision: make sure the two proposals do not tie.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const newer = await proposedClaim(editor.id);
    const queue = await listApprovalCards();
    const ids = queue.map((q) => q.claimId);
    expect(ids).toContain(older.claim.id);
    expect(ids).toContain(newer.claim.id);
    expect(ids.indexOf(older.claim.id)).toBeLessThan(ids.indexOf(newer.claim.id));
    expect(queue.find((q) => q.claimId === newer.claim.id)).toMatchObject({
      articleId: newer.article.id,
      articleTitle: "Vitamin D prevents colds",
      exact: ZINC,
      proposed: { id: newer.verdict.id, revision: 1, rating: { label: "Inaccurate" }, authorId: editor.id, authorName: "Eddie Editor" },
    });
    const proposedAt = queue.map((q) => Date.parse(q.proposed.createdAt));
    expect(proposedAt).toEqual([...proposedAt].sort((a, b) => a - b));

    const { review } = await reviewVerdict({ verdictId: older.verdict.id, decision: "approved", comment: "ok", editorId: editor.id });
    expect((await listApprovalCards()).map((q) => q.claimId)).not.toContain(older.claim.id);
    expect(await listReviewsForVerdicts({ verdictIds: [older.verdict.id, newer.verdict.id] })).toEqual([review]);
    expect(await listReviewsForVerdicts({ verdictIds: [] })).toEqual([]);
    // The newest review on record is this one.
    const { db, t } = ctx.database;
    expect(await db.select({ id: t.reviews.id }).from(t.reviews).orderBy(desc(t.reviews.createdAt)).limit(1)).toEqual([{ id: review.id }]);
  });
});
