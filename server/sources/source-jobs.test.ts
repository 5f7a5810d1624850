/**
 * The worker's archive sweep: an archive whose site did not answer is tried
 * again, an hour apart at least and three times in all, while its revision
 * waits for approval; once an editor approved, it stays as they saw it.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { reviewVerdict } from "@/db/queries/reviews";
import { archiveForCitation } from "@/db/queries/sources";
import type { JobHandler, JobQueue } from "@/server/jobs/queue";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { articlePage, citeSources, startSourceSite, type SourceSite } from "@/testing/source-site";
import { sourceJobHandlers, sweepArchives } from "./source-jobs";

const QUOTE = "Turnout rose by four points in the districts that mailed ballots.";
const HOUR = 60 * 60 * 1000;

describe.each(testDialects())("the archive sweep on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  let site: SourceSite;
  let archiveJob: JobHandler;
  const sent: string[] = [];
  // Records what the sweep sends; the test runs each job through the worker's own handler.
  const queue = {
    send: async (_name: string, data: Record<string, unknown>) => {
      sent.push(String(data.citationId));
      return String(data.citationId);
    },
  } as unknown as JobQueue;
  beforeAll(async () => {
    site = await startSourceSite();
    vi.stubEnv("ARCHIVE_ALLOW_HOSTS", site.hostRule);
    archiveJob = sourceJobHandlers(queue)["archive-citation"];
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await site.close();
  });

  /** One sweep as the worker runs it at `at`, and the archive jobs it sent, run to the end; returns the citations sent. */
  const sweep = async (at: number) => {
    sent.length = 0;
    await sweepArchives(queue, new Date(at));
    const ids = [...sent];
    for (const citationId of ids) await archiveJob({ citationId }, { id: citationId, attempt: 1, signal: new AbortController().signal });
    return ids;
  };
  const tries = async (url: string) => {
    const { db, t } = ctx.database;
    return (await db.select().from(t.sourceFetches).where(and(eq(t.sourceFetches.url, url), eq(t.sourceFetches.purpose, "cite")))).length;
  };

  it("tries an unreachable source again an hour later, and keeps the copy once the site answers", async () => {
    site.set("/down-for-a-while", { hangUp: true });
    const { citations } = await citeSources(ctx, [{ url: site.url("/down-for-a-while"), quote: QUOTE }]);
    const id = citations[0]!.id;
    const start = Date.now();
    expect(await sweep(start)).toContain(id);
    expect(await archiveForCitation(id)).toMatchObject({ quoteStatus: "not-checked", fetch: { outcome: "unreachable" } });

    expect(await sweep(start + HOUR / 2)).not.toContain(id);
    expect(await sweep(start + HOUR + 60_000)).toContain(id);
    expect(await archiveForCitation(id)).toMatchObject({ quoteStatus: "not-checked", fetch: { outcome: "unreachable" } });

    site.set("/down-for-a-while", articlePage("Mail ballots and turnout", [QUOTE]));
    expect(await sweep(start + 2 * HOUR + 120_000)).toContain(id);
    expect(await archiveForCitation(id)).toMatchObject({ quoteStatus: "found", fetch: { outcome: "archived" }, snapshot: { title: "Mail ballots and turnout" } });
    expect(await sweep(start + 5 * HOUR)).not.toContain(id);
    expect(await tries(site.url("/down-for-a-while"))).toBe(3);
  });

  it("gives up after three tries in all", async () => {
    site.set("/down-for-good", { hangUp: true });
    const { citations } = await citeSources(ctx, [{ url: site.url("/down-for-good"), quote: QUOTE }]);
    const id = citations[0]!.id;
    const start = Date.now();
    for (let hour = 0; hour < 3; hour++) expect(await sweep(start + hour * (HOUR + 60_000))).toContain(id);
    expect(await sweep(start + 10 * HOUR)).not.toContain(id);
    expect(await tries(site.url("/down-for-good"))).toBe(3);
    expect(await archiveForCitation(id)).toMatchObject({ quoteStatus: "not-checked", fetch: { outcome: "unreachable" } });
  });

  it("does not try again once an editor approved the revision", async () => {
    site.set("/down-when-approved", { hangUp: true });
    const { verdict, citations } = await citeSources(ctx, [{ url: site.url("/down-when-approved"), quote: QUOTE }]);
    const id = citations[0]!.id;
    const start = Date.now();
    expect(await sweep(start)).toContain(id);
    await reviewVerdict({ verdictId: verdict.id, decision: "approved", comment: "The source was down; checked another way.", editorId: ctx.users.editor.id });

    site.set("/down-when-approved", articlePage("Mail ballots and turnout", [QUOTE]));
    expect(await sweep(start + 2 * HOUR)).not.toContain(id);
    expect(await archiveForCitation(id)).toMatchObject({ quoteStatus: "not-checked", fetch: { outcome: "unreachable" } });
    expect(await tries(site.url("/down-when-approved"))).toBe(1);
  });
});
