import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSourceChanges, resolveSourceChange } from "@/db/queries/source-changes";
import { getClaimByIdOrThrow } from "@/db/queries/claims";
import { proposeVerdict } from "@/db/queries/verdicts";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { testCitation } from "@/testing/fixtures";
import { articlePage, citeSources, startSourceSite, type SourceSite } from "@/testing/source-site";
import { archiveCitation } from "./archive-citation";
import { archivePolicyFromEnv, type ArchivePolicy } from "./archive-policy";
import { checkLink, dueLinkChecks } from "./link-check";

const QUOTE = "Masks cut transmission by half in the classroom trial.";
const ORIGINAL = articlePage("School masks study", ["Results from 40 schools.", `${QUOTE} Absences fell too.`]);
const REWRITTEN = articlePage("School masks study (updated)", ["Results from 40 schools.", "A reanalysis found no clear effect of masks. Absences fell too."]);
const DAY = 24 * 60 * 60 * 1000;

describe.each(testDialects())("link checks on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  let site: SourceSite;
  let policy: ArchivePolicy;
  beforeAll(async () => {
    site = await startSourceSite();
    policy = archivePolicyFromEnv({ ARCHIVE_ALLOW_HOSTS: site.hostRule });
  });
  afterAll(() => site.close());

  const kindsOf = (result: Awaited<ReturnType<typeof checkLink>>) => result!.changes.map((c) => c.kind).sort();
  const archiveRows = async (ids: string[]) => {
    const { db, t } = ctx.database;
    return db.select().from(t.citationArchives).where(inArray(t.citationArchives.citationId, ids));
  };

  it("reports a page that changed, lost the quote, vanished and moved, each once, and touches no archive", async () => {
    site.set("/masks", ORIGINAL);
    const { citations, article } = await citeSources(ctx, [{ url: site.url("/masks"), quote: QUOTE }]);
    const id = citations[0]!.id;
    expect((await archiveCitation(ctx.database, id, policy)).quoteStatus).toBe("found");
    const archivesBefore = await archiveRows([id]);

    // Unchanged page: nothing to report, and the copy is not stored again.
    expect(kindsOf(await checkLink(ctx.database, site.url("/masks"), policy))).toEqual([]);
    // Different bytes, same readable text (a nonce in a comment): still nothing.
    site.set("/masks", { html: ORIGINAL.html.replace("</body>", "<!-- nonce 81c2 --></body>") });
    expect(kindsOf(await checkLink(ctx.database, site.url("/masks"), policy))).toEqual([]);

    site.set("/masks", REWRITTEN);
    expect(kindsOf(await checkLink(ctx.database, site.url("/masks"), policy))).toEqual(["changed", "quote-lost"]);
    expect(kindsOf(await checkLink(ctx.database, site.url("/masks"), policy))).toEqual([]);
    const open = (await openSourceChanges()).filter((c) => c.citation.id === id);
    expect(open.map((c) => c.kind).sort()).toEqual(["changed", "quote-lost"]);
    expect(open[0]).toMatchObject({ citation: { url: site.url("/masks"), quote: QUOTE }, article: { id: article.id }, claim: { statement: "Claim: zinc cures the flu within a day" } });

    // Resolved stays resolved while the page reads the same; a further change is news again.
    for (const change of open) await resolveSourceChange(change.id, ctx.users.editor.id);
    expect((await openSourceChanges()).filter((c) => c.citation.id === id)).toEqual([]);
    expect(kindsOf(await checkLink(ctx.database, site.url("/masks"), policy))).toEqual([]);
    site.set("/masks", articlePage("School masks study", ["Withdrawn pending review."]));
    expect(kindsOf(await checkLink(ctx.database, site.url("/masks"), policy))).toEqual(["changed"]);

    site.set("/masks", { status: 404 });
    expect(kindsOf(await checkLink(ctx.database, site.url("/masks"), policy))).toEqual(["gone"]);
    expect(kindsOf(await checkLink(ctx.database, site.url("/masks"), policy))).toEqual([]);

    site.set("/masks", { redirect: "/archive/masks" });
    site.set("/archive/masks", ORIGINAL);
    expect(kindsOf(await checkLink(ctx.database, site.url("/masks"), policy))).toEqual(["moved"]);

    expect(await archiveRows([id])).toEqual(archivesBefore);
    const { db, t } = ctx.database;
    const purposes = await db.select({ purpose: t.sourceFetches.purpose }).from(t.sourceFetches).where(eq(t.sourceFetches.url, site.url("/masks")));
    expect(purposes.filter((p) => p.purpose === "link-check")).toHaveLength(9);
  });

  it("calls a quote lost once it is no longer word for word in the page (a corrected figure)", async () => {
    site.set("/figure", ORIGINAL);
    const { citations } = await citeSources(ctx, [{ url: site.url("/figure"), quote: QUOTE }]);
    expect((await archiveCitation(ctx.database, citations[0]!.id, policy)).quoteStatus).toBe("found");
    site.set("/figure", { html: ORIGINAL.html.replace("by half", "by a third") });
    expect(kindsOf(await checkLink(ctx.database, site.url("/figure"), policy))).toEqual(["changed", "quote-lost"]);
  });

  it("leaves resolving idempotent and audited", async () => {
    site.set("/resolve", ORIGINAL);
    const { citations } = await citeSources(ctx, [{ url: site.url("/resolve"), quote: QUOTE }]);
    await archiveCitation(ctx.database, citations[0]!.id, policy);
    site.set("/resolve", { status: 410 });
    const [change] = (await checkLink(ctx.database, site.url("/resolve"), policy))!.changes;
    const open = (await openSourceChanges()).find((c) => c.citation.id === citations[0]!.id)!;
    expect(open).toMatchObject({ kind: change!.kind, fetch: { httpStatus: 410, outcome: "gone" } });
    const first = await resolveSourceChange(open.id, ctx.users.editor.id);
    expect(first).toMatchObject({ resolvedBy: ctx.users.editor.id });
    expect(await resolveSourceChange(open.id, ctx.users.editor2.id)).toEqual(first);
    await expect(resolveSourceChange("no-such-change", ctx.users.editor.id)).rejects.toMatchObject({ code: "not_found:source_change" });
  });

  it("fetches nothing when archiving is off", async () => {
    site.set("/quiet", ORIGINAL);
    const before = site.hits.length;
    expect(await checkLink(ctx.database, site.url("/quiet"), archivePolicyFromEnv({ ARCHIVE: "off", ARCHIVE_ALLOW_HOSTS: site.hostRule }))).toBeNull();
    expect(site.hits.length).toBe(before);
  });

  it("plans due checks of live citations a day after their last fetch, spaced per host", async () => {
    const [a, b] = await Promise.all([startSourceSite(), startSourceSite()]);
    try {
      const both = archivePolicyFromEnv({ ARCHIVE_ALLOW_HOSTS: `${a.hostRule},${b.hostRule}` });
      for (const p of ["/due-1", "/due-2", "/due-3"]) a.set(p, articlePage(p, [`Page ${p}.`]));
      b.set("/due-4", articlePage("Other host", ["Page four."]));
      const now = new Date();
      const { citations, claim } = await citeSources(ctx, [{ url: a.url("/due-1") }, { url: a.url("/due-2") }, { url: b.url("/due-4") }]);
      for (const c of citations) await archiveCitation(ctx.database, c.id, both, { now: () => now });
      // A new revision no longer cites due-2, so it is not checked; its new citation of due-3 was never fetched.
      const current = await getClaimByIdOrThrow({ id: claim.id });
      const cites = [a.url("/due-1"), b.url("/due-4"), a.url("/due-3")].map((url) => testCitation({ url }));
      await proposeVerdict({ claimId: claim.id, claimVersion: current.version, ratingId: ctx.rating("Inaccurate").id, rationale: "Revised.", citations: cites, userId: ctx.users.reviewer.id });

      const ours = (plan: { url: string; startAfterMs: number }[]) => plan.filter((p) => p.url.startsWith(a.origin) || p.url.startsWith(b.origin)).sort((x, y) => x.url.localeCompare(y.url));
      expect(ours(await dueLinkChecks(ctx.database, new Date(now.getTime() + DAY - 60_000)))).toEqual([]);
      // due-3 gets its first fetch from the archive job, not from the link checker.
      expect(ours(await dueLinkChecks(ctx.database, new Date(now.getTime() + DAY + 60_000)))).toEqual(
        ours([
          { url: a.url("/due-1"), startAfterMs: 0 },
          { url: b.url("/due-4"), startAfterMs: 0 },
        ]),
      );
      await archiveCitation(ctx.database, (await citeSources(ctx, [{ url: a.url("/due-3") }])).citations[0]!.id, both, { now: () => now });
      const plan = await dueLinkChecks(ctx.database, new Date(now.getTime() + DAY + 60_000), { hostSpacingMs: 30_000 });
      expect(ours(plan)).toEqual(
        ours([
          { url: a.url("/due-1"), startAfterMs: 0 },
          { url: a.url("/due-3"), startAfterMs: 30_000 },
          { url: b.url("/due-4"), startAfterMs: 0 },
        ]),
      );
      // Soonest first, so a runner can walk the list in order.
      expect(plan.map((p) => p.startAfterMs)).toEqual([...plan.map((p) => p.startAfterMs)].sort((x, y) => x - y));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
