/**
 * One rule of what the public may see (./public-visibility.ts), checked
 * through every public query at once: a withdrawn revision, a revision
 * awaiting approval and a fact-check taken down are invisible in each.
 */
import { describe, expect, it } from "vitest";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { approveTestClaim, createTestArticle, createTestClaim, currentPublicationCheck, proposeTestVerdict } from "@/testing/fixtures";
import { getClaimByIdOrThrow, updateClaim } from "./claims";
import { getPublicFactCheck, getPublicSlugForClaim, listPublicVerdictSummaries } from "./public-fact-checks";
import { listPublicPublishers, searchPublicFactChecks } from "./public-search";
import { listSitemapClaims, listSitemapFactChecks } from "./public-sitemap";
import { isPublicClaim } from "./public-visibility";
import { getLivePublicationBySlug, publishArticle, unpublishArticle } from "./publications";
import { reviewVerdict } from "./reviews";

const ZINC = "zinc cures the flu within a day";
const VITAMIN = "vitamin D every day prevents 90% of colds";
const STUDY = "the study was funded by a supplement maker";

describe("isPublicClaim", () => {
  const publication = { live: true, versionId: "v1" };
  const claim = { versionId: "v1", publishedVerdictId: "r1" };
  const revision = { id: "r1", withdrawnReason: null };

  it("needs a live publication, the published snapshot, the published revision, and no withdrawal", () => {
    expect(isPublicClaim(claim, revision, publication)).toBe(true);
    expect(isPublicClaim(claim, revision, { ...publication, live: false })).toBe(false);
    expect(isPublicClaim({ ...claim, versionId: "v2" }, revision, publication)).toBe(false);
    expect(isPublicClaim({ ...claim, publishedVerdictId: null }, revision, publication)).toBe(false);
    expect(isPublicClaim(claim, { ...revision, id: "r2" }, publication)).toBe(false);
    expect(isPublicClaim(claim, { ...revision, withdrawnReason: "Duplicate" }, publication)).toBe(false);
    expect(isPublicClaim(claim, null, publication)).toBe(false);
  });
});

describe.each(testDialects())("what the public may see, through every public query, on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  it("shows only published, not withdrawn revisions of live fact-checks", async () => {
    const { reviewer, editor, editor2 } = ctx.users;
    const rating = (label: string) => ctx.rating(label).id;
    const article = await createTestArticle(reviewer.id, { title: "Visibility", publisher: "Visible Press" });
    const shown = await createTestClaim(article, ZINC, reviewer.id, "Zinc shortens every flu");
    const withdrawn = await createTestClaim(article, VITAMIN, reviewer.id, "Vitamin pills stop colds");
    const v1 = await approveTestClaim(shown.id, rating("Inaccurate"), reviewer.id, editor.id);
    await approveTestClaim(withdrawn.id, rating("Misleading"), reviewer.id, editor.id);
    const publication = await publishArticle({ articleId: article.id, summary: "Two claims.", editorId: editor.id });
    const { slug } = publication;

    // Withdrawn: an editor approved taking the claim off the page.
    const removal = await updateClaim({ id: withdrawn.id, version: (await getClaimByIdOrThrow({ id: withdrawn.id })).version, excluded: { reason: "Duplicate" }, correctionNote: "Removed a duplicate.", userId: reviewer.id });
    await reviewVerdict({ verdictId: removal.currentVerdictId!, decision: "approved", comment: "", editorId: editor2.id, publicationCheck: await currentPublicationCheck(article.id) });
    // Pending: a new claim's first revision, and a re-rating of the shown claim, both awaiting approval.
    const pending = await createTestClaim(article, STUDY, reviewer.id, "Study sellers paid for it");
    await proposeTestVerdict(pending.id, rating("Lacks context"), reviewer.id, "Funding is disclosed.", "We added a claim.");
    await proposeTestVerdict(shown.id, rating("Accurate"), reviewer.id, "A new trial.", "We re-rated a claim.");

    const page = (await getPublicFactCheck({ slug }))!;
    expect(page.claims.map((c) => [c.id, c.verdict.id, c.statement])).toEqual([[shown.id, v1.id, "Zinc shortens every flu"]]);
    expect((await listPublicVerdictSummaries({ slugs: [slug] })).get(slug)!.map((v) => v.label)).toEqual(["Inaccurate"]);
    const found = async (search: Parameters<typeof searchPublicFactChecks>[0]) => (await searchPublicFactChecks(search)).items.some((i) => i.slug === slug);
    expect(await found({ q: "shortens" })).toBe(true);
    expect(await found({ q: "pills" })).toBe(false);
    expect(await found({ q: "sellers" })).toBe(false);
    expect(await found({ ratingId: rating("Inaccurate") })).toBe(true);
    expect(await found({ ratingId: rating("Misleading") })).toBe(false);
    expect(await found({ ratingId: rating("Lacks context") })).toBe(false);
    expect(await found({ ratingId: rating("Accurate") })).toBe(false);
    expect(await getPublicSlugForClaim({ claimId: shown.id })).toBe(slug);
    expect(await getPublicSlugForClaim({ claimId: withdrawn.id })).toBeNull();
    expect(await getPublicSlugForClaim({ claimId: pending.id })).toBeNull();
    const sitemapClaims = async () => (await listSitemapClaims({ offset: 0, limit: 1000 })).filter((c) => c.slug === slug).map((c) => c.claimId);
    expect(await sitemapClaims()).toEqual([shown.id]);
    expect((await listSitemapFactChecks({ offset: 0, limit: 1000 })).map((f) => f.slug)).toContain(slug);

    // Taken down: nothing of it is public any more.
    await unpublishArticle({ articleId: article.id, version: (await getLivePublicationBySlug({ slug }))!.version, editorId: editor.id });
    expect(await getPublicFactCheck({ slug })).toBeNull();
    expect((await listPublicVerdictSummaries({ slugs: [slug] })).has(slug)).toBe(false);
    expect(await found({ q: "shortens" })).toBe(false);
    expect(await found({ q: "Visibility" })).toBe(false);
    expect(await found({ ratingId: rating("Inaccurate") })).toBe(false);
    expect(await getPublicSlugForClaim({ claimId: shown.id })).toBeNull();
    expect(await listPublicPublishers()).not.toContain("Visible Press");
    expect(await sitemapClaims()).toEqual([]);
    expect((await listSitemapFactChecks({ offset: 0, limit: 1000 })).map((f) => f.slug)).not.toContain(slug);
    expect((await searchPublicFactChecks({ pageSize: 100 })).items.map((p) => p.slug)).not.toContain(slug);
  });
});
