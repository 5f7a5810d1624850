/**
 * Link health: cited pages are fetched again about once a day and compared
 * with the copy each citation was archived with. What differs becomes a
 * source change for the desk (gone, moved, changed, quote lost); nothing a
 * reader sees changes here: citations, verdicts and their archives are never
 * touched, a person decides what the finding means.
 */
import "server-only";
import { and, desc, eq, exists, gt, inArray, isNotNull, notExists, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { storeFetch } from "@/db/queries/sources";
import { canonicalText, type Block } from "@/lib/anchoring/text";
import { newId } from "@/lib/ids";
import type { QuoteStatus, SourceChangeKind } from "@/lib/sources";
import type { FetchDeps } from "@/server/fetch/safe-fetch";
import type { ArchivePolicy } from "./archive-policy";
import { capture, type Capture } from "./capture";
import { checkQuote } from "./quote-check";

/** A page is looked at again once its newest fetch is this old. */
const CHECK_EVERY_MS = 24 * 60 * 60 * 1000;

/**
 * Cited addresses due for a check, each with when to start it: requests to
 * one host are spaced `hostSpacingMs` apart (10 s by default) so a site cited
 * a hundred times is not hit a hundred times at once; different hosts go in
 * parallel. Only citations readers see or will see count (the claim's current
 * or published revision), and only addresses fetched before (the archive job
 * makes the first fetch). `olderThanMs`: how old the newest fetch must be (a day;
 * an operator asking for a check now passes less).
 */
export async function dueLinkChecks(
  database: Database,
  now: Date,
  { hostSpacingMs = 10_000, olderThanMs = CHECK_EVERY_MS }: { hostSpacingMs?: number; olderThanMs?: number } = {},
): Promise<{ url: string; startAfterMs: number }[]> {
  const { db, t } = database;
  const fetchesOf = (after?: Date) =>
    db
      .select({ id: t.sourceFetches.id })
      .from(t.sourceFetches)
      .where(and(eq(t.sourceFetches.url, t.citations.url), after ? gt(t.sourceFetches.fetchedAt, after) : undefined));
  const rows = await db
    .selectDistinct({ url: t.citations.url })
    .from(t.citations)
    .innerJoin(t.claims, liveRevision(database))
    .where(and(exists(fetchesOf()), notExists(fetchesOf(new Date(now.getTime() - olderThanMs)))))
    .orderBy(t.citations.url);
  const perHost = new Map<string, number>();
  return rows
    .map(({ url }) => {
      const host = hostOf(url);
      const n = perHost.get(host) ?? 0;
      perHost.set(host, n + 1);
      return { url, startAfterMs: n * hostSpacingMs };
    })
    .sort((a, b) => a.startAfterMs - b.startAfterMs || a.url.localeCompare(b.url));
}

/**
 * Fetches `url` again (purpose "link-check") and records, for each live
 * citation of it that has an archived copy, what differs from that copy.
 * Returns the fetch and the changes recorded; null when archiving is off.
 */
export async function checkLink(database: Database, url: string, policy: ArchivePolicy, deps: { fetch?: FetchDeps; now?: () => Date } = {}) {
  if (!policy.enabled) return null;
  const now = deps.now?.() ?? new Date();
  const fresh = await capture(url, policy, deps.fetch);
  const cited = await archivedCitations(database, url);
  const texts = await knownTexts(database, url, cited);
  const text = fresh.page ? canonicalText(fresh.page.blocks) : null;
  // Pages differ byte for byte between requests (ads, nonces, timestamps): a copy that reads the same is kept once.
  const sameTextAs = text === null ? null : ([...texts].find(([, known]) => known === text)?.[0] ?? null);
  const { fetch } = await storeFetch(database, fresh, { purpose: "link-check", fetchedAt: now, totalMaxBytes: policy.totalMaxBytes, sameTextAs });
  const quoteNow = new Map<string, number>();
  const changes: { citationId: string; kind: SourceChangeKind }[] = [];
  for (const c of cited) {
    for (const kind of differences(fresh, text, c, texts, quoteNow)) {
      if (await alreadyKnown(database, c, kind, fresh, fetch.snapshotId)) continue;
      await database.db.insert(database.t.sourceChanges).values({ id: newId(), citationId: c.citationId, fetchId: fetch.id, kind, detectedAt: now }).onConflictDoNothing();
      changes.push({ citationId: c.citationId, kind });
    }
  }
  return { fetch, changes };
}

type ArchivedCitation = Awaited<ReturnType<typeof archivedCitations>>[number];

/** What differs between a fresh capture and one citation's archived copy. */
function differences(fresh: Capture, text: string | null, c: ArchivedCitation, texts: Map<string, string>, quoteNow: Map<string, number>): SourceChangeKind[] {
  // A timeout or refusal says nothing about the page: only a definite answer (an error status, no such domain) is "gone".
  if (fresh.outcome === "gone") return ["gone"];
  if (!fresh.page || text === null) return [];
  const kinds: SourceChangeKind[] = [];
  if (fresh.finalUrl !== c.finalUrl) kinds.push("moved");
  // The readable text, not the bytes, decides "changed" (see sameTextAs above).
  if (text !== texts.get(c.snapshotId)) kinds.push("changed");
  if (c.quote && (c.quoteStatus === "found" || c.quoteStatus === "close")) {
    if (!quoteNow.has(c.quote)) quoteNow.set(c.quote, QUOTE_RANK[checkQuote(c.quote, fresh.page.blocks).status]);
    // Weaker than in the copy the editor approved against: gone, or no longer word for word ("5%" became "6%").
    if (quoteNow.get(c.quote)! < QUOTE_RANK[c.quoteStatus]) kinds.push("quote-lost");
  }
  return kinds;
}

/** Live citations of `url` whose archive holds a copy, with that copy's final address and snapshot. */
async function archivedCitations(database: Database, url: string) {
  const { db, t } = database;
  return db
    .selectDistinct({
      citationId: t.citations.id,
      quote: t.citations.quote,
      quoteStatus: t.citationArchives.quoteStatus,
      finalUrl: t.sourceFetches.finalUrl,
      snapshotId: t.sourceFetches.snapshotId,
    })
    .from(t.citations)
    .innerJoin(t.claims, liveRevision(database))
    .innerJoin(t.citationArchives, eq(t.citationArchives.citationId, t.citations.id))
    .innerJoin(t.sourceFetches, eq(t.sourceFetches.id, t.citationArchives.fetchId))
    .where(and(eq(t.citations.url, url), eq(t.sourceFetches.outcome, "archived"), isNotNull(t.sourceFetches.snapshotId)))
    .then((rows) => rows.map((r) => ({ ...r, snapshotId: r.snapshotId! })));
}

/**
 * Readable text of the copies this address is compared with or may match:
 * the citations' archived copies and the copy the previous check kept.
 */
async function knownTexts(database: Database, url: string, cited: ArchivedCitation[]): Promise<Map<string, string>> {
  const { db, t } = database;
  const [previous] = await db
    .select({ snapshotId: t.sourceFetches.snapshotId })
    .from(t.sourceFetches)
    .where(and(eq(t.sourceFetches.url, url), isNotNull(t.sourceFetches.snapshotId)))
    .orderBy(desc(t.sourceFetches.fetchedAt))
    .limit(1);
  const ids = [...new Set([...cited.map((c) => c.snapshotId), ...(previous?.snapshotId ? [previous.snapshotId] : [])])];
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: t.sourceSnapshots.id, blocks: t.sourceSnapshots.blocks }).from(t.sourceSnapshots).where(inArray(t.sourceSnapshots.id, ids));
  return new Map(rows.map((r) => [r.id, canonicalText(r.blocks as Block[])]));
}

