import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { archiveForCitation } from "@/db/queries/sources";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { articlePage, citeSources, startSourceSite, type SourceSite } from "@/testing/source-site";
import { archiveCitation, markPending } from "./archive-citation";
import { archivePolicyFromEnv, type ArchivePolicy } from "./archive-policy";

const QUOTE = "No effect on the incidence of colds was found.";
const STUDY = articlePage("A randomised trial of vitamin D", [
  "We followed 5,660 adults for two years.",
  `${QUOTE} The authors call for larger trials.`,
]);
const HOUR = 60 * 60 * 1000;

describe.each(testDialects())("archiving citations on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  let site: SourceSite;
  let policy: ArchivePolicy;
  beforeAll(async () => {
    site = await startSourceSite();
    policy = archivePolicyFromEnv({ ARCHIVE_ALLOW_HOSTS: site.hostRule });
  });
  afterAll(() => site.close());

  const requests = (p: string) => site.hits.filter((h) => h === p).length;
  const fetchRow = async (id: string | null) => {
    const { db, t } = ctx.database;
    return (await db.select().from(t.sourceFetches).where(eq(t.sourceFetches.id, id!)))[0]!;
  };

  it("archives a cited page, finds its quote, and does nothing more when run again", async () => {
    site.set("/study", STUDY);
    const { citations } = await citeSources(ctx, [{ url: site.url("/study"), quote: QUOTE }]);
    const id = citations[0]!.id;
    await markPending(ctx.database, [id]);
    expect(await archiveForCitation(id)).toMatchObject({ quoteStatus: "pending", fetch: null, snapshot: null });

    const archive = await archiveCitation(ctx.database, id, policy);
    expect(archive).toMatchObject({ citationId: id, quoteStatus: "found", quoteMatch: null });
    const shown = (await archiveForCitation(id))!;
    expect(shown.fetch).toMatchObject({ url: site.url("/study"), finalUrl: site.url("/study"), outcome: "archived", purpose: "cite", message: null });
    expect(shown.snapshot).toMatchObject({ title: "A randomised trial of vitamin D", contentType: "text/html", byteSize: Buffer.byteLength(STUDY.html) });
    expect(shown.snapshot!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const { db, t } = ctx.database;
    const [snapshot] = await db.select().from(t.sourceSnapshots).where(eq(t.sourceSnapshots.id, shown.snapshot!.id));
    expect(snapshot!.blocks.map((b) => b.text)).toContain(`${QUOTE} The authors call for larger trials.`);
    expect(snapshot!.html).toContain("<article>");

    // Idempotent: the finished archive is returned as it is, without a request.
    const before = requests("/study");
    await markPending(ctx.database, [id]);
    expect(await archiveCitation(ctx.database, id, policy)).toEqual(archive);
    expect(requests("/study")).toBe(before);
  });

  it("calls a quote with small changes close and keeps the passage", async () => {
    site.set("/close", STUDY);
    const { citations } = await citeSources(ctx, [{ url: site.url("/close"), quote: "No effect on the incidence of colds was seen." }]);
    expect(await archiveCitation(ctx.database, citations[0]!.id, policy)).toMatchObject({ quoteStatus: "close", quoteMatch: QUOTE });
  });

  it("records a page that is gone with its status, and leaves the quote unchecked", async () => {
    site.set("/removed", { status: 503 });
    const { citations } = await citeSources(ctx, [{ url: site.url("/missing"), quote: QUOTE }, { url: site.url("/removed"), quote: QUOTE }]);
    const missing = await archiveCitation(ctx.database, citations[0]!.id, policy);
    expect(missing).toMatchObject({ quoteStatus: "not-checked", quoteMatch: null });
    expect(await fetchRow(missing.fetchId)).toMatchObject({ outcome: "gone", httpStatus: 404, message: "The site answered 404 (page not found).", snapshotId: null, finalUrl: null });
    const removed = await archiveCitation(ctx.database, citations[1]!.id, policy);
    expect(await fetchRow(removed.fetchId)).toMatchObject({ outcome: "gone", httpStatus: 503 });
  });

  it("records where a redirect ended", async () => {
    site.set("/old-address", { redirect: "/new-address" });
    site.set("/new-address", STUDY);
    const { citations } = await citeSources(ctx, [{ url: site.url("/old-address"), quote: QUOTE }]);
    const archive = await archiveCitation(ctx.database, citations[0]!.id, policy);
    expect(archive.quoteStatus).toBe("found");
    expect(await fetchRow(archive.fetchId)).toMatchObject({ url: site.url("/old-address"), finalUrl: site.url("/new-address"), outcome: "archived" });
  });

  it("keeps the same bytes once, whatever address they came from", async () => {
    const page = articlePage("Mirrored report", ["This report is mirrored on two sites, byte for byte."]);
    site.set("/mirror-a", page);
    site.set("/mirror-b", page);
    const { citations } = await citeSources(ctx, [{ url: site.url("/mirror-a") }, { url: site.url("/mirror-b") }]);
    const [a, b] = await Promise.all(citations.map((c) => archiveCitation(ctx.database, c.id, policy)));
    const [fa, fb] = [await fetchRow(a!.fetchId), await fetchRow(b!.fetchId)];
    expect(fa.id).not.toBe(fb.id);
    expect(fa.snapshotId).toBe(fb.snapshotId);
    expect([a!.quoteStatus, b!.quoteStatus]).toEqual(["not-checked", "not-checked"]);
  });

  it("reuses a copy fetched in the last day instead of asking the site again", async () => {
    site.set("/popular", STUDY);
    const now = new Date();
    const first = await citeSources(ctx, [{ url: site.url("/popular"), quote: QUOTE }]);
    const a = await archiveCitation(ctx.database, first.citations[0]!.id, policy, { now: () => now });
    const second = await citeSources(ctx, [{ url: site.url("/popular"), quote: "for two years" }]);
    const b = await archiveCitation(ctx.database, second.citations[0]!.id, policy, { now: () => new Date(now.getTime() + 23 * HOUR) });
    expect(requests("/popular")).toBe(1);
    expect([b.fetchId, b.quoteStatus]).toEqual([a.fetchId, "found"]);
    const third = await citeSources(ctx, [{ url: site.url("/popular") }]);
    const c = await archiveCitation(ctx.database, third.citations[0]!.id, policy, { now: () => new Date(now.getTime() + 25 * HOUR) });
    expect(requests("/popular")).toBe(2);
    expect(c.fetchId).not.toBe(a.fetchId);
  });

  it("never replaces a finished archive, even when the page changed since", async () => {
    site.set("/approved", STUDY);
    const { citations } = await citeSources(ctx, [{ url: site.url("/approved"), quote: QUOTE }]);
    const archived = await archiveCitation(ctx.database, citations[0]!.id, policy);
    site.set("/approved", articlePage("Retracted", ["This study was retracted."]));
    const again = await archiveCitation(ctx.database, citations[0]!.id, policy, { now: () => new Date(Date.now() + 48 * HOUR) });
    expect(again).toEqual(archived);
    expect(requests("/approved")).toBe(1);
  });

  it("fetches nothing when archiving is off", async () => {
    site.set("/off", STUDY);
    const { citations } = await citeSources(ctx, [{ url: site.url("/off"), quote: QUOTE }]);
    const off = archivePolicyFromEnv({ ARCHIVE: "off", ARCHIVE_ALLOW_HOSTS: site.hostRule });
    const archive = await archiveCitation(ctx.database, citations[0]!.id, off);
    expect(archive.quoteStatus).toBe("not-checked");
    expect(await fetchRow(archive.fetchId)).toMatchObject({ outcome: "disabled", snapshotId: null, message: "Archiving is turned off on this server." });
    expect(requests("/off")).toBe(0);
  });

  it("refuses a page over the size cap, and any new page once the archive is full", async () => {
    site.set("/big", articlePage("Big", ["word ".repeat(5000)]));
    site.set("/fits", articlePage("Small", ["A short page."]));
    const { citations } = await citeSources(ctx, [{ url: site.url("/big") }, { url: site.url("/fits") }]);
    const capped = archivePolicyFromEnv({ ARCHIVE_ALLOW_HOSTS: site.hostRule, ARCHIVE_MAX_BYTES: "10000" });
    const big = await archiveCitation(ctx.database, citations[0]!.id, capped);
    expect(await fetchRow(big.fetchId)).toMatchObject({ outcome: "too-large", snapshotId: null, message: "The page is larger than 10 KB, the most this server archives." });

    const { db, t } = ctx.database;
    const countSnapshots = async () => (await db.select({ id: t.sourceSnapshots.id }).from(t.sourceSnapshots)).length;
    const stored = await countSnapshots();
    const full = archivePolicyFromEnv({ ARCHIVE_ALLOW_HOSTS: site.hostRule, ARCHIVE_TOTAL_MAX_BYTES: "1" });
    const fits = await archiveCitation(ctx.database, citations[1]!.id, full);
    expect(await fetchRow(fits.fetchId)).toMatchObject({ outcome: "too-large", snapshotId: null, finalUrl: site.url("/fits") });
    expect((await fetchRow(fits.fetchId)).message).toMatch(/archive is full/);
    expect(await countSnapshots()).toBe(stored);
  });

  it("refuses internal addresses without connecting", async () => {
    const { citations } = await citeSources(ctx, [{ url: "http://169.254.169.254/latest/meta-data/" }, { url: "http://127.0.0.1/admin" }, { url: site.url("/internal-only") }]);
    const connections: string[] = [];
    const before = site.hits.length;
    const strict = archivePolicyFromEnv({});
    for (const c of citations) {
      const archive = await archiveCitation(ctx.database, c.id, strict, { fetch: { onConnect: (url) => connections.push(url.toString()) } });
      expect(await fetchRow(archive.fetchId)).toMatchObject({ outcome: "refused", snapshotId: null });
      expect(archive.quoteStatus).toBe("not-checked");
    }
    expect(connections).toEqual([]);
    expect(site.hits.length).toBe(before);
  });

  it("records a site that does not answer as unreachable", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));
    const { citations } = await citeSources(ctx, [{ url: `http://127.0.0.1:${port}/page` }]);
    const archive = await archiveCitation(ctx.database, citations[0]!.id, archivePolicyFromEnv({ ARCHIVE_ALLOW_HOSTS: `127.0.0.1:${port}` }));
    expect(await fetchRow(archive.fetchId)).toMatchObject({ outcome: "unreachable", httpStatus: null });
  });

  it("archives a PDF as text, without HTML", async () => {
    site.set("/report.pdf", { type: "application/pdf", body: fs.readFileSync(path.join(process.cwd(), "fixtures", "pdf", "report.pdf")) });
    const { citations } = await citeSources(ctx, [{ url: site.url("/report.pdf"), quote: "Kratom is a tropical tree" }]);
    const archive = await archiveCitation(ctx.database, citations[0]!.id, policy);
    expect(archive.quoteStatus).toBe("found");
    const { db, t } = ctx.database;
    const [snapshot] = await db.select().from(t.sourceSnapshots).where(eq(t.sourceSnapshots.id, (await fetchRow(archive.fetchId)).snapshotId!));
    expect(snapshot).toMatchObject({ contentType: "application/pdf", html: null });
    expect(snapshot!.blocks[0]).toMatchObject({ kind: "heading", place: { page: 1 } });
  });
});
