import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import { rankMatches, searchTerms } from "@/lib/claim-matching";
import { getDatabase } from "../client";
import type { StoredPriorFactCheck } from "./prior-fact-checks";

/**
 * Checks made before, outside this desk's own workflow: prior fact-checks brought in by import (ClaimReview,
 * Check reports), and the earlier verdict a Check item carried. Claim matching shows them as "already checked by
 * <who> on <date>: <rating>", with the link.
 */

/** Candidates fetched from the index before ranking. */
const CANDIDATES = 40;
const MAX_TERMS = 24;

export type PriorMatch = { prior: StoredPriorFactCheck; score: number };

/** Prior fact-checks whose claim says what `text` says, best first (the same similarity as claim matches). */
export async function findPriorMatches({ text, limit = 5 }: { text: string; limit?: number }): Promise<PriorMatch[]> {
  const terms = searchTerms(text, MAX_TERMS);
  if (terms.length === 0) return [];
  const database = await getDatabase();
  const { db, t } = database;
  let ids: string[];
  if (database.dialect === "sqlite") {
    // Each term quoted: FTS5 syntax in a claim's words must not be interpreted.
    const match = terms.map((term) => `"${term.replace(/"/g, "")}"`).join(" OR ");
    const rows = (await (db as unknown as { all(q: ReturnType<typeof sql>): Promise<unknown[]> }).all(
      sql`select p.id as id from (select rowid, rank from prior_fact_checks_fts where prior_fact_checks_fts match ${match} order by rank limit ${CANDIDATES}) f
          join prior_fact_checks p on p.rowid = f.rowid order by f.rank`,
    )) as { id: string }[];
    ids = rows.map((r) => r.id);
  } else {
    const query = terms.map((term) => term.replace(/[^\p{L}\p{N}]/gu, "")).filter(Boolean).join(" | ");
    if (!query) return [];
    // prior_fact_checks.search: a stored tsvector with a GIN index (migration 0018), not in the drizzle schema.
    const result = (await db.execute(
      sql`select p.id from prior_fact_checks p, to_tsquery('english'::regconfig, ${query}) q where p.search @@ q order by ts_rank(p.search, q) desc limit ${CANDIDATES}`,
    )) as unknown;
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { id: string }[];
    ids = rows.map((r) => r.id);
  }
  if (ids.length === 0) return [];
  const priors = await db.select().from(t.priorFactChecks).where(inArray(t.priorFactChecks.id, ids));
  const ranked = rankMatches(
    { statement: text, exact: text },
    priors.map((p) => ({ ...p, statement: p.claim, exact: p.claim })),
    limit,
  );
  return ranked.map(({ statement: _s, exact: _e, score, ...prior }) => ({ prior, score }));
}

export type EarlierVerdict = { workspace: string; checkedAt: string | null; ratingLabel: string | null; ratingColour: string | null; checkStatus: string | null; factCheckUrl: string | null };

/** The verdict claims brought in from Check carried there, by claim id (only claims that have one). */
export async function earlierVerdicts(claimIds: string[]): Promise<Map<string, EarlierVerdict>> {
  if (claimIds.length === 0) return new Map();
  const { db, t } = await getDatabase();
  const rows = await db
    .select({ origin: t.claimOrigins, label: t.ratings.label, colour: t.ratings.colour })
    .from(t.claimOrigins)
    .leftJoin(t.ratings, eq(t.ratings.id, t.claimOrigins.ratingId))
    .where(inArray(t.claimOrigins.claimId, claimIds));
  return new Map(
    rows.map((r) => [r.origin.claimId, { workspace: r.origin.workspace, checkedAt: r.origin.checkedAt, ratingLabel: r.label, ratingColour: r.colour, checkStatus: r.origin.checkStatus, factCheckUrl: r.origin.factCheckUrl }]),
  );
}
