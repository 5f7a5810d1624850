import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { newId } from "@/lib/ids";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { approveTestClaim, createTestArticle, createTestClaim, proposeTestVerdict } from "@/testing/fixtures";
import { updateClaim } from "./claims";
import { publishArticle } from "./publications";
import { listPublicCorrections, listPublicVerdictSummaries } from "./public-fact-checks";

const ZINC = "zinc cures the flu within a day";
const VITAMIN = "vitamin D every day prevents 90% of colds";
const STUDY = "the study was funded by a supplement maker";

describe.each(testDialects())("public fact-check lists on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  async function published(title: string, ratings: [string, string]) {
    const { reviewer, editor } = ctx.users;
    const article = await createTestArticle(reviewer.id, { title });
    const zinc = await createTestClaim(article, ZINC, reviewer.id);
    const vitamin = await createTestClaim(article, VITAMIN, reviewer.id);
    const study = await createTestClaim(article, STUDY, reviewer.id);
    await approveTestClaim(zinc.id, ctx.rating(ratings[1]).id, reviewer.id, editor.id);
    await approveTestClaim(vitamin.id, ctx.rating(ratings[0]).id, reviewer.id, editor.id);
    await updateClaim({ id: study.id, version: study.version, excluded: { reason: "Not a claim" }, userId: reviewer.id });
    const publication = await publishArticle({ articleId: article.id, summary: "s", editorId: editor.id });
    return { article, publication, zinc, vitamin };
  }

  it("summarizes the approved verdicts of live fact-checks per slug, in text order", async () => {
    const a = await published("Summary one", ["Misleading", "Inaccurate"]);
    const b = await published("Summary two", ["Accurate", "Lacks context"]);
    const map = await listPublicVerdictSummaries({ slugs: [a.publication.slug, b.publication.slug, "unknown-slug"] });
    expect([...map.keys()].sort()).toEqual([a.publication.slug, b.publication.slug].sort());
    // VITAMIN comes before ZINC in the text; the excluded claim has no verdict and is left out.
    expect(map.get(a.publication.slug)!.map((v) => [v.label, v.value])).toEqual([["Misleading", 2], ["Inaccurate", 1]]);
    expect(map.get(b.publication.slug)!.map((v) => v.label)).toEqual(["Accurate", "Lacks context"]);
    expect(map.get(a.publication.slug)![0]!.colour).toMatch(/^#[0-9a-f]{6}$/);
    expect((await listPublicVerdictSummaries({ slugs: [] })).size).toBe(0);
  });

  it("keeps approved ratings while a revision awaits approval, and leaves out publications taken down", async () => {
    const { reviewer } = ctx.users;
    const { publication, zinc } = await published("Gated summary", ["Misleading", "Inaccurate"]);
    await proposeTestVerdict(zinc.id, ctx.rating("Accurate").id, reviewer.id, "New rationale", "Re-rated after new evidence.");
    // The revision awaits approval: the public keeps the approved rating (Inaccurate), not the proposed one.
    expect((await listPublicVerdictSummaries({ slugs: [publication.slug] })).get(publication.slug)!.map((v) => v.label)).toEqual(["Misleading", "Inaccurate"]);

    const { db, t } = ctx.database;
    await db.update(t.publications).set({ live: false }).where(eq(t.publications.id, publication.id));
    expect((await listPublicVerdictSummaries({ slugs: [publication.slug] })).has(publication.slug)).toBe(false);
  });

  it("lists a publication's corrections oldest first, without internal authorship", async () => {
    const { editor } = ctx.users;
    const { publication } = await published("With corrections", ["Misleading", "Inaccurate"]);
    const { db, t } = ctx.database;
    const later = new Date("2025-03-02T10:00:00.000Z");
    const earlier = new Date("2025-03-01T09:30:00.000Z");
    await db.insert(t.corrections).values([
      { id: newId(), publicationId: publication.id, note: "Second note", createdBy: editor.id, createdAt: later },
      { id: newId(), publicationId: publication.id, note: "First note", createdBy: editor.id, createdAt: earlier },
    ]);
    const corrections = await listPublicCorrections({ publicationId: publication.id });
    expect(corrections.map((c) => [c.note, c.createdAt.toISOString()])).toEqual([
      ["First note", earlier.toISOString()],
      ["Second note", later.toISOString()],
    ]);
    for (const c of corrections) expect(Object.keys(c).sort()).toEqual(["claimId", "createdAt", "id", "note"]);
    expect(await listPublicCorrections({ publicationId: "missing" })).toEqual([]);
  });
});
