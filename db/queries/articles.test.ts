import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { canonicalText } from "@/lib/anchoring/text";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { auditCounts, createTestArticle, createTestClaim, rejection, SAMPLE_TEXT } from "@/testing/fixtures";
import { createArticle, getArticleById, getArticleByIdOrThrow, getArticleVersion, hashText, listArticles } from "./articles";

describe.each(testDialects())("articles on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  it("creates a draft with a normalized first snapshot and its text hash", async () => {
    const { reviewer } = ctx.users;
    const article = await createTestArticle(reviewer.id, { title: "  Padded title  ", publisher: "", author: null });
    expect(article).toMatchObject({ title: "Padded title", status: "draft", publisher: null, author: null, createdBy: reviewer.id, version: 1 });
    expect(article.createdAt).toBeInstanceOf(Date);

    const snapshot = (await getArticleVersion({ id: article.currentVersionId! }))!;
    expect(snapshot).toMatchObject({ articleId: article.id, number: 1, createdBy: reviewer.id });
    expect(snapshot.blocks).toEqual([
      { kind: "heading", text: "Sunshine 🌞 and the common cold" },
      { kind: "paragraph", text: "Taking vitamin D every day prevents 90% of colds, the post says. 🙂 It also claims zinc cures the flu within a day." },
      { kind: "paragraph", text: "The author adds that the study was funded by a supplement maker." },
    ]);
    expect(canonicalText(snapshot.blocks)).toBe(SAMPLE_TEXT);
    expect(snapshot.textHash).toBe(hashText(SAMPLE_TEXT));
    expect(snapshot.textHash).toMatch(/^[0-9a-f]{64}$/);
    const { db, t } = ctx.database;
    expect(await db.select().from(t.articleVersions).where(eq(t.articleVersions.articleId, article.id)).orderBy(asc(t.articleVersions.number))).toEqual([snapshot]);
    expect(await auditCounts({ entityType: "article", entityId: article.id })).toEqual({ "article.create": 1 });
  });

  it("drops blocks that normalize to nothing", async () => {
    const article = await createTestArticle(ctx.users.reviewer.id, {
      blocks: [
        { kind: "paragraph", text: " \u00a0\t " },
        { kind: "paragraph", text: "Only\nthis" },
      ],
    });
    const snapshot = (await getArticleVersion({ id: article.currentVersionId! }))!;
    expect(snapshot.blocks).toEqual([{ kind: "paragraph", text: "Only this" }]);
  });

  it("refuses an article without text and writes nothing", async () => {
    const before = (await listArticles()).length;
    const error = await rejection(() =>
      createArticle({ title: "Empty", blocks: [{ kind: "paragraph", text: "  \n\u00a0 " }], userId: ctx.users.reviewer.id }),
    );
    expect(error.code).toBe("invalid:import");
    expect(error.message).toMatch(/no text/);
    const empty = await rejection(() => createArticle({ title: "Nothing", blocks: [], userId: ctx.users.reviewer.id }));
    expect(empty.code).toBe("invalid:import");
    expect((await listArticles()).length).toBe(before);
  });

  it("lists articles newest first with their claim counts, filtered by status", async () => {
    const { reviewer } = ctx.users;
    const none = await createTestArticle(reviewer.id, { title: "No claims" });
    const two = await createTestArticle(reviewer.id, { title: "Two claims" });
    await createTestClaim(two, "vitamin D every day prevents 90% of colds", reviewer.id);
    await createTestClaim(two, "zinc cures the flu within a day", reviewer.id);

    const list = await listArticles();
    const byId = new Map(list.map((a) => [a.id, a]));
    expect(byId.get(none.id)).toMatchObject({ claimCount: 0, status: "draft" });
    expect(byId.get(two.id)).toMatchObject({ claimCount: 2, status: "in_review" });
    const times = list.map((a) => a.updatedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const inReview = await listArticles({ status: "in_review" });
    expect(inReview.map((a) => a.id)).toContain(two.id);
    expect(inReview.map((a) => a.id)).not.toContain(none.id);
    expect(inReview.every((a) => a.status === "in_review")).toBe(true);
    expect(await listArticles({ limit: 1 })).toHaveLength(1);
  });

  it("reports a missing article as not found", async () => {
    expect(await getArticleById({ id: "missing" })).toBeNull();
    expect((await rejection(() => getArticleByIdOrThrow({ id: "missing" }))).code).toBe("not_found:article");
  });
});
