/**
 * The newsroom promise, write path by write path: readers see only what an
 * editor other than its author approved, every later change is a dated
 * correction, and every claim names who made it. Each case drives a real
 * published fact-check and reads what the public query returns.
 */
import { describe, expect, it } from "vitest";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { SAMPLE_BLOCKS, SAMPLE_TEXT, approveTestClaim, createTestArticle, createTestClaim, currentPublicationCheck, locate, proposeTestVerdict, publishTestArticle, rejection } from "@/testing/fixtures";
import { buildClaimReview } from "@/lib/claimreview";
import { decideClaimAnchor } from "./claim-anchors";
import { getClaimByIdOrThrow, updateClaim } from "./claims";
import { getPublicFactCheck, listPublicVerdictSummaries } from "./public-fact-checks";
import { publishArticle, unpublishArticle } from "./publications";
import { saveVersionAndReanchorClaims } from "./snapshots";
import { searchPublicFactChecks } from "./public-search";
import { deleteRating, setRatingHidden, updateRating } from "./ratings";
import { reviewVerdict } from "./reviews";
import { getSettingWithVersion, updateApprovalQuorum } from "./settings";

const ZINC = "zinc cures the flu within a day";
const VITAMIN = "vitamin D every day prevents 90% of colds";

describe.each(testDialects())("editorial integrity on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  const page = async (slug: string) => (await getPublicFactCheck({ slug }))!;
  const fresh = (id: string) => getClaimByIdOrThrow({ id });

  it("keeps a published statement until another editor approves the edit, then shows it with a dated correction", async () => {
    const { reviewer, editor, editor2 } = ctx.users;
    const { zinc, publication, article } = await publishTestArticle(ctx, "Statement edit");
    const noNote = await rejection(async () => updateClaim({ id: zinc.id, version: (await fresh(zinc.id)).version, statement: "Zinc is harmless", userId: reviewer.id }));
    expect(noNote.code).toBe("invalid:claim");

    const edited = await updateClaim({ id: zinc.id, version: (await fresh(zinc.id)).version, statement: "Zinc cures the flu overnight", correctionNote: "We restated the claim more precisely.", userId: reviewer.id });
    expect(edited).toMatchObject({ statement: "Zinc cures the flu overnight", status: "verdict_proposed" });
    const before = await page(publication.slug);
    expect(before.claims.find((c) => c.id === zinc.id)?.statement).toBe("Zinc cures flu in a day");
    expect(before.corrections).toEqual([]);
    // Public search does not find the unapproved words. (Until the approval it does not find the published ones either:
    // the full-text index holds the claim's editable statement, which counts only while it is the one readers see.)
    expect((await searchPublicFactChecks({ q: "overnight" })).items.map((i) => i.slug)).not.toContain(publication.slug);

    const revision = edited.currentVerdictId!;
    expect((await rejection(() => reviewVerdict({ verdictId: revision, decision: "approved", comment: "", editorId: reviewer.id }))).code).toBe("forbidden:review");
    await reviewVerdict({ verdictId: revision, decision: "approved", comment: "Fine.", editorId: editor2.id, publicationCheck: await currentPublicationCheck(article.id) });
    const after = await page(publication.slug);
    expect(after.claims.find((c) => c.id === zinc.id)?.statement).toBe("Zinc cures the flu overnight");
    expect(after.corrections.map((c) => [c.note, c.claimId])).toEqual([["We restated the claim more precisely.", zinc.id]]);
    expect(editor.id).not.toBe(editor2.id);
  });

  it("keeps a published claim on the page until another editor approves its exclusion, then records the removal", async () => {
    const { reviewer, editor } = ctx.users;
    const { vitamin, zinc, publication, article } = await publishTestArticle(ctx, "Exclusion");
    const pending = await updateClaim({ id: vitamin.id, version: (await fresh(vitamin.id)).version, excluded: { reason: "Opinion, not checkable" }, correctionNote: "We removed a claim that is an opinion.", userId: reviewer.id });
    expect(pending.status).toBe("verdict_proposed");
    expect((await page(publication.slug)).claims.map((c) => c.id)).toEqual([vitamin.id, zinc.id]);
    expect((await listPublicVerdictSummaries({ slugs: [publication.slug] })).get(publication.slug)).toHaveLength(2);

    await reviewVerdict({ verdictId: pending.currentVerdictId!, decision: "approved", comment: "", editorId: editor.id, publicationCheck: await currentPublicationCheck(article.id) });
    const after = await page(publication.slug);
    expect(after.claims.map((c) => c.id)).toEqual([zinc.id]);
    expect(after.corrections.map((c) => c.note)).toEqual(["We removed a claim that is an opinion."]);
    expect(await fresh(vitamin.id)).toMatchObject({ status: "excluded", exclusionReason: "Opinion, not checkable" });
    expect((await listPublicVerdictSummaries({ slugs: [publication.slug] })).get(publication.slug)).toHaveLength(1);
  });

  it("brings an excluded published claim back only through an approved revision", async () => {
    const { reviewer, editor } = ctx.users;
    const { vitamin, publication, article } = await publishTestArticle(ctx, "Re-include");
    const withdrawn = await updateClaim({ id: vitamin.id, version: (await fresh(vitamin.id)).version, excluded: { reason: "Duplicate" }, correctionNote: "Removed a duplicate.", userId: reviewer.id });
    await reviewVerdict({ verdictId: withdrawn.currentVerdictId!, decision: "approved", comment: "", editorId: editor.id, publicationCheck: await currentPublicationCheck(article.id) });
    const back = await updateClaim({ id: vitamin.id, version: (await fresh(vitamin.id)).version, excluded: null, correctionNote: "Restored the claim.", userId: reviewer.id });
    expect(back.status).toBe("verdict_proposed");
    expect((await page(publication.slug)).claims.map((c) => c.id)).not.toContain(vitamin.id);
  });

  it("lets a reviewer answer a removal still awaiting approval with a revision that keeps the claim", async () => {
    const { reviewer } = ctx.users;
    const { vitamin, publication } = await publishTestArticle(ctx, "Removal withdrawn");
    const pending = await updateClaim({ id: vitamin.id, version: (await fresh(vitamin.id)).version, excluded: { reason: "Duplicate" }, correctionNote: "Removed a duplicate.", userId: reviewer.id });
    const kept = await updateClaim({ id: vitamin.id, version: pending.version, excluded: null, correctionNote: "On reflection the claim stays.", userId: reviewer.id });
    expect(kept.currentVerdictId).not.toBe(pending.currentVerdictId);
    expect(kept.status).toBe("verdict_proposed");
    expect((await page(publication.slug)).claims.map((c) => c.id)).toContain(vitamin.id);
  });

  it("approves through the full step when a lowered quorum is met, and never a revision an editor sent back", async () => {
    const { reviewer, editor, editor2, admin } = ctx.users;
    const quorum = await getSettingWithVersion("approvalQuorum");
    const raised = await updateApprovalQuorum({ quorum: 2, version: quorum.version, actorId: admin.id });
    const article = await createTestArticle(reviewer.id, { title: "Quorum" });
    const zinc = await createTestClaim(article, ZINC, reviewer.id);
    const vitamin = await createTestClaim(article, VITAMIN, reviewer.id);
    const zv = await proposeTestVerdict(zinc.id, ctx.rating("Inaccurate").id, reviewer.id);
    const vv = await proposeTestVerdict(vitamin.id, ctx.rating("Misleading").id, reviewer.id);
    await reviewVerdict({ verdictId: zv.id, decision: "approved", comment: "", editorId: editor.id });
    await reviewVerdict({ verdictId: vv.id, decision: "approved", comment: "", editorId: editor.id });
    await reviewVerdict({ verdictId: vv.id, decision: "changes_requested", comment: "Which trial?", editorId: editor2.id });

    const lowered = await updateApprovalQuorum({ quorum: 1, version: raised.version, actorId: admin.id });
    expect(lowered.approvedClaims).toBe(1);
    expect(await fresh(zinc.id)).toMatchObject({ status: "approved", approvedVerdictId: zv.id });
    expect(await fresh(vitamin.id)).toMatchObject({ status: "changes_requested", approvedVerdictId: null });
  });

  it("keeps a change request open when its claim is excluded and included again", async () => {
    const { reviewer, editor } = ctx.users;
    const article = await createTestArticle(reviewer.id, { title: "Change request" });
    const zinc = await createTestClaim(article, ZINC, reviewer.id);
    const v1 = await proposeTestVerdict(zinc.id, ctx.rating("Inaccurate").id, reviewer.id);
    await reviewVerdict({ verdictId: v1.id, decision: "changes_requested", comment: "Cite the trial.", editorId: editor.id });
    const out = await updateClaim({ id: zinc.id, version: (await fresh(zinc.id)).version, excluded: { reason: "x" }, userId: reviewer.id });
    const back = await updateClaim({ id: zinc.id, version: out.version, excluded: null, userId: reviewer.id });
    expect(back.status).toBe("changes_requested");
    expect((await rejection(() => reviewVerdict({ verdictId: v1.id, decision: "approved", comment: "", editorId: editor.id }))).code).toBe("conflict:review");
  });

  it("credits each claim to its claimant, on the public page and in ClaimReview", async () => {
    const { reviewer, editor } = ctx.users;
    const article = await createTestArticle(reviewer.id, { title: "Claimant" });
    const zinc = await createTestClaim(article, ZINC, reviewer.id);
    expect(zinc).toMatchObject({ claimantName: "A. Writer", claimantKind: "person", appearanceUrl: "https://example.test/post", appearanceDate: "2025-01-15" });
    const quoted = await updateClaim({
      id: zinc.id,
      version: zinc.version,
      claimant: { claimantName: "Dr Ann Quoted", claimantKind: "person", claimantRole: "naturopath", appearanceUrl: "https://video.example.test/talk", appearanceDate: "2024-12-01" },
      userId: reviewer.id,
    });
    await approveTestClaim(zinc.id, ctx.rating("Inaccurate").id, reviewer.id, editor.id);
    const publication = await publishArticle({ articleId: article.id, summary: "One claim.", editorId: editor.id });
    const claim = (await page(publication.slug)).claims[0]!;
    expect(claim).toMatchObject({ claimantName: "Dr Ann Quoted", claimantRole: "naturopath" });
    const review = buildClaimReview({
      siteUrl: "https://factdesk.test",
      slug: publication.slug,
      organisation: { name: "Factdesk" },
      claim,
      claimant: claim,
      rating: { value: 1, label: "Inaccurate" },
      datePublished: publication.publishedAt,
      source: { title: article.title, url: article.sourceUrl, author: article.author },
    });
    expect(review.itemReviewed.author).toEqual({ "@type": "Person", name: "Dr Ann Quoted", jobTitle: "naturopath" });
    expect(review.itemReviewed.appearance.url).toBe("https://video.example.test/talk");
    expect(review.itemReviewed.datePublished).toBe("2024-12-01");
    expect(quoted.version).toBeGreaterThan(zinc.version);

    // After publication, a new claimant is a correction like any other.
    const changed = await updateClaim({ id: zinc.id, version: (await fresh(zinc.id)).version, claimant: { ...claim, claimantName: "Ann Quoted" }, correctionNote: "Corrected the claimant's name.", userId: reviewer.id });
    expect(changed.status).toBe("verdict_proposed");
    expect((await page(publication.slug)).claims[0]!.claimantName).toBe("Dr Ann Quoted");
  });

  it("moves dateModified only on the claim that changed, and makes the approver confirm the summary", async () => {
    const { reviewer, editor2 } = ctx.users;
    const { zinc, vitamin, publication, article } = await publishTestArticle(ctx, "Date modified");
    const v2 = await proposeTestVerdict(zinc.id, ctx.rating("Mostly accurate").id, reviewer.id, "New trial.", "A 2025 trial changed our rating.");
    expect((await rejection(() => reviewVerdict({ verdictId: v2.id, decision: "approved", comment: "", editorId: editor2.id }))).code).toBe("invalid:review");
    const check = await currentPublicationCheck(article.id);
    await reviewVerdict({ verdictId: v2.id, decision: "approved", comment: "", editorId: editor2.id, publicationCheck: { ...check, summary: "One claim holds up after a new trial." } });
    const after = await page(publication.slug);
    expect(after.publication.summary).toBe("One claim holds up after a new trial.");
    expect(after.claims.find((c) => c.id === zinc.id)!.modifiedAt).toBeInstanceOf(Date);
    expect(after.claims.find((c) => c.id === vitamin.id)!.modifiedAt).toBeNull();
  });

  it("reopens an approved claim whose quoted words changed in a new version, and refuses to republish until it is reviewed", async () => {
    const { reviewer, editor } = ctx.users;
    const { zinc, vitamin, article, publication } = await publishTestArticle(ctx, "Meaning change");
    const negated = SAMPLE_BLOCKS.map((b) => ({ ...b, text: b.text.replace("zinc cures the flu", "zinc does not cure the flu") }));
    const { summary } = await saveVersionAndReanchorClaims({ articleId: article.id, basedOnVersionId: article.currentVersionId!, blocks: negated, userId: reviewer.id, origin: "paste: test" });
    expect(summary.needs_review).toBe(1);
    const reopened = await fresh(zinc.id);
    expect(reopened).toMatchObject({ anchorStatus: "needs_review", status: "verdict_proposed" });
    expect(reopened.currentVerdictId).not.toBe(reopened.approvedVerdictId);
    expect(await fresh(vitamin.id)).toMatchObject({ anchorStatus: "anchored", status: "approved" });
    // Readers keep the published snapshot and revision.
    expect((await page(publication.slug)).claims.find((c) => c.id === zinc.id)?.exact).toBe(ZINC);
    const down = await unpublishArticle({ articleId: article.id, version: publication.version, editorId: editor.id });
    expect((await rejection(() => publishArticle({ articleId: article.id, summary: "Again.", editorId: editor.id }))).code).toBe("invalid:publish");
    expect(down.live).toBe(false);
  });

  it("records no correction for a claim made on a newer snapshot than the published one (readers cannot see it yet)", async () => {
    const { reviewer, editor } = ctx.users;
    const { article, publication } = await publishTestArticle(ctx, "Newer snapshot");
    const extended = [...SAMPLE_BLOCKS, { kind: "paragraph" as const, text: "Garlic prevents every cold, a new section says." }];
    const { snapshot } = await saveVersionAndReanchorClaims({ articleId: article.id, basedOnVersionId: article.currentVersionId!, blocks: extended, userId: reviewer.id, origin: "paste: test" });
    const garlic = await createTestClaim({ ...article, currentVersionId: snapshot.id }, "Garlic prevents every cold", reviewer.id);
    const v = await proposeTestVerdict(garlic.id, ctx.rating("Inaccurate").id, reviewer.id, "No trial shows it.", "We checked a new section.");
    await reviewVerdict({ verdictId: v.id, decision: "approved", comment: "", editorId: editor.id });
    const after = await page(publication.slug);
    expect(after.corrections).toEqual([]);
    expect(after.claims.map((c) => c.id)).not.toContain(garlic.id);
  });

  it("keeps a claim where readers of a live fact-check see it: an anchor decision cannot move it, nor take it off the page", async () => {
    const { reviewer, editor } = ctx.users;
    const { zinc, article, publication } = await publishTestArticle(ctx, "Anchor decisions");
    const study = "the study was funded by a supplement maker";
    const quoteOnPage = async (slug: string) => (await page(slug)).claims.find((c) => c.id === zinc.id)?.exact;
    // Re-attached to other words of the published snapshot, the approved verdict would stand under a quote no editor checked.
    let z = await fresh(zinc.id);
    const reattach = { kind: "reattach" as const, ...locate(SAMPLE_TEXT, study), exact: study };
    expect((await rejection(() => decideClaimAnchor({ claimId: z.id, version: z.version, decision: reattach, userId: reviewer.id }))).code).toBe("conflict:anchor");
    expect(await quoteOnPage(publication.slug)).toBe(ZINC);

    // Republished on a new version: keeping the claim on the old snapshot would take it off the page without a correction.
    await unpublishArticle({ articleId: article.id, version: publication.version, editorId: editor.id });
    const opened = [{ kind: "paragraph" as const, text: "An editor's note opens the new version." }, ...SAMPLE_BLOCKS];
    await saveVersionAndReanchorClaims({ articleId: article.id, basedOnVersionId: article.currentVersionId!, blocks: opened, userId: reviewer.id, origin: "paste: test" });
    const again = await publishArticle({ articleId: article.id, summary: "Two claims.", editorId: editor.id });
    z = await fresh(zinc.id);
    expect((await rejection(() => decideClaimAnchor({ claimId: z.id, version: z.version, decision: { kind: "keep_old" }, userId: reviewer.id }))).code).toBe("conflict:anchor");
    expect(await quoteOnPage(again.slug)).toBe(ZINC);

    // Offline, readers see nothing: the decision is the reviewer's alone.
    await unpublishArticle({ articleId: article.id, version: again.version, editorId: editor.id });
    expect((await decideClaimAnchor({ claimId: z.id, version: z.version, decision: { kind: "keep_old" }, userId: reviewer.id })).versionId).not.toBe(again.versionId);
  });

  it("refuses a hidden label as headline verdict and keeps a label that is some fact-check's headline", async () => {
    const { reviewer, editor, admin } = ctx.users;
    const article = await createTestArticle(reviewer.id, { title: "Hidden headline" });
    const zinc = await createTestClaim(article, ZINC, reviewer.id);
    await approveTestClaim(zinc.id, ctx.rating("Inaccurate").id, reviewer.id, editor.id);
    const hidden = await setRatingHidden({ id: ctx.rating("Lacks context").id, version: ctx.rating("Lacks context").version, hidden: true, actorId: admin.id });
    expect((await rejection(() => publishArticle({ articleId: article.id, summary: "s", editorId: editor.id, headlineRatingId: hidden.id }))).code).toBe("invalid:publish");
    await setRatingHidden({ id: hidden.id, version: hidden.version, hidden: false, actorId: admin.id });
    await publishArticle({ articleId: article.id, summary: "s", editorId: editor.id, headlineRatingId: hidden.id });
    const refused = await rejection(() => deleteRating({ id: hidden.id, version: hidden.version + 1, actorId: admin.id }));
    expect(refused.code).toBe("conflict:rating");
    // Renaming a published verdict's label would change what readers are told; recolouring does not.
    const inaccurate = ctx.rating("Inaccurate");
    const renamed = await rejection(() => updateRating({ ...inaccurate, label: "Accurate enough", actorId: admin.id }));
    expect(renamed.code).toBe("conflict:rating");
    expect((await updateRating({ ...inaccurate, colour: "#a00000", actorId: admin.id })).colour).toBe("#a00000");
  });
});
