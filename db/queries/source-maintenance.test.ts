import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { sql, type SQL } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { articlePage, citeSources, startSourceSite, type SourceSite } from "@/testing/source-site";
import { archiveCitation } from "@/server/sources/archive-citation";
import { archivePolicyFromEnv, type ArchivePolicy } from "@/server/sources/archive-policy";
import type { Capture } from "@/server/sources/capture";
import { checkLink } from "@/server/sources/link-check";
import { archiveSize, archivedCopies, purgeUncitedCopies } from "./source-maintenance";
import { storeFetch } from "./sources";

const QUOTE = "Fluoride at 0.7 mg/L reduced caries by a quarter.";

/** A 1,000-byte page as the archiver would capture it, without a network. */
function captured(sha: string): Capture {
  const url = `https://news.example/${sha}`;
  const page = { sha256: sha.padEnd(64, "0"), contentType: "text/html", byteSize: 1000, title: null, blocks: [{ kind: "paragraph" as const, text: QUOTE }], html: null };
  return { url, finalUrl: url, httpStatus: null, outcome: "archived", message: null, page };
}

describe.each(testDialects())("archive maintenance on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  let site: SourceSite;
  let policy: ArchivePolicy;
  beforeAll(async () => {
    site = await startSourceSite();
    policy = archivePolicyFromEnv({ ARCHIVE_ALLOW_HOSTS: site.hostRule });
  });
  afterAll(() => site.close());

  it("exports every kept copy and purges only the copies no citation relies on", async () => {
    site.set("/fluoride", articlePage("Fluoride review", [QUOTE]));
    const { citations } = await citeSources(ctx, [{ url: site.url("/fluoride"), quote: QUOTE }]);
    const cited = await archiveCitation(ctx.database, citations[0]!.id, policy);
    // The page changes: the link check keeps a second copy, which no citation was checked against.
    site.set("/fluoride", articlePage("Fluoride review (revised)", ["The effect was smaller than first reported."]));
    await checkLink(ctx.database, site.url("/fluoride"), policy);

    const copies = [];
    for await (const row of archivedCopies(ctx.database)) copies.push(row);
    expect(copies.map((c) => c.fetch.purpose).sort()).toEqual(["cite", "link-check"]);
    expect((await archiveSize(ctx.database)).copies).toBe(2);

    expect(await purgeUncitedCopies(ctx.database, { before: new Date("2000-01-01") })).toEqual({ copies: 0, bytes: 0 });
    const purged = await purgeUncitedCopies(ctx.database);
    expect(purged.copies).toBe(1);
    const left = [];
    for await (const row of archivedCopies(ctx.database)) left.push(row);
    expect(left.map((c) => c.fetch.id)).toEqual([cited.fetchId]);
    // The link check's fetch is still on record, without its copy.
    const { db, t } = ctx.database;
    expect((await db.select().from(t.sourceFetches)).map((f) => [f.purpose, f.snapshotId === null]).sort()).toEqual([["cite", false], ["link-check", true]]);
  });

  it("counts each kept copy against the storage cap at once, and frees the room of purged copies", async () => {
    const totalMaxBytes = (await archiveSize(ctx.database)).bytes + 2500;
    const keep = async (sha: string) => (await storeFetch(ctx.database, captured(sha), { purpose: "link-check", fetchedAt: new Date(), totalMaxBytes })).fetch;
    expect(await keep("c1")).toMatchObject({ outcome: "archived", snapshotId: expect.any(String) });
    expect(await keep("c2")).toMatchObject({ outcome: "archived", snapshotId: expect.any(String) });
    expect(await keep("c3")).toMatchObject({ outcome: "too-large", snapshotId: null, message: expect.stringMatching(/archive is full/) });
    // The same bytes again take no room: the copy is shared.
    expect(await keep("c1")).toMatchObject({ outcome: "archived" });
    // No citation relies on the link checks' copies: a purge removes them, and a new copy fits again.
    expect((await purgeUncitedCopies(ctx.database)).copies).toBe(2);
    expect(await keep("c3")).toMatchObject({ outcome: "archived", snapshotId: expect.any(String) });
  });
});

// The command runs on a copy of an SQLite file (VACUUM INTO); what it reads is the same query on either dialect (above).
describe("npm run archive", () => {
  const ctx = useTestDatabase(testDialects()[0]!);
  let site: SourceSite;
  beforeAll(async () => {
    site = await startSourceSite();
  });
  afterAll(() => site.close());

  it("exports from the command line: a manifest line and the text of each kept copy", async () => {
    site.set("/cli", articlePage("Fluoride review", [QUOTE]));
    const { citations } = await citeSources(ctx, [{ url: site.url("/cli"), quote: QUOTE }]);
    await archiveCitation(ctx.database, citations[0]!.id, archivePolicyFromEnv({ ARCHIVE_ALLOW_HOSTS: site.hostRule }));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-archive-"));
    const file = path.join(dir, "copy.sqlite");
    // The command reads DATABASE_URL: it gets a copy of this suite's database, which keeps the cited copy above.
    await (ctx.database.db as unknown as { run(query: SQL): Promise<unknown> }).run(sql`VACUUM INTO ${file}`);
    const run = promisify(execFile);
    const env = { ...process.env, DATABASE_URL: `file:${file}` };
    const out = path.join(dir, "out");
    expect((await run("npx", ["tsx", "--conditions=react-server", "scripts/archive.ts", "export", out], { env })).stdout).toContain("Exported 1 archived fetch to");
    const [line, ...more] = fs.readFileSync(path.join(out, "manifest.jsonl"), "utf8").trim().split("\n");
    expect(more).toEqual([]);
    const entry = JSON.parse(line!) as { sha256: string; files: string[]; purpose: string };
    expect(entry).toMatchObject({ purpose: "cite", files: [`${entry.sha256}.txt`, `${entry.sha256}.html`] });
    expect(fs.readFileSync(path.join(out, entry.files[0]!), "utf8")).toContain(QUOTE);
    await expect(run("npx", ["tsx", "--conditions=react-server", "scripts/archive.ts", "purge", "--before", "soon"], { env })).rejects.toMatchObject({ stderr: expect.stringContaining("--before needs a date") });
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
