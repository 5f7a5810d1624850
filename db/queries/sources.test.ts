import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archiveCitation, markPending } from "@/server/sources/archive-citation";
import { archivePolicyFromEnv, type ArchivePolicy } from "@/server/sources/archive-policy";
import type { Capture } from "@/server/sources/capture";
import { checkLink } from "@/server/sources/link-check";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { testCitation } from "@/testing/fixtures";
import { articlePage, citeSources, startSourceSite, type SourceSite } from "@/testing/source-site";
import { getClaimByIdOrThrow } from "./claims";
import { getPublicFactCheck } from "./public-fact-checks";
import { publishArticle, unpublishArticle } from "./publications";
import { reviewVerdict } from "./reviews";
import { archiveForCitation, archivesForCitations, citationsWithArchives, publicArchive, saveCitationArchive, storeFetch } from "./sources";
import { getVerdictsWithCitations, proposeVerdict } from "./verdicts";

const QUOTE = "Hospital admissions fell by a third after the ban.";
const GB = 2 * 1024 ** 3;

/** A capture as the archiver would make it, without a network. */
function captured(sha: string, url = "https://news.example/story"): Capture {
  return {
    url,
    finalUrl: url,
    httpStatus: null,
    outcome: "archived",
    message: null,
    page: { sha256: sha.padEnd(64, "0"), contentType: "text/html", byteSize: 1200, title: "A story", blocks: [{ kind: "paragraph", text: QUOTE }], html: "<p>x</p>" },
  };
}

