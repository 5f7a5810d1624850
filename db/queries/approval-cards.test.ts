import { describe, expect, it, vi } from "vitest";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { createTestArticle, createTestClaim, currentPublicationCheck, proposeTestVerdict, publishTestArticle, putTestSetting, rejection, testCitation } from "@/testing/fixtures";
import { countApprovalQueue, listApprovalCards, type ApprovalCard } from "./approval-cards";
import { getClaimByIdOrThrow, updateClaim } from "./claims";
import { unpublishArticle } from "./publications";
import { reviewVerdict } from "./reviews";
import { proposeVerdict } from "./verdicts";

const ZINC = "zinc cures the flu within a day";
const VITAMIN = "vitamin D every day prevents 90% of colds";

describe.each(testDialects())("approval cards on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  /** The card of one claim (the queue is shared by every test in the suite). */
  async function cardOf(claimId: string): Promise<ApprovalCard | undefined> {
    return (await listApprovalCards()).find((c) => c.claimId === claimId);
  }

  it("shows a first proposal with its content and nothing to compare it with", async () => {
    const { reviewer } = ctx.users;
    const article = await createTestArticle(reviewer.id, { title: "First proposal" });
    const claim = await createTestClaim(article, ZINC, reviewer.id, "Zinc cures flu in a day");
    const v1 = await proposeTestVerdict(claim.id, ctx.rating("Inaccurate").id, reviewer.id, "No trial shows it.");
    const card = (await cardOf(claim.id))!;
    expect(card).toMatchObject({
      articleId: article.id,
      articleTitle: "First proposal",
      exact: ZINC,
      published: null,
      previous: null,
      publication: null,
      liveOnPublicPage: false,
      correctsPublication: false,
      needsPublicationCheck: false,
      reviews: [],
      answers: null,
    });
    expect(card.proposed).toMatchObject({ id: v1.id, revision: 1, rating: { label: "Inaccurate" }, rationale: "No trial shows it.", statement: "Zinc cures flu in a day", authorName: reviewer.name, correctionNote: null });
    expect(card.proposed.citations).toEqual([expect.objectContaining({ url: testCitation().url, title: testCitation().title, quote: testCitation().quote, stance: "refutes" })]);
    expect(card.proposed.claimant.claimantName).toBe("A. Writer");
    // Plain data only: the card crosses to client components.
    expect(JSON.parse(JSON.stringify(card))).toEqual(card);
  });

  it("shows the change request a resubmission answers, with the editor's name", async () => {
    const { reviewer, editor } = ctx.users;
    const article = await createTestArticle(reviewer.id, { title: "Resubmitted" });
    const claim = await createTestClaim(article, ZINC, reviewer.id);
    const v1 = await proposeTestVerdict(claim.id, ctx.rating("Unsupported").id, reviewer.id, "Weak evidence.");
    await reviewVerdict({ verdictId: v1.id, decision: "changes_requested", comment: "Add the 2024 meta-analysis.", editorId: editor.id });
    const current = await getClaimByIdOrThrow({ id: claim.id });
    const v2 = await proposeVerdict({
      claimId: claim.id,
      claimVersion: current.version,
      ratingId: ctx.rating("Inaccurate").id,
      rationale: "Weak evidence, and a 2024 meta-analysis found none.",
      citations: [testCitation(), testCitation({ url: "https://example.test/meta", title: "A 2024 meta-analysis" })],
      userId: reviewer.id,
    });
    const card = (await cardOf(claim.id))!;
    expect(card.proposed.id).toBe(v2.id);
    expect(card.previous).toMatchObject({ id: v1.id, revision: 1, rating: { label: "Unsupported" }, rationale: "Weak evidence." });
    expect(card.proposed.citations.map((c) => c.title)).toEqual(["A randomised trial of vitamin D", "A 2024 meta-analysis"]);
    expect(card.published).toBeNull();
    expect(card.answers).toMatchObject({ verdictId: v1.id, revision: 1, decision: "changes_requested", comment: "Add the 2024 meta-analysis.", editorName: editor.name });
    expect(card.reviews).toEqual([card.answers]);
    expect(Number.isNaN(Date.parse(card.answers!.createdAt))).toBe(false);
  });

  it("marks a correction to a live fact-check, with the published revision, the note and the publication to confirm", async () => {
    const { reviewer, editor, editor2 } = ctx.users;
    const { zinc, v1, publication } = await publishTestArticle(ctx, "Correction card");
    const v2 = await proposeTestVerdict(zinc.id, ctx.rating("Mostly accurate").id, editor.id, "A 2025 trial found a small effect.", "A 2025 trial changed our rating.");
    const card = (await cardOf(zinc.id))!;
    expect(card).toMatchObject({ liveOnPublicPage: true, correctsPublication: true, needsPublicationCheck: true });
    expect(card.publication).toEqual({ slug: publication.slug, live: true, summary: "Two claims.", headlineRatingId: ctx.rating("Inaccurate").id, version: publication.version });
    expect(card.published).toMatchObject({ id: v1.id, rating: { label: "Inaccurate" }, authorName: reviewer.name });
    expect(card.proposed).toMatchObject({ id: v2.id, rating: { label: "Mostly accurate" }, correctionNote: "A 2025 trial changed our rating." });
    // The previous revision is the published one: the card compares once.
    expect(card.previous?.id).toBe(v1.id);
    // The earlier approval of the published revision is part of the claim's story.
    expect(card.reviews.map((r) => [r.revision, r.decision, r.editorName])).toEqual([[1, "approved", editor.name]]);
    expect(card.answers).toBeNull();

    // What the card carries is what the approval needs.
    expect((await rejection(() => reviewVerdict({ verdictId: v2.id, decision: "approved", comment: "", editorId: editor2.id }))).code).toBe("invalid:review");
    const { summary, headlineRatingId, version } = card.publication!;
    await reviewVerdict({ verdictId: v2.id, decision: "approved", comment: "", editorId: editor2.id, publicationCheck: { summary, headlineRatingId, version } });
    expect(await cardOf(zinc.id)).toBeUndefined();
  });

  it("compares with both the published and the previous revision after a second round", async () => {
    const { editor, editor2 } = ctx.users;
    const { zinc, v1 } = await publishTestArticle(ctx, "Two rounds");
    const v2 = await proposeTestVerdict(zinc.id, ctx.rating("Mostly accurate").id, editor.id, "First try.", "Rating changed.");
    await reviewVerdict({ verdictId: v2.id, decision: "changes_requested", comment: "Cite the trial itself.", editorId: editor2.id });
    const v3 = await proposeTestVerdict(zinc.id, ctx.rating("Lacks context").id, editor.id, "Second try.", "Rating changed after a new trial.");
    const card = (await cardOf(zinc.id))!;
    expect([card.published?.id, card.previous?.id, card.proposed.id]).toEqual([v1.id, v2.id, v3.id]);
    expect(card.answers).toMatchObject({ verdictId: v2.id, comment: "Cite the trial itself.", editorName: editor2.name });
    expect(card.reviews.map((r) => [r.revision, r.decision])).toEqual([
      [1, "approved"],
      [2, "changes_requested"],
    ]);
  });

  it("shows a removal from the public page, which needs no publication check once the fact-check is taken down", async () => {
    const { reviewer, editor } = ctx.users;
    const { article, zinc, v1 } = await publishTestArticle(ctx, "Removal card");
    const claim = await getClaimByIdOrThrow({ id: zinc.id });
    await updateClaim({ id: claim.id, version: claim.version, excluded: { reason: "Satire, not a claim." }, correctionNote: "Removed: the post was satire.", userId: reviewer.id });
    const card = (await cardOf(zinc.id))!;
    expect(card.proposed).toMatchObject({ withdrawnReason: "Satire, not a claim.", correctionNote: "Removed: the post was satire." });
    expect(card.published?.id).toBe(v1.id);
    expect(card).toMatchObject({ liveOnPublicPage: true, needsPublicationCheck: true });

    await unpublishArticle({ articleId: article.id, version: (await currentPublicationCheck(article.id)).version, editorId: editor.id });
    expect(await cardOf(zinc.id)).toMatchObject({ liveOnPublicPage: false, correctsPublication: true, needsPublicationCheck: false, publication: { live: false } });
  });

  describe("the desk's count of the queue", () => {
    /** Checks the count against the cards for each viewer and for nobody; returns the queue's length. */
    async function countMatchesCards(): Promise<number> {
      const cards = await listApprovalCards();
      expect(await countApprovalQueue()).toBe(cards.length);
      for (const viewer of Object.values(ctx.users)) {
        expect(await countApprovalQueue({ excludingAuthorId: viewer.id }), `awaiting ${viewer.name}`).toBe(cards.filter((c) => c.proposed.authorId !== viewer.id).length);
      }
      return cards.length;
    }

    it("equals the number of cards, less the viewer's own revisions, as claims enter and leave the queue", async () => {
      const { reviewer, editor, editor2 } = ctx.users;
      const start = await countMatchesCards();
      const article = await createTestArticle(reviewer.id, { title: "Counted" });
      const zinc = await createTestClaim(article, ZINC, reviewer.id);
      const vitamin = await createTestClaim(article, VITAMIN, reviewer.id);
      expect(await countMatchesCards(), "open claims wait for nobody").toBe(start);
      const awaiting = async () => [await countApprovalQueue({ excludingAuthorId: editor.id }), await countApprovalQueue({ excludingAuthorId: editor2.id })];
      const [editorBefore, editor2Before] = await awaiting();

      const z1 = await proposeTestVerdict(zinc.id, ctx.rating("Inaccurate").id, reviewer.id);
      const v1 = await proposeTestVerdict(vitamin.id, ctx.rating("Misleading").id, editor.id);
      expect(await countMatchesCards()).toBe(start + 2);
      // The editor's own proposal awaits the other editor, not them.
      expect(await awaiting()).toEqual([editorBefore! + 1, editor2Before! + 2]);

      await reviewVerdict({ verdictId: z1.id, decision: "changes_requested", comment: "Cite the trial.", editorId: editor.id });
      expect(await countMatchesCards(), "sent back to its author").toBe(start + 1);
      await proposeTestVerdict(zinc.id, ctx.rating("Inaccurate").id, reviewer.id, "The 2024 trial found no effect.");
      expect(await countMatchesCards(), "resubmitted").toBe(start + 2);

      await reviewVerdict({ verdictId: v1.id, decision: "approved", comment: "", editorId: editor2.id });
      expect(await countMatchesCards(), "approved").toBe(start + 1);
    });

    it("keeps counting a revision one editor approved while the quorum needs another", async () => {
      const { reviewer, editor } = ctx.users;
      const claim = await createTestClaim(await createTestArticle(reviewer.id, { title: "Quorum of two" }), ZINC, reviewer.id);
      const verdict = await proposeTestVerdict(claim.id, ctx.rating("Inaccurate").id, reviewer.id);
      const before = await countMatchesCards();
      await ctx.database.transaction((tx) => putTestSetting(tx, "approvalQuorum", "2"));
      try {
        expect((await reviewVerdict({ verdictId: verdict.id, decision: "approved", comment: "", editorId: editor.id })).claimStatus).toBe("verdict_proposed");
        expect(await countMatchesCards()).toBe(before);
      } finally {
        await ctx.database.transaction((tx) => putTestSetting(tx, "approvalQuorum", "1"));
      }
    });

    it("is one query, whatever the length of the queue", async () => {
      const { reviewer } = ctx.users;
      const claim = await createTestClaim(await createTestArticle(reviewer.id, { title: "One query" }), ZINC, reviewer.id);
      await proposeTestVerdict(claim.id, ctx.rating("Inaccurate").id, reviewer.id);
      const select = vi.spyOn(ctx.database.db, "select");
      try {
        expect(await countApprovalQueue({ excludingAuthorId: ctx.users.editor.id })).toBeGreaterThan(0);
        expect(select).toHaveBeenCalledTimes(1);
      } finally {
        select.mockRestore();
      }
    });
  });

  it("loads the whole queue in a fixed number of queries", async () => {
    const { reviewer } = ctx.users;
    const article = await createTestArticle(reviewer.id, { title: "Many cards" });
    const one = await createTestClaim(article, ZINC, reviewer.id);
    await proposeTestVerdict(one.id, ctx.rating("Inaccurate").id, reviewer.id);
    const select = vi.spyOn(ctx.database.db, "select");
    try {
      const before = (await listApprovalCards()).length;
      const few = select.mock.calls.length;
      const two = await createTestClaim(article, VITAMIN, reviewer.id);
      await proposeTestVerdict(two.id, ctx.rating("Misleading").id, reviewer.id);
      select.mockClear();
      const cards = await listApprovalCards();
      expect(cards.length).toBe(before + 1);
      expect(select.mock.calls.length).toBe(few);
      expect(few).toBeGreaterThan(0);
      expect(few).toBeLessThanOrEqual(4);
    } finally {
      select.mockRestore();
    }
  });
});