/**
 * Whether this finding is already on the desk or was dealt with: an open
 * change of the same kind for the citation, or the latest resolved one seen
 * on the same evidence (same status, same new address, same copy, quote
 * missing all along). Without
 * this a page that changed once would be reported again every day.
 */
async function alreadyKnown(database: Database, { citationId, quote }: ArchivedCitation, kind: SourceChangeKind, fresh: Capture, snapshotId: string | null): Promise<boolean> {
  const { db, t } = database;
  const earlier = await db
    .select({ change: t.sourceChanges, fetch: t.sourceFetches })
    .from(t.sourceChanges)
    .innerJoin(t.sourceFetches, eq(t.sourceFetches.id, t.sourceChanges.fetchId))
    .where(and(eq(t.sourceChanges.citationId, citationId), eq(t.sourceChanges.kind, kind)))
    .orderBy(desc(t.sourceChanges.detectedAt), desc(t.sourceChanges.id));
  if (earlier.some((e) => e.change.resolvedAt === null)) return true;
  const last = earlier[0];
  if (!last) return false;
  if (kind === "gone") {
    // Gone, back, and gone again is news even with the same status.
    const back = await db
      .select({ id: t.sourceFetches.id })
      .from(t.sourceFetches)
      .where(and(eq(t.sourceFetches.url, last.fetch.url), eq(t.sourceFetches.outcome, "archived"), gt(t.sourceFetches.fetchedAt, last.fetch.fetchedAt)))
      .limit(1);
    return back.length === 0 && last.fetch.httpStatus === fresh.httpStatus;
  }
  if (kind === "moved") return last.fetch.finalUrl === fresh.finalUrl;
  if (kind === "quote-lost") {
    // Still missing since it was dealt with, whatever else changed: news only if some copy in between had it back.
    const between = await db
      .selectDistinct({ blocks: t.sourceSnapshots.blocks })
      .from(t.sourceFetches)
      .innerJoin(t.sourceSnapshots, eq(t.sourceSnapshots.id, t.sourceFetches.snapshotId))
      .where(and(eq(t.sourceFetches.url, last.fetch.url), gt(t.sourceFetches.fetchedAt, last.fetch.fetchedAt)));
    return between.every((s) => checkQuote(quote, s.blocks as Block[]).status !== "found");
  }
  return last.fetch.snapshotId !== null && last.fetch.snapshotId === snapshotId;
}

/** How well a quote is in a copy: a drop from the archived copy's is a finding. */
const QUOTE_RANK: Record<QuoteStatus, number> = { found: 2, close: 1, "not-found": 0, "not-checked": 0, pending: 0 };

/** Joins `claims` to a citation whose revision is the claim's current or published one. */
function liveRevision({ t }: Database) {
  return or(eq(t.claims.currentVerdictId, t.citations.verdictId), eq(t.claims.publishedVerdictId, t.citations.verdictId))!;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}