describe.each(testDialects())("archived sources on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  let site: SourceSite;
  let policy: ArchivePolicy;
  beforeAll(async () => {
    site = await startSourceSite();
    policy = archivePolicyFromEnv({ ARCHIVE_ALLOW_HOSTS: site.hostRule });
  });
  afterAll(() => site.close());

  it("stores one snapshot for the same bytes, even when two fetches store it at once", async () => {
    const { db, t } = ctx.database;
    const at = new Date();
    const stored = await Promise.all([1, 2, 3].map(() => storeFetch(ctx.database, captured("ab12"), { purpose: "cite", fetchedAt: at, totalMaxBytes: GB })));
    expect(new Set(stored.map((s) => s.fetch.id)).size).toBe(3);
    expect(new Set(stored.map((s) => s.snapshot!.id)).size).toBe(1);
    expect(await db.select().from(t.sourceSnapshots).where(eq(t.sourceSnapshots.sha256, "ab12".padEnd(64, "0")))).toHaveLength(1);
    expect(stored[0]!.snapshot).toMatchObject({ title: "A story", blocks: [{ kind: "paragraph", text: QUOTE }], html: "<p>x</p>", byteSize: 1200 });
  });

  it("reads archives in a batch: pending (every citation saved gets one), finished, and none for an unknown id", async () => {
    site.set("/batch", articlePage("Smoking ban study", [QUOTE]));
    const { citations } = await citeSources(ctx, [{ url: site.url("/batch"), quote: QUOTE }, { url: site.url("/batch") }]);
    const [a, b] = citations.map((x) => x.id) as [string, string];
    await archiveCitation(ctx.database, a, policy);
    const archives = await archivesForCitations([a, b, "no-such-citation", a]);
    expect([...archives.keys()].sort()).toEqual([a, b].sort());
    expect(archives.get(a)).toMatchObject({ quoteStatus: "found", fetch: { outcome: "archived" }, snapshot: { title: "Smoking ban study", contentType: "text/html" } });
    expect(archives.get(a)!.snapshot).not.toHaveProperty("blocks");
    expect(archives.get(b)).toMatchObject({ quoteStatus: "pending", fetch: null, snapshot: null, checkedAt: null });
    expect(await archiveForCitation("no-such-citation")).toBeNull();
    expect(await archivesForCitations([])).toEqual(new Map());
    // What the verdict loaders hand the desk and readers: the same, flat.
    const [withA, withB] = (await citationsWithArchives([citations[0]!.verdictId])).sort((x, y) => x.position - y.position);
    expect(withA!.archive).toMatchObject({ quoteStatus: "found", outcome: "archived", fetchId: archives.get(a)!.fetch!.id, sha256: archives.get(a)!.snapshot!.sha256 });
    expect(withB!.archive).toMatchObject({ quoteStatus: "pending", fetchId: null, sha256: null });
  });

  it("never overwrites a finished archive row", async () => {
    site.set("/kept", articlePage("Kept", [QUOTE]));
    const { citations } = await citeSources(ctx, [{ url: site.url("/kept"), quote: QUOTE }]);
    const id = citations[0]!.id;
    const first = await archiveCitation(ctx.database, id, policy);
    const again = await saveCitationArchive(ctx.database, { citationId: id, fetchId: null, quoteStatus: "not-found", quoteMatch: null, checkedAt: new Date() });
    expect(again).toEqual(first);
    await markPending(ctx.database, [id]);
    expect((await archiveForCitation(id))!.quoteStatus).toBe("found");
  });

  it("shows an archived copy to readers only while a published revision cites it", async () => {
    const { reviewer, editor } = ctx.users;
    site.set("/public", articlePage("Public source", [QUOTE]));
    site.set("/draft", articlePage("Draft source", ["Research notes, never published."]));
    const { article, claim, verdict, citations } = await citeSources(ctx, [{ url: site.url("/public"), quote: QUOTE }]);
    const published = (await archiveCitation(ctx.database, citations[0]!.id, policy)).fetchId!;
    expect(await publicArchive(published)).toBeNull();

    await reviewVerdict({ verdictId: verdict.id, decision: "approved", comment: "Checked.", editorId: editor.id });
    expect(await publicArchive(published)).toBeNull();
    const publication = await publishArticle({ articleId: article.id, summary: "One claim.", editorId: editor.id, headlineRatingId: ctx.rating("Inaccurate").id });
    expect(await publicArchive(published)).toMatchObject({
      fetch: { id: published, url: site.url("/public"), finalUrl: site.url("/public") },
      snapshot: { title: "Public source", contentType: "text/html", blocks: [{ kind: "heading", text: "Public source" }, { kind: "paragraph", text: QUOTE }] },
    });
    expect((await publicArchive(published))!.fetch).not.toHaveProperty("message");

    // A revision awaiting approval cites another page: its copy stays internal, the published one stays public.
    const current = await getClaimByIdOrThrow({ id: claim.id });
    const v2 = await proposeVerdict({ claimId: claim.id, claimVersion: current.version, ratingId: ctx.rating("Inaccurate").id, rationale: "More research.", citations: [testCitation({ url: site.url("/draft"), quote: null })], userId: reviewer.id, correctionNote: "Added a source." });
    const draftCitation = (await getVerdictsWithCitations({ ids: [v2.id] })).get(v2.id)!.citations[0]!;
    const draft = (await archiveCitation(ctx.database, draftCitation.id, policy)).fetchId!;
    expect(await publicArchive(draft)).toBeNull();
    expect(await publicArchive(published)).not.toBeNull();

    // A link check's own copy is never a citation's archive.
    const checked = await checkLink(ctx.database, site.url("/public"), policy);
    expect(await publicArchive(checked!.fetch.id)).toBeNull();
    expect(await publicArchive("no-such-fetch")).toBeNull();

    await unpublishArticle({ articleId: article.id, version: publication.version, editorId: editor.id });
    expect(await publicArchive(published)).toBeNull();
  });

  it("shows readers only an archive that was checked before an editor approved", async () => {
    const { editor } = ctx.users;
    site.set("/late", articlePage("Late source", [QUOTE]));
    const { article, verdict, citations, claim } = await citeSources(ctx, [{ url: site.url("/late"), quote: QUOTE }]);
    // Approved and published while the archive job had not run yet.
    await reviewVerdict({ verdictId: verdict.id, decision: "approved", comment: "Checked by hand.", editorId: editor.id });
    const publication = await publishArticle({ articleId: article.id, summary: "Late archive.", editorId: editor.id, headlineRatingId: ctx.rating("Inaccurate").id });
    const before = await getPublicFactCheck({ slug: publication.slug });
    const late = (await archiveCitation(ctx.database, citations[0]!.id, policy)).fetchId!;
    expect(await publicArchive(late)).toBeNull();
    const readers = (await getPublicFactCheck({ slug: publication.slug }))!;
    const shown = readers.claims.find((c) => c.id === claim.id)!.verdict.citations[0]!;
    expect(shown.archive).toBeNull();
    // The public page reads exactly as before: why the archive job leaves the public caches alone.
    expect(readers).toEqual(before);
    // The desk sees it all along.
    expect((await getVerdictsWithCitations({ ids: [verdict.id] })).get(verdict.id)!.citations[0]!.archive).toMatchObject({ quoteStatus: "found", fetchId: late });
  });
});
