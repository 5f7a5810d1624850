/**
 * Archive on cite: when a reviewer saves citations, each gets a "pending"
 * archive row (markPending, in the same save) and a job that runs
 * archiveCitation: fetch the page (or reuse a copy fetched in the last day),
 * keep it, and check that the quoted passage is in it. What an editor
 * approves against is then fixed: a finished archive is never replaced.
 */
import "server-only";
import type { Database, Db } from "@/db/client";
import { citationWithArchive, insertPendingArchives, recentArchivedFetch, saveCitationArchive, storeFetch } from "@/db/queries/sources";
import { AppError } from "@/lib/errors";
import type { FetchDeps } from "@/server/fetch/safe-fetch";
import type { ArchivePolicy } from "./archive-policy";
import { capture } from "./capture";
import { checkQuote } from "./quote-check";

/** A copy this fresh is as good as a new fetch: citing one page ten times makes one request. */
const REUSE_WITHIN_MS = 24 * 60 * 60 * 1000;

type ArchiveDeps = { fetch?: FetchDeps; now?: () => Date };

/** Queues archive rows for citations just saved; the caller enqueues archiveCitation per id. Existing rows stay as they are. */
export async function markPending(database: Database, citationIds: string[], tx?: Db): Promise<void> {
  await insertPendingArchives(database, citationIds, tx);
}

/**
 * Archives one citation and checks its quote. Idempotent: a citation whose
 * archive is already finished is returned as it is, without any request
 * (so a retried job, or one for a revision already approved, changes nothing).
 */
export async function archiveCitation(database: Database, citationId: string, policy: ArchivePolicy, deps: ArchiveDeps = {}) {
  const found = await citationWithArchive(database, citationId);
  if (!found) throw new AppError("not_found:citation", "That citation does not exist.");
  const { citation, archive } = found;
  if (archive && archive.quoteStatus !== "pending") return archive;
  const now = deps.now?.() ?? new Date();

  let fetchId: string | null;
  let blocks = null;
  const recent = policy.enabled ? await recentArchivedFetch(database, citation.url, new Date(now.getTime() - REUSE_WITHIN_MS)) : null;
  if (recent) {
    fetchId = recent.fetch.id;
    blocks = recent.snapshot.blocks;
  } else {
    // With archiving off, capture() makes no request and says so; the fetch row records that nothing was kept.
    const stored = await storeFetch(database, await capture(citation.url, policy, deps.fetch), { purpose: "cite", fetchedAt: now, totalMaxBytes: policy.totalMaxBytes });
    fetchId = stored.fetch.id;
    blocks = stored.snapshot?.blocks ?? null;
  }
  const quote = checkQuote(citation.quote, blocks);
  return saveCitationArchive(database, {
    citationId,
    fetchId,
    quoteStatus: quote.status,
    // Only a near match needs its passage kept: the desk shows it as a word diff against the quote.
    quoteMatch: quote.status === "close" ? quote.match : null,
    checkedAt: now,
  });
}
