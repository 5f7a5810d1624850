import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { approveTestClaim, auditCounts, createTestArticle, createTestClaim, proposeTestVerdict, rejection } from "@/testing/fixtures";
import { getArticleByIdOrThrow } from "./articles";
import { getWorkspace } from "./claim-details";
import { getPublicFactCheck } from "./public-fact-checks";
import { searchPublicFactChecks } from "./public-search";
import { getClaimByIdOrThrow, updateClaim } from "./claims";
import { getLivePublicationBySlug, getPublicationForArticle, publishArticle } from "./publications";

const ZINC = "zinc cures the flu within a day";
const VITAMIN = "vitamin D every day prevents 90% of colds";

describe.each(testDialects())("publications on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  /** An article with an approved claim (ZINC) and an excluded one (VITAMIN). */
  async function readyArticle(title: string) {
    const { reviewer, editor } = ctx.users;
    const article = await createTestArticle(reviewer.id, { title });
    const approved = await createTestClaim(article, ZINC, reviewer.id, "Zinc cures flu in a day");
    const verdict = await approveTestClaim(approved.id, ctx.rating("Inaccurate").id, reviewer.id, editor.id);
    const excluded = await createTestClaim(article, VITAMIN, reviewer.id);
    await updateClaim({ id: excluded.id, version: excluded.version, excluded: { reason: "Not checkable" }, userId: reviewer.id });
    return { article, approved, excluded, verdict };
  }

  async function publicationCount() {
    const { db, t } = ctx.database;
    return (await db.select().from(t.publications)).length;
  }

  it("refuses to publish an article without claims", async () => {
    const article = await createTestArticle(ctx.users.reviewer.id, { title: "No claims yet" });
    const error = await rejection(() => publishArticle({ articleId: article.id, summary: "s", editorId: ctx.users.editor.id }));
    expect(error.code).toBe("invalid:publish");
    expect(error.message).toMatch(/no claims/);
    expect(await getPublicationForArticle({ articleId: article.id })).toBeNull();
  });

  it("refuses to publish until every non-excluded claim is approved, writing nothing", async () => {
    const { reviewer, editor } = ctx.users;
    const article = await createTestArticle(reviewer.id, { title: "Half done" });
    const a = await createTestClaim(article, ZINC, reviewer.id);
    const b = await createTestClaim(article, VITAMIN, reviewer.id);
    await approveTestClaim(a.id, ctx.rating("Inaccurate").id, reviewer.id, editor.id);
    await proposeTestVerdict(b.id, ctx.rating("Misleading").id, reviewer.id);
    const before = await publicationCount();

    const error = await rejection(() => publishArticle({ articleId: article.id, summary: "s", editorId: editor.id }));
    expect(error.code).toBe("invalid:publish");
    expect(error.message).toBe("1 claim is not approved yet. Every claim that is not excluded needs an approved verdict before publishing.");
    expect(await publicationCount()).toBe(before);
    expect((await getArticleByIdOrThrow({ id: article.id })).status).toBe("awaiting_approval");
    expect(await auditCounts({ entityType: "article", entityId: article.id })).not.toHaveProperty("article.publish");
  });

  it("refuses to publish while a claim's position in the text awaits a reviewer's decision", async () => {
    const { editor } = ctx.users;
    const { article, approved } = await readyArticle("Moved claims wait");
    const { db, t } = ctx.database;
    // As a re-import leaves a claim whose quote could not be placed with confidence.
    await ctx.database.transaction((tx) => tx.update(t.claims).set({ anchorStatus: "needs_review" }).where(eq(t.claims.id, approved.id)));
    const error = await rejection(() => publishArticle({ articleId: article.id, summary: "s", editorId: editor.id }));
    expect(error.code).toBe("invalid:publish");
    expect(error.message).toMatch(/^1 claim's position in the new text needs a reviewer's decision/);
    expect(await getPublicationForArticle({ articleId: article.id })).toBeNull();
    expect((await db.select().from(t.claims).where(eq(t.claims.id, approved.id)))[0]?.anchorStatus).toBe("needs_review");
  });

  it("publishes when the only other claim is excluded, with a slug from the title", async () => {
    const { editor } = ctx.users;
    const { article } = await readyArticle("Does Zinc Cure the Flu? Ça dépend");
    expect((await getArticleByIdOrThrow({ id: article.id })).status).toBe("approved");

    const publication = await publishArticle({ articleId: article.id, summary: "  Zinc does not cure flu.  ", editorId: editor.id });
    expect(publication).toMatchObject({
      articleId: article.id,
      slug: "does-zinc-cure-the-flu-ca-depend",
      summary: "Zinc does not cure flu.",
      versionId: article.currentVersionId,
      publishedBy: editor.id,
      live: true,
      version: 1,
    });
    expect(publication.publishedAt).toBeInstanceOf(Date);
    expect((await getArticleByIdOrThrow({ id: article.id })).status).toBe("published");
    expect(await getLivePublicationBySlug({ slug: publication.slug })).toEqual(publication);
    expect(await auditCounts({ entityType: "article", entityId: article.id })).toMatchObject({ "article.publish": 1 });

    const twice = await rejection(() => publishArticle({ articleId: article.id, summary: "again", editorId: editor.id }));
    expect(twice.code).toBe("conflict:publish");
  });

  it("gives articles with the same title distinct slugs", async () => {
    const { editor } = ctx.users;
    const slugs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { article } = await readyArticle("Same Title Twice");
      slugs.push((await publishArticle({ articleId: article.id, summary: "s", editorId: editor.id })).slug);
    }
    expect(slugs).toEqual(["same-title-twice", "same-title-twice-2", "same-title-twice-3"]);
  });

  it("shows the public only approved claims, with verdict, citations and people", async () => {
    const { reviewer, editor } = ctx.users;
    const { article, approved, verdict } = await readyArticle("Public page check");
    const publication = await publishArticle({ articleId: article.id, summary: "Summary.", editorId: editor.id });

    const page = (await getPublicFactCheck({ slug: publication.slug }))!;
    expect(page.publication.id).toBe(publication.id);
    expect(page.article.id).toBe(article.id);
    expect(page.snapshot.id).toBe(article.currentVersionId);
    expect(page.claims.map((c) => c.id)).toEqual([approved.id]);
    const [claim] = page.claims;
    expect(claim).toMatchObject({ statement: "Zinc cures flu in a day", claimantName: "A. Writer" });
    // Built from the approved revision, not the editable claim row: no workflow fields reach readers.
    expect(claim).not.toHaveProperty("status");
    expect(claim!.verdict).toMatchObject({ id: verdict.id, revision: 1, authorName: "Rae Reviewer", rating: { label: "Inaccurate", value: 1 } });
    expect(claim!.verdict.citations).toHaveLength(1);
    expect(claim!.reviews.map((r) => [r.decision, r.editorName])).toEqual([["approved", "Eddie Editor"]]);

    // A later revision awaiting approval never reaches the public page.
    const v2 = await proposeTestVerdict(approved.id, ctx.rating("Accurate").id, reviewer.id, "Re-rated.", "We re-rated this claim.");
    expect((await getArticleByIdOrThrow({ id: article.id })).status).toBe("published");
    const after = (await getPublicFactCheck({ slug: publication.slug }))!;
    expect(after.claims.some((c) => c.verdict.id === v2.id)).toBe(false);
    expect(after.claims.some((c) => c.verdict.rating.label === "Accurate")).toBe(false);
    // …and the claim keeps showing its last approved verdict meanwhile.
    expect(after.claims.map((c) => [c.id, c.verdict.id])).toEqual([[approved.id, verdict.id]]);
  });

  it("returns null for unknown slugs, unpublished articles and unpublished publications", async () => {
    const { editor } = ctx.users;
    expect(await getPublicFactCheck({ slug: "no-such-fact-check" })).toBeNull();
    await readyArticle("Approved but never published");
    expect(await getPublicFactCheck({ slug: "approved-but-never-published" })).toBeNull();

    const { article } = await readyArticle("Taken down later");
    const publication = await publishArticle({ articleId: article.id, summary: "s", editorId: editor.id });
    expect(await getPublicFactCheck({ slug: publication.slug })).not.toBeNull();
    const { db, t } = ctx.database;
    await db.update(t.publications).set({ live: false }).where(eq(t.publications.id, publication.id));
    expect(await getPublicFactCheck({ slug: publication.slug })).toBeNull();
    expect((await searchPublicFactChecks({ pageSize: 100 })).items.map((p) => p.slug)).not.toContain(publication.slug);

    // Republishing keeps the slug, so old links work again.
    const again = await publishArticle({ articleId: article.id, summary: "Back", editorId: editor.id });
    expect(again).toMatchObject({ id: publication.id, slug: publication.slug, live: true, summary: "Back", version: publication.version + 1 });
    expect(await getPublicFactCheck({ slug: publication.slug })).not.toBeNull();
  });

  it("lists live fact-checks newest first", async () => {
    const { editor } = ctx.users;
    const first = await readyArticle("Listed first");
    const p1 = await publishArticle({ articleId: first.article.id, summary: "one", editorId: editor.id });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = await readyArticle("Listed second");
    const p2 = await publishArticle({ articleId: second.article.id, summary: "two", editorId: editor.id });
    const list = (await searchPublicFactChecks({ pageSize: 100 })).items;
    const slugs = list.map((p) => p.slug);
    expect(slugs.indexOf(p2.slug)).toBeLessThan(slugs.indexOf(p1.slug));
    expect(list.find((p) => p.slug === p2.slug)).toMatchObject({ title: "Listed second", summary: "two", publisher: "Example Blog" });
  });

  it("loads the desk workspace with every claim, excluded ones included", async () => {
    const { article, approved, excluded } = await readyArticle("Workspace view");
    const workspace = await getWorkspace({ articleId: article.id });
    expect(workspace.article.id).toBe(article.id);
    expect(workspace.snapshot.id).toBe(article.currentVersionId);
    expect(workspace.publication).toBeNull();
    expect(workspace.claims.map((c) => [c.id, c.status])).toEqual([
      [excluded.id, "excluded"],
      [approved.id, "approved"],
    ]);
    expect(workspace.claims[0]!.verdict).toBeNull();
    expect(workspace.claims[1]!.verdict?.rating.label).toBe("Inaccurate");
    expect((await getClaimByIdOrThrow({ id: approved.id })).status).toBe("approved");
  });
});
