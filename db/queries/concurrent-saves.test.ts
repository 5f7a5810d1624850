/**
 * Two people saving the same verdict at the same moment. The requests are
 * started together (Promise.all), so on Postgres the two transactions really
 * overlap; on SQLite the writer mutex serializes them. Either way exactly one
 * save wins, the other gets a readable AppError, and nothing is half-written.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { createTestArticle, createTestClaim, proposeTestVerdict, testCitation } from "@/testing/fixtures";
import { getClaimByIdOrThrow } from "./claims";
import { reviewVerdict } from "./reviews";
import { updateApprovalQuorum, getSettingWithVersion } from "./settings";
import { saveOrganisationPage } from "./organisation-pages";
import { proposeVerdict } from "./verdicts";

const SENTENCE = "zinc cures the flu within a day";

type Outcome = { ok: true; value: unknown } | { ok: false; code: string; message: string };

/** Settles both calls; an error that is not an AppError fails the test (the user would see "something went wrong"). */
async function race(...calls: (() => Promise<unknown>)[]): Promise<Outcome[]> {
  const settled = await Promise.allSettled(calls.map((call) => call()));
  return settled.map((s) => {
    if (s.status === "fulfilled") return { ok: true, value: s.value };
    if (!isAppError(s.reason)) throw new Error(`a concurrent save failed with a raw error: ${String(s.reason)}`, { cause: s.reason });
    return { ok: false, code: s.reason.code, message: s.reason.message };
  });
}

describe.each(testDialects())("concurrent verdict saves on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  it("two proposals against the same claim version: one revision saved, the other told to reload", async () => {
    const { reviewer, editor } = ctx.users;
    const claim = await createTestClaim(await createTestArticle(reviewer.id), SENTENCE, reviewer.id);
    const save = (userId: string, rationale: string) => () =>
      proposeVerdict({ claimId: claim.id, claimVersion: claim.version, ratingId: ctx.rating("Inaccurate").id, rationale, citations: [testCitation()], userId });
    const outcomes = await race(save(reviewer.id, "first"), save(editor.id, "second"));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    const refused = outcomes.find((o) => !o.ok) as Extract<Outcome, { ok: false }>;
    expect(refused.code).toBe("conflict:claim");
    expect(refused.message).toMatch(/changed by someone else/);

    const { db, t } = ctx.database;
    const verdicts = await db.select().from(t.verdicts).where(eq(t.verdicts.claimId, claim.id));
    expect(verdicts).toHaveLength(1);
    const citations = await db.select().from(t.citations).where(eq(t.citations.verdictId, verdicts[0]!.id));
    expect(citations).toHaveLength(1);
    expect(await getClaimByIdOrThrow({ id: claim.id })).toMatchObject({ currentVerdictId: verdicts[0]!.id, version: claim.version + 1, status: "verdict_proposed" });
  });

  it("two editors approve and send back the same verdict at once: one decision stands, the other is refused", async () => {
    const { reviewer, editor, editor2 } = ctx.users;
    const claim = await createTestClaim(await createTestArticle(reviewer.id), SENTENCE, reviewer.id);
    const verdict = await proposeTestVerdict(claim.id, ctx.rating("Inaccurate").id, reviewer.id);
    const outcomes = await race(
      () => reviewVerdict({ verdictId: verdict.id, decision: "approved", comment: "", editorId: editor.id }),
      () => reviewVerdict({ verdictId: verdict.id, decision: "changes_requested", comment: "Needs a second source.", editorId: editor2.id }),
    );
    const won = outcomes.filter((o) => o.ok) as Extract<Outcome, { ok: true }>[];
    expect(won).toHaveLength(1);
    expect((outcomes.find((o) => !o.ok) as Extract<Outcome, { ok: false }>).code).toMatch(/^conflict:/);
    const { db, t } = ctx.database;
    const reviews = await db.select().from(t.reviews).where(eq(t.reviews.verdictId, verdict.id));
    expect(reviews).toHaveLength(1);
    const after = await getClaimByIdOrThrow({ id: claim.id });
    expect(after.status).toBe((won[0]!.value as { claimStatus: string }).claimStatus);
    expect(after.version).toBe(claim.version + 2);
  });

  it("with a quorum of two, two approvals at the same moment both count and approve the claim", async () => {
    const { reviewer, editor, editor2, admin } = ctx.users;
    const { version } = await getSettingWithVersion("approvalQuorum");
    await updateApprovalQuorum({ quorum: 2, version, actorId: admin.id });
    try {
      const claim = await createTestClaim(await createTestArticle(reviewer.id), SENTENCE, reviewer.id);
      const verdict = await proposeTestVerdict(claim.id, ctx.rating("Inaccurate").id, reviewer.id);
      const approve = (editorId: string) => () => reviewVerdict({ verdictId: verdict.id, decision: "approved", comment: "", editorId });
      const outcomes = await race(approve(editor.id), approve(editor2.id));
      // Both approvals are legitimate (different editors): neither may be lost.
      expect(outcomes.every((o) => o.ok)).toBe(true);
      const after = await getClaimByIdOrThrow({ id: claim.id });
      expect(after).toMatchObject({ status: "approved", approvedVerdictId: verdict.id });
    } finally {
      const current = await getSettingWithVersion("approvalQuorum");
      await updateApprovalQuorum({ quorum: 1, version: current.version, actorId: admin.id });
    }
  });
  it("two first saves of an organisation page, and two quorum saves of one version: one wins, the other is told to reload", async () => {
    const { admin } = ctx.users;
    const page = (title: string) => () => saveOrganisationPage({ slug: "about", title, body: `${title} body`, version: 0, userId: admin.id });
    const pages = await race(page("First"), page("Second"));
    expect(pages.filter((o) => o.ok)).toHaveLength(1);
    expect(pages.find((o) => !o.ok)).toMatchObject({ code: "conflict:page" });

    const { version } = await getSettingWithVersion("approvalQuorum");
    const quorum = (value: number) => () => updateApprovalQuorum({ quorum: value, version, actorId: admin.id });
    const quorums = await race(quorum(2), quorum(3));
    expect(quorums.filter((o) => o.ok)).toHaveLength(1);
    expect(quorums.find((o) => !o.ok)).toMatchObject({ code: "conflict:setting" });
    const current = await getSettingWithVersion("approvalQuorum");
    expect(current.version).toBe(version + 1);
    await updateApprovalQuorum({ quorum: 1, version: current.version, actorId: admin.id });
  });
});
