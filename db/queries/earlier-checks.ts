import "server-only";
import { eq, inArray, sql } from "drizzle-orm";
import { rerank, type MatchText } from "@/lib/claim-matching";
import { getDatabase } from "../client";
import { rowsOf } from "./sql-rows";
import { claimWordRarity } from "./word-frequencies";
import { fts5AnyOf, fts5Relevance, pgRelevance, queryTerms, sqliteRows, tsQueryAnyOf } from "./full-text-query";
import type { StoredPriorFactCheck } from "./prior-fact-checks";

/**
 * Checks made before, outside this desk's own workflow: prior fact-checks brought in by import (ClaimReview,
 * Check reports), and the earlier verdict a Check item carried. Claim matching shows them as "already checked by
 * <who> on <date>: <rating>", with the link.
 */

/** Candidates fetched from the index before ranking. */
const CANDIDATES = 40;

export type PriorMatch = { prior: StoredPriorFactCheck; score: number; reasons: string[]; saysOpposite: boolean; dimmed: boolean };

/** Prior fact-checks whose claim says what `query` says, best first: the same full-text query and re-ranking as claim matches. */
export async function findPriorMatches({ query, limit = 5 }: { query: MatchText; limit?: number }): Promise<PriorMatch[]> {
  const terms = await queryTerms(`${query.statement} ${query.exact}`);
  if (terms.length === 0) return [];
  const database = await getDatabase();
  const { db, t } = database;
  let scored: { id: string; score: number }[];
  if (database.dialect === "sqlite") {
    scored = await sqliteRows<{ id: string; score: number }>(
      db,
      sql`select p.id as id, -f.score as score from (select rowid, ${fts5Relevance("prior_fact_checks_fts")} as score from prior_fact_checks_fts where prior_fact_checks_fts match ${fts5AnyOf(terms)} order by score limit ${CANDIDATES}) f
          join prior_fact_checks p on p.rowid = f.rowid order by f.score`,
    );
  } else {
    const tsquery = tsQueryAnyOf(terms);
    if (!tsquery) return [];
    // prior_fact_checks.search: a stored tsvector (the claim A, the claimant B) with a GIN index (migrations 0018, 0019), not in the drizzle schema.
    scored = rowsOf<{ id: string; score: number }>(
      await db.execute(
        sql`select p.id, ${pgRelevance(sql`p.search`, sql`q`)} as score from prior_fact_checks p, to_tsquery('english'::regconfig, ${tsquery}) q where p.search @@ q order by score desc limit ${CANDIDATES}`,
      ),
    );
  }
  if (scored.length === 0) return [];
  const rows = new Map((await db.select().from(t.priorFactChecks).where(inArray(t.priorFactChecks.id, scored.map((r) => r.id)))).map((p) => [p.id, p]));
  const candidates = scored.flatMap((r) => {
    const prior = rows.get(r.id);
    return prior ? [{ prior, statement: prior.claim, exact: "", claimant: prior.claimant, indexScore: Number(r.score), createdAt: prior.datePublished ?? prior.createdAt }] : [];
  });
  return rerank(database.dialect === "sqlite" ? "sqlite" : "postgres", query, candidates, (await claimWordRarity()).idf, limit).map((m) => ({ prior: m.prior, score: m.score, reasons: m.reasons, saysOpposite: m.saysOpposite, dimmed: m.dimmed }));
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
