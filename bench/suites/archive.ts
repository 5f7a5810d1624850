/**
 * Archiving cited sources (README, "Archived sources"):
 *
 * - quote check: a quote looked up in a 50,000-word page, found word for word,
 *   with one word changed ("close"), and absent (the slowest: the fuzzy search
 *   runs over the whole page), p95 of each;
 * - save → archived: a reviewer saves a verdict citing a page of a local site
 *   (real HTTP on 127.0.0.1); the time until its quote check is stored, with
 *   the queue and worker of the app (a table on SQLite, pg-boss on Postgres),
 *   p95 over 20 saves;
 * - throughput: 100 citations saved at once, until every one is archived.
 */
import { performance } from "node:perf_hooks";
import { eq, inArray } from "drizzle-orm";
import { openDatabase, useDatabase, type Database } from "../../db/client";
import { pendingArchiveIds } from "../../db/queries/citation-archives";
import { createArticle } from "../../db/queries/articles";
import { createClaim } from "../../db/queries/claims";
import { ensureDefaultRatings, listRatings } from "../../db/queries/ratings";
import { proposeVerdict } from "../../db/queries/verdicts";
import { DEMO_ACCOUNTS } from "../../db/seed/demo-accounts";
import { seedUsers } from "../../db/seed/users";
import { canonicalText, codePointLength, sliceCodePoints } from "../../lib/anchoring/text";
import { JOB_CONCURRENCY, jobHandlers } from "../../server/jobs/handlers";
import { openJobQueue } from "../../server/jobs/queue";
import { startWorker } from "../../server/jobs/worker";
import { queueArchives } from "../../server/sources/source-jobs";
import { checkQuote } from "../../server/sources/quote-check";
import { articlePage, startSourceSite, type SourceSite } from "../../testing/source-site";
import { onEachFreshDatabase, type BenchDatabase } from "../lib/databases";
import { benchOptions } from "../options";
import { percentile, type BenchResult, type BenchSuite } from "../types";
import { longArticle } from "./anchoring";

const SAVES = 20;
const BATCH = 100;

function quoteChecks(): BenchResult[] {
  const blocks = longArticle(50_000);
  const text = canonicalText(blocks);
  const length = codePointLength(text);
  // 100 passages of whole words (a reviewer copies words, not half-words), spread over the page.
  const quotes = Array.from({ length: 100 }, (_, i) => {
    const start = Math.floor((i / 100) * (length - 300));
    const raw = sliceCodePoints(text, start, start + 200);
    return raw.slice(raw.indexOf(" ") + 1, raw.lastIndexOf(" ")).trim();
  });
  const time = (quote: string, expected: string) => {
    const t0 = performance.now();
    const { status } = checkQuote(quote, blocks);
    const ms = performance.now() - t0;
    if (status !== expected) throw new Error(`quote check: expected ${expected}, got ${status} for "${quote.slice(0, 60)}…"`);
    return ms;
  };
  const found = quotes.map((q) => time(q, "found"));
  const close = quotes.map((q) => time(q.replace(/\b(\w{5,})\b/, "different"), "close"));
  const absent = quotes.slice(0, 30).map((_, i) => time(`Regulators in country ${i} approved an entirely unrelated product for sale last winter.`, "not-found"));
  const row = (metric: string, values: number[], goal: number): BenchResult => ({ suite: "archive", metric, value: percentile(values, 95), unit: "ms", goal, goalKind: "max" });
  // A background job's budget: the reviewer waits on "save → quote checked" below, which includes the fetch.
  return [row("quote check in 50k words, found, p95", found, 250), row("quote check in 50k words, one word changed, p95", close, 250), row("quote check in 50k words, absent, p95", absent, 250)];
}

