import "server-only";
import { inArray, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { rerank, type MatchText } from "@/lib/claim-matching";
import { getDatabase } from "../client";
import { rowsOf } from "./sql-rows";
import { claimWordRarity } from "./word-frequencies";
import { fts5AnyOf, fts5Relevance, pgRelevance, queryTerms, sqliteRows, tsQueryAnyOf } from "./full-text-query";
import { loadClaimDetails, type ClaimDetail } from "./claim-details";
import { earlierVerdicts, type EarlierVerdict } from "./earlier-checks";
import { activeLinksBetween } from "./claim-links";
import { getClaimByIdOrThrow, type Claim } from "./claims";

/**
 * Full-text candidates fetched before the final ranking: generous, since the database's rank is only a first cut
 * (Postgres's ts_rank knows nothing of how rare a word is; re-scored by BM25, its first 100 hold the right claim as
 * often as SQLite's bm25 does).
 */
const CANDIDATES = 100;

export type IndexedClaim = Claim & { indexScore: number };

/**
 * Claims in other articles that share words with `text`, best first by the index's own relevance over the
 * whole text with field weights: SQLite, bm25 over the claims_fts FTS5 table (porter stems, diacritics
 * removed); Postgres, ts_rank over the claims.search stored tsvector (statement weight A, quote B;
 * migrations 0008 and 0019). Both indexes are maintained by the database itself, so they never lag behind
 * writes. The top-k cut happens inside the index query. `indexScore`: higher is better, comparable within
 * one query.
 */
export async function fullTextCandidates({ text, excludeArticleId, limit = CANDIDATES }: { text: string; excludeArticleId: string; limit?: number }): Promise<IndexedClaim[]> {
  const terms = await queryTerms(text);
  if (terms.length === 0) return [];
  const database = await getDatabase();
  const { db, t } = database;
  // The claim's own article is excluded after the index's cut: fetch enough to still fill `limit`.
  const inner = limit * 2 + 10;
  let scored: { id: string; score: number }[];
  if (database.dialect === "sqlite") {
    scored = await sqliteRows<{ id: string; score: number }>(
      db,
      sql`select c.id as id, -f.score as score
          from (select rowid, ${fts5Relevance("claims_fts")} as score from claims_fts where claims_fts match ${fts5AnyOf(terms)} order by score limit ${inner}) f
          join claims c on c.rowid = f.rowid
          where c.article_id <> ${excludeArticleId}
          order by f.score, c.created_at limit ${limit}`,
    );
  } else {
    const query = tsQueryAnyOf(terms);
    if (!query) return [];
    const result = await db.execute(
      sql`select f.id, f.score from (
            select c.id, c.article_id, c.created_at, ${pgRelevance(sql`c.search`, sql`q`)} as score
            from claims c, to_tsquery('english'::regconfig, ${query}) q
            where c.search @@ q
            order by score desc limit ${inner}
          ) f
          where f.article_id <> ${excludeArticleId}
          order by f.score desc, f.created_at limit ${limit}`,
    );
    scored = rowsOf<{ id: string; score: number }>(result);
  }
  if (scored.length === 0) return [];
  const rows = new Map((await db.select().from(t.claims).where(inArray(t.claims.id, scored.map((r) => r.id)))).map((c) => [c.id, c]));
  return scored.flatMap((r) => (rows.has(r.id) ? [{ ...rows.get(r.id)!, indexScore: Number(r.score) }] : []));
}

export type ClaimMatch = {
  claim: ClaimDetail;
  articleTitle: string;
  score: number;
  reasons: string[];
  saysOpposite: boolean;
  dimmed: boolean;
  /** The active link between the two claims, when a reviewer recorded one. */
  linkId: string | null;
  /** For a claim brought in from Check: the verdict it carried there (never a Factdesk verdict). */
  earlier: EarlierVerdict | null;
};

/**
 * Claims that say what `query` says (a claim's restatement and quote, or free text as both), ranked by the
 * index and re-ranked by the model (lib/claim-matching), with score, reasons and polarity. Excluded claims
 * are left out: they were judged not fact-checkable.
 */
export async function findMatchesForText({ query, excludeArticleId = "", limit = 5 }: { query: MatchText; excludeArticleId?: string; limit?: number }) {
  const database = await getDatabase();
  const candidates = (await fullTextCandidates({ text: `${query.statement} ${query.exact}`, excludeArticleId })).filter((c) => c.status !== "excluded");
  return rerank(database.dialect === "sqlite" ? "sqlite" : "postgres", query, candidates.map((c) => ({ ...c, claimant: c.claimantName })), (await claimWordRarity()).idf, limit);
}

/** Earlier claims from other articles that say the same thing as `claimId`, ranked, with verdict, status, citations and why they match. */
export async function findClaimMatches({ claimId, limit = 5 }: { claimId: string; limit?: number }): Promise<ClaimMatch[]> {
  const claim = await getClaimByIdOrThrow({ id: claimId });
  const ranked = await findMatchesForText({ query: { statement: claim.statement, exact: claim.exact, claimant: claim.claimantName }, excludeArticleId: claim.articleId, limit });
  if (ranked.length === 0) return [];
  const { db, t } = await getDatabase();
  const details = new Map((await loadClaimDetails(ranked)).map((d) => [d.id, d]));
  const titles = new Map(
    (await db.select({ id: t.articles.id, title: t.articles.title }).from(t.articles).where(inArray(t.articles.id, [...new Set(ranked.map((r) => r.articleId))]))).map(
      (a) => [a.id, a.title],
    ),
  );
  const links = await db.select().from(t.claimLinks).where(activeLinksBetween(t.claimLinks, claim.id, ranked.map((r) => r.id)));
  const earlier = await earlierVerdicts(ranked.map((r) => r.id));
  const linkOf = (otherId: string) => links.find((l) => l.claimId === otherId || l.matchedClaimId === otherId)?.id ?? null;
  return ranked.map((r) => {
    const detail = details.get(r.id);
    if (!detail) throw new AppError("not_found:claim", "A matched claim disappeared while loading. Try again.");
    return { claim: detail, articleTitle: titles.get(r.articleId) ?? "Untitled", score: r.score, reasons: r.reasons, saysOpposite: r.saysOpposite, dimmed: r.dimmed, linkId: linkOf(r.id), earlier: earlier.get(r.id) ?? null };
  });
}
