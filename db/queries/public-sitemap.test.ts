/**
 * The sitemap's queries: every live fact-check and every claim the pages
 * show, each exactly once across files of any size, nothing of drafts or
 * fact-checks taken down, and per-file summaries that agree with the files.
 */
import { describe, expect, it } from "vitest";
import type { Block } from "@/lib/anchoring/text";
import { fileSlice, seriesFiles, type FileSummary } from "@/lib/sitemap";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { approveTestClaim, createTestArticle, createTestClaim, publishTestArticle, SAMPLE_BLOCKS } from "@/testing/fixtures";
import { getClaimByIdOrThrow } from "./claims";
import { getPublicFactCheck } from "./public-fact-checks";
import { listSitemapClaims, listSitemapFactChecks, summarizeSitemapClaims, summarizeSitemapFactChecks } from "./public-sitemap";
import { getLivePublicationBySlug, publishArticle, unpublishArticle } from "./publications";
import { saveVersionAndReanchorClaims } from "./snapshots";

const ZINC = "zinc cures the flu within a day";
const FUNDED = "the study was funded by a supplement maker";

/** SAMPLE_BLOCKS edited: a new first paragraph, and the funding sentence gone. */
const EDITED: Block[] = [
  { kind: "paragraph", text: "Editor's note: this post was updated." },
  SAMPLE_BLOCKS[0]!,
  SAMPLE_BLOCKS[1]!,
  { kind: "paragraph", text: "The author adds nothing else." },
];

/** Reads a whole series file by file, as the routes do, at `perFile` a file. */
async function readSeries<T>(list: (w: { offset: number; limit: number }) => Promise<T[]>, summaries: FileSummary[], perFile: number, leading: number) {
  const files: T[][] = [];
  for (const { file } of seriesFiles("pages", summaries, perFile, leading)) files.push(await list(fileSlice(file.number, perFile, leading).rows));
  return files;
}

describe.each(testDialects())("the sitemap's queries on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  it("list every live fact-check and every claim its page shows, once, in files of any size", async () => {
    const { reviewer, editor } = ctx.users;
    const live = [];
    for (let i = 0; i < 3; i++) live.push((await publishTestArticle(ctx, `Sitemap live ${i}`)).publication);
    const down = (await publishTestArticle(ctx, "Sitemap taken down")).publication;
    await unpublishArticle({ articleId: down.articleId, version: down.version, editorId: editor.id });
    // A draft with an approved claim: never published, so in no list.
    const draft = await createTestArticle(reviewer.id, { title: "Sitemap draft" });
    const draftClaim = await createTestClaim(draft, ZINC, reviewer.id);
    await approveTestClaim(draftClaim.id, ctx.rating("Accurate").id, reviewer.id, editor.id);
    // Re-imported after publishing: the page keeps both claims where they were on the published snapshot.
    const moved = await createTestArticle(reviewer.id, { title: "Sitemap re-imported" });
    const zinc = await createTestClaim(moved, ZINC, reviewer.id);
    const funded = await createTestClaim(moved, FUNDED, reviewer.id);
    for (const c of [zinc, funded]) await approveTestClaim(c.id, ctx.rating("Inaccurate").id, reviewer.id, editor.id);
    live.push(await publishArticle({ articleId: moved.id, summary: "Both wrong.", editorId: editor.id }));
    await saveVersionAndReanchorClaims({ articleId: moved.id, basedOnVersionId: moved.currentVersionId!, blocks: EDITED, userId: reviewer.id });

    // Both claims left the published snapshot: only their anchors there keep them on the page.
    for (const c of [zinc, funded]) expect((await getClaimByIdOrThrow({ id: c.id })).versionId).not.toBe(live[3]!.versionId);

    const slugs = live.map((p) => p.slug).sort();
    const pageClaims: string[] = [];
    for (const slug of slugs) pageClaims.push(...(await getPublicFactCheck({ slug }))!.claims.map((c) => `${slug}/${c.id}`));
    expect(pageClaims).toContain(`${live[3]!.slug}/${zinc.id}`);
    expect(pageClaims).toContain(`${live[3]!.slug}/${funded.id}`);

    const allFactChecks = await listSitemapFactChecks({ offset: 0, limit: 100 });
    const allClaims = await listSitemapClaims({ offset: 0, limit: 100 });
    // In the database's own order (its collation), which the files and their summaries share.
    expect(allFactChecks.map((f) => f.slug).sort()).toEqual(slugs);
    expect(allClaims.map((c) => `${c.slug}/${c.claimId}`).sort()).toEqual([...pageClaims].sort());
    const updatedAt = new Map(live.map((p) => [p.slug, p.updatedAt.getTime()]));
    for (const c of allClaims) expect(c.updatedAt.getTime()).toBe(updatedAt.get(c.slug));

    for (const perFile of [1, 2, 3, 7, 100]) {
      for (const leading of [0, 4]) {
        const summaries = await summarizeSitemapFactChecks({ perFile, leading });
        const files = await readSeries(listSitemapFactChecks, summaries, perFile, leading);
        expect(files.flat(), `fact-checks, ${perFile} a file after ${leading}`).toEqual(allFactChecks);
        files.forEach((rows, i) => {
          const { fixed } = fileSlice(i + 1, perFile, leading);
          expect(rows.length + fixed.end - fixed.start).toBeLessThanOrEqual(perFile);
          expect(summaries.find((s) => s.file === i)?.lastmod ?? null).toEqual(rows.length ? new Date(Math.max(...rows.map((r) => r.updatedAt.getTime()))) : null);
        });
      }
      const summaries = await summarizeSitemapClaims({ perFile });
      expect(summaries.reduce((n, s) => n + s.urls, 0)).toBe(allClaims.length);
      const files = await readSeries(listSitemapClaims, summaries, perFile, 0);
      expect(files.flat(), `claims, ${perFile} a file`).toEqual(allClaims);
      files.forEach((rows, i) => {
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.length).toBeLessThanOrEqual(perFile);
        expect(summaries[i]).toEqual({ file: i, urls: rows.length, lastmod: new Date(Math.max(...rows.map((r) => r.updatedAt.getTime()))) });
      });
    }

    // Taking one down takes it and its claims out of every file.
    const gone = live[0]!;
    await unpublishArticle({ articleId: gone.articleId, version: (await getLivePublicationBySlug({ slug: gone.slug }))!.version, editorId: editor.id });
    expect((await listSitemapFactChecks({ offset: 0, limit: 100 })).map((f) => f.slug).sort()).toEqual(slugs.filter((s) => s !== gone.slug));
    expect((await listSitemapClaims({ offset: 0, limit: 100 })).some((c) => c.slug === gone.slug)).toBe(false);
    expect((await summarizeSitemapClaims({ perFile: 100 }))[0]!.urls).toBe(allClaims.filter((c) => c.slug !== gone.slug).length);
  });
});