async function seedDesk(database: Database) {
  useDatabase(database);
  const [reviewer] = await seedUsers(DEMO_ACCOUNTS);
  await ensureDefaultRatings();
  const rating = (await listRatings()).find((r) => r.label === "Accurate")!;
  const blocks = [{ kind: "paragraph" as const, text: "Kratom use doubled among adults, a survey says." }];
  const article = await createArticle({ title: "Bench: archive", blocks, userId: reviewer!.id });
  const claim = async () =>
    createClaim({ articleId: article.id, versionId: article.currentVersionId!, start: 0, end: 20, exact: "Kratom use doubled a", statement: "Kratom use doubled", userId: reviewer!.id });
  return { reviewer: reviewer!, rating, claim };
}

/** A page of ~2,000 words holding the quote cited from it. */
const FILLER = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} of the report describes the survey's method, its sample and the questions it asked, in plain words for readers.`);
const page = (path: string) => articlePage(`Report ${path}`, [...FILLER.slice(0, 20), `Finding ${path} holds for adults surveyed in 2024.`, ...FILLER.slice(20)]);

async function archiving(target: BenchDatabase, site: SourceSite): Promise<BenchResult[]> {
  const database = await openDatabase(target.url);
  const queue = await openJobQueue(target.url, { pollMs: 500 });
  try {
    const desk = await seedDesk(database);
    await startWorker(queue, jobHandlers(queue), { concurrency: JOB_CONCURRENCY });
    const cite = async (paths: string[]) => {
      for (const p of paths) site.set(p, page(p));
      const claim = await desk.claim();
      const verdict = await proposeVerdict({
        claimId: claim.id,
        claimVersion: claim.version,
        ratingId: desk.rating.id,
        rationale: "Bench.",
        citations: paths.map((p, i) => ({ url: site.url(p), title: `Source ${i}`, publisher: null, publishedOn: null, quote: `Finding ${p} holds for adults surveyed in 2024.`, locator: null, stance: "supports" as const, kind: "other" as const, archiveUrl: null })),
        userId: desk.reviewer.id,
      });
      await queueArchives(queue);
      return verdict.id;
    };
    const settled = async (verdictIds: string[]) => {
      const { db, t } = database;
      for (;;) {
        const rows = await db.select({ status: t.citationArchives.quoteStatus }).from(t.citationArchives).innerJoin(t.citations, eq(t.citations.id, t.citationArchives.citationId)).where(inArray(t.citations.verdictId, verdictIds));
        if (rows.length > 0 && rows.every((r) => r.status !== "pending")) return rows;
        await new Promise((r) => setTimeout(r, 25));
      }
    };
    const single: number[] = [];
    for (let i = 0; i < SAVES; i++) {
      const t0 = performance.now();
      const rows = await settled([await cite([`/single-${target.dialect}-${i}`])]);
      single.push(performance.now() - t0);
      if (rows[0]!.status !== "found") throw new Error(`archive bench: the quote was ${rows[0]!.status}`);
    }
    const t0 = performance.now();
    const verdicts = await Promise.all(Array.from({ length: BATCH / 10 }, (_, v) => cite(Array.from({ length: 10 }, (_, i) => `/batch-${target.dialect}-${v}-${i}`))));
    await settled(verdicts);
    const batchMs = performance.now() - t0;
    if ((await pendingArchiveIds()).length) throw new Error("archive bench: citations left pending");
    return [
      { suite: "archive", metric: `${target.dialect}: save → quote checked, p95 (${SAVES} saves)`, value: percentile(single, 95), unit: "ms", goal: 5000, goalKind: "max" },
      { suite: "archive", metric: `${target.dialect}: ${BATCH} citations saved at once → all archived`, value: batchMs, unit: "ms", detail: { perCitationMs: batchMs / BATCH } },
    ];
  } finally {
    await queue.stop();
    await database.close();
  }
}

export const suite: BenchSuite = {
  name: "archive",
  async run() {
    const results = quoteChecks();
    const site = await startSourceSite();
    process.env.ARCHIVE_ALLOW_HOSTS = site.hostRule;
    try {
      results.push(...(await onEachFreshDatabase(benchOptions().dialects, (target) => archiving(target, site))));
    } finally {
      await site.close();
    }
    return results;
  },
};
