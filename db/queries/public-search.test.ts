import { describe, expect, it } from "vitest";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { approveTestClaim, createTestArticle, createTestClaim } from "@/testing/fixtures";
import { publishArticle, unpublishArticle } from "./publications";
import { listPublicPublishers, searchPublicFactChecks } from "./public-search";

const ZINC = "zinc cures the flu within a day";

describe.each(testDialects())("public search on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  async function published(title: string, publisher: string, rating: string) {
    const { reviewer, editor } = ctx.users;
    const article = await createTestArticle(reviewer.id, { title, publisher });
    const claim = await createTestClaim(article, ZINC, reviewer.id, `Zinc claim in ${title}`);
    await approveTestClaim(claim.id, ctx.rating(rating).id, reviewer.id, editor.id);
    return publishArticle({ articleId: article.id, summary: `Summary of ${title}`, editorId: editor.id });
  }

  it("searches titles, summaries and claim statements; filters by verdict, publisher and date; pages", async () => {
    const a = await published("Alpha apples", "Daily Alpha", "Inaccurate");
    const b = await published("Beta bananas", "Beta Weekly", "Accurate");
    const c = await published("Gamma grapes 100%_off", "Daily Alpha", "Accurate");
    const slugs = (r: Awaited<ReturnType<typeof searchPublicFactChecks>>) => r.items.map((i) => i.slug).sort();

    expect(slugs(await searchPublicFactChecks({ q: "APPLES" }))).toEqual([a.slug]);
    expect(slugs(await searchPublicFactChecks({ q: "summary of beta" }))).toEqual([b.slug]);
    expect(slugs(await searchPublicFactChecks({ q: "claim in gamma" }))).toEqual([c.slug]);
    // Claim statements are searched through the full-text index: whole words, stemmed ("claims" finds "claim"), not substrings,
    // and not the quoted article text ("cures" is only in the quote).
    expect(slugs(await searchPublicFactChecks({ q: "claims" }))).toEqual([a.slug, b.slug, c.slug].sort());
    expect((await searchPublicFactChecks({ q: "zin" })).total).toBe(0);
    expect((await searchPublicFactChecks({ q: "cures" })).total).toBe(0);
    // % and _ are literal, not wildcards.
    expect(slugs(await searchPublicFactChecks({ q: "100%_off" }))).toEqual([c.slug]);
    expect(slugs(await searchPublicFactChecks({ q: "1%0" }))).toEqual([]);

    expect(slugs(await searchPublicFactChecks({ ratingId: ctx.rating("Inaccurate").id }))).toEqual([a.slug]);
    expect(slugs(await searchPublicFactChecks({ publisher: "Daily Alpha" }))).toEqual([a.slug, c.slug].sort());
    const today = new Date().toISOString().slice(0, 10);
    expect((await searchPublicFactChecks({ from: today, to: today })).total).toBe(3);
    expect((await searchPublicFactChecks({ to: "2000-01-01" })).total).toBe(0);

    const page1 = await searchPublicFactChecks({ pageSize: 2, page: 1 });
    const page2 = await searchPublicFactChecks({ pageSize: 2, page: 2 });
    expect(page1.total).toBe(3);
    expect(page1.items).toHaveLength(2);
    expect(page2.items).toHaveLength(1);
    expect(page2.total).toBe(3);
    // Past the last page: no rows, and still the true total, so the pager can lead back.
    expect(await searchPublicFactChecks({ pageSize: 2, page: 5 })).toMatchObject({ items: [], total: 3, page: 5 });
    expect(new Set([...page1.items, ...page2.items].map((i) => i.slug)).size).toBe(3);
    expect(await listPublicPublishers()).toEqual(["Beta Weekly", "Daily Alpha"]);

    // Taken down: gone from search and the publisher list.
    await unpublishArticle({ articleId: b.articleId, version: b.version, editorId: ctx.users.editor.id });
    expect((await searchPublicFactChecks({})).total).toBe(2);
    expect(await listPublicPublishers()).toEqual(["Daily Alpha"]);
  });
});
