import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { auditCounts, createTestArticle, createTestClaim, proposeTestVerdict, rejection, testCitation } from "@/testing/fixtures";
import { getArticleByIdOrThrow } from "./articles";
import { getClaimByIdOrThrow, updateClaim } from "./claims";
import { reviewVerdict } from "./reviews";
import { getVerdictsWithCitations, proposeVerdict } from "./verdicts";

const ZINC = "zinc cures the flu within a day";

describe.each(testDialects())("verdicts on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  async function verdictRows(claimId: string) {
    const { db, t } = ctx.database;
    return db.select().from(t.verdicts).where(eq(t.verdicts.claimId, claimId));
  }

  it("proposes revision 1 with its citations in order and moves claim and article", async () => {
    const { reviewer } = ctx.users;
    const article = await createTestArticle(reviewer.id);
    const claim = await createTestClaim(article, ZINC, reviewer.id);
    const citations = [testCitation({ title: "First", stance: "refutes" }), testCitation({ title: "Second", stance: "context", kind: "agency", archiveUrl: "https://archive.test/x", quote: null })];
    const verdict = await proposeVerdict({ claimId: claim.id, claimVersion: claim.version, ratingId: ctx.rating("Inaccurate").id, rationale: "  No trial shows this.  ", citations, userId: reviewer.id });
    expect(verdict).toMatchObject({ claimId: claim.id, revision: 1, ratingId: ctx.rating("Inaccurate").id, rationale: "No trial shows this.", authorId: reviewer.id });

    const loaded = (await getVerdictsWithCitations({ ids: [verdict.id] })).get(verdict.id)!;
    expect(loaded.citations.map((c) => [c.position, c.title, c.stance, c.kind, c.quote, c.archiveUrl])).toEqual([
      [0, "First", "refutes", "study", "No effect on the incidence of colds was found.", null],
      [1, "Second", "context", "agency", null, "https://archive.test/x"],
    ]);
    expect(await getClaimByIdOrThrow({ id: claim.id })).toMatchObject({ status: "verdict_proposed", currentVerdictId: verdict.id, version: claim.version + 1 });
    expect((await getArticleByIdOrThrow({ id: article.id })).status).toBe("awaiting_approval");
    expect(await auditCounts({ entityType: "claim", entityId: claim.id })).toEqual({ "claim.create": 1, "verdict.propose": 1 });
  });

  it("requires at least one citation, writing nothing", async () => {
    const { reviewer } = ctx.users;
    const article = await createTestArticle(reviewer.id);
    const claim = await createTestClaim(article, ZINC, reviewer.id);
    const error = await rejection(() =>
      proposeVerdict({ claimId: claim.id, claimVersion: claim.version, ratingId: ctx.rating("Inaccurate").id, rationale: "r", citations: [], userId: reviewer.id }),
    );
    expect(error.code).toBe("invalid:verdict");
    expect((error as { fieldErrors?: Record<string, string[]> }).fieldErrors).toHaveProperty("citations");
    expect(await verdictRows(claim.id)).toEqual([]);
    expect(await getClaimByIdOrThrow({ id: claim.id })).toMatchObject({ status: "open", currentVerdictId: null, version: claim.version });
  });

  it("requires a rating from the scale", async () => {
    const { reviewer } = ctx.users;
    const article = await createTestArticle(reviewer.id);
    const claim = await createTestClaim(article, ZINC, reviewer.id);
    const error = await rejection(() =>
      proposeVerdict({ claimId: claim.id, claimVersion: claim.version, ratingId: "no-such-rating", rationale: "r", citations: [testCitation()], userId: reviewer.id }),
    );
    expect(error.code).toBe("invalid:verdict");
    expect((error as { fieldErrors?: Record<string, string[]> }).fieldErrors).toHaveProperty("ratingId");
    expect(await verdictRows(claim.id)).toEqual([]);
  });

  it("refuses a stale claim version and rolls back the verdict and its citations", async () => {
    const { reviewer, editor } = ctx.users;
    const article = await createTestArticle(reviewer.id);
    const claim = await createTestClaim(article, ZINC, reviewer.id);
    await updateClaim({ id: claim.id, version: claim.version, statement: "Edited meanwhile", userId: editor.id });
    const error = await rejection(() =>
      proposeVerdict({ claimId: claim.id, claimVersion: claim.version, ratingId: ctx.rating("Inaccurate").id, rationale: "r", citations: [testCitation()], userId: reviewer.id }),
    );
    expect(error.code).toBe("conflict:claim");
    expect(await verdictRows(claim.id)).toEqual([]);
    const { db, t } = ctx.database;
    const orphans = await db.select().from(t.citations).leftJoin(t.verdicts, eq(t.verdicts.id, t.citations.verdictId));
    expect(orphans.filter((r) => r.verdicts === null)).toEqual([]);
    expect(await getClaimByIdOrThrow({ id: claim.id })).toMatchObject({ status: "open", statement: "Edited meanwhile" });
    expect(await auditCounts({ entityType: "claim", entityId: claim.id })).toEqual({ "claim.create": 1, "claim.update": 1 });
  });

  it("refuses a verdict on an excluded claim", async () => {
    const { reviewer } = ctx.users;
    const article = await createTestArticle(reviewer.id);
    const claim = await createTestClaim(article, ZINC, reviewer.id);
    const excluded = await updateClaim({ id: claim.id, version: claim.version, excluded: { reason: "Opinion" }, userId: reviewer.id });
    const error = await rejection(() =>
      proposeVerdict({ claimId: claim.id, claimVersion: excluded.version, ratingId: ctx.rating("Inaccurate").id, rationale: "r", citations: [testCitation()], userId: reviewer.id }),
    );
    expect(error.code).toBe("invalid:verdict");
    expect(await verdictRows(claim.id)).toEqual([]);
  });

  it("numbers revisions 1, 2, 3 through changes requested, approval and a later edit", async () => {
    const { reviewer, editor } = ctx.users;
    const article = await createTestArticle(reviewer.id);
    const claim = await createTestClaim(article, ZINC, reviewer.id);
    const statusOf = async () => (await getClaimByIdOrThrow({ id: claim.id })).status;
    const articleStatus = async () => (await getArticleByIdOrThrow({ id: article.id })).status;
    expect(await statusOf()).toBe("open");

    const v1 = await proposeTestVerdict(claim.id, ctx.rating("Misleading").id, reviewer.id);
    expect([v1.revision, await statusOf(), await articleStatus()]).toEqual([1, "verdict_proposed", "awaiting_approval"]);

    await reviewVerdict({ verdictId: v1.id, decision: "changes_requested", comment: "Cite the meta-analysis.", editorId: editor.id });
    expect([await statusOf(), await articleStatus()]).toEqual(["changes_requested", "in_review"]);

    const v2 = await proposeTestVerdict(claim.id, ctx.rating("Inaccurate").id, reviewer.id);
    expect([v2.revision, await statusOf(), await articleStatus()]).toEqual([2, "verdict_proposed", "awaiting_approval"]);

    await reviewVerdict({ verdictId: v2.id, decision: "approved", comment: "", editorId: editor.id });
    expect([await statusOf(), await articleStatus()]).toEqual(["approved", "approved"]);

    // Editing an approved verdict makes a new revision that needs approval again.
    const v3 = await proposeTestVerdict(claim.id, ctx.rating("Unsupported").id, reviewer.id);
    expect([v3.revision, await statusOf(), await articleStatus()]).toEqual([3, "verdict_proposed", "awaiting_approval"]);
    expect((await getClaimByIdOrThrow({ id: claim.id })).currentVerdictId).toBe(v3.id);

    const { db, t } = ctx.database;
    const revisions = await db.select().from(t.verdicts).where(eq(t.verdicts.claimId, claim.id)).orderBy(desc(t.verdicts.revision));
    expect(revisions.map((v) => [v.revision, v.ratingId])).toEqual([
      [3, ctx.rating("Unsupported").id],
      [2, ctx.rating("Inaccurate").id],
      [1, ctx.rating("Misleading").id],
    ]);
    expect(await auditCounts({ entityType: "claim", entityId: claim.id })).toEqual({
      "claim.create": 1,
      "verdict.propose": 3,
      "verdict.request_changes": 1,
      "verdict.approve": 1,
    });
  });

  it("loads several verdicts with their own citations only", async () => {
    const { reviewer } = ctx.users;
    const article = await createTestArticle(reviewer.id);
    const a = await createTestClaim(article, ZINC, reviewer.id);
    const b = await createTestClaim(article, "vitamin D every day prevents 90% of colds", reviewer.id);
    const va = await proposeTestVerdict(a.id, ctx.rating("Inaccurate").id, reviewer.id);
    const vb = await proposeVerdict({
      claimId: b.id,
      claimVersion: (await getClaimByIdOrThrow({ id: b.id })).version,
      ratingId: ctx.rating("Lacks context").id,
      rationale: "r",
      citations: [testCitation({ url: "https://b.test/1" }), testCitation({ url: "https://b.test/2" }), testCitation({ url: "https://b.test/3" })],
      userId: reviewer.id,
    });
    const map = await getVerdictsWithCitations({ ids: [va.id, vb.id] });
    expect(map.get(va.id)!.citations).toHaveLength(1);
    expect(map.get(vb.id)!.citations.map((c) => c.url)).toEqual(["https://b.test/1", "https://b.test/2", "https://b.test/3"]);
    expect((await getVerdictsWithCitations({ ids: [] })).size).toBe(0);
  });
});
