import "server-only";
import { inArray, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { rankMatches, searchTerms } from "@/lib/claim-matching";
import { getDatabase } from "../client";
import { loadClaimDetails, type ClaimDetail } from "./claim-details";
import { earlierVerdicts, type EarlierVerdict } from "./earlier-checks";
import { activeLinksBetween } from "./claim-links";
import { getClaimByIdOrThrow, type Claim } from "./claims";

/** Full-text candidates fetched before the final ranking: generous, since the database's rank is only a first cut. */
const CANDIDATES = 40;

type SqliteHandle = { all(query: ReturnType<typeof sql>): Promise<unknown[]> };

/** A term in more claims than this (and this share of them) is left out of the SQLite query, if rarer terms remain. */
const COMMON_DOCS = 2000;
const COMMON_SHARE = 0.02;
const MIN_TERMS = 3;

/**
 * Terms without the very common ones, by claims_fts_vocab (migration 0008).
 * FTS5 indexes porter stems, which are (nearly always) a prefix of the word:
 * a word's count is that of its longest prefix in the vocabulary; a word
 * with none keeps its place. The rarest MIN_TERMS terms always stay.
 */
async function withoutCommonTerms(sqlite: SqliteHandle, terms: string[]): Promise<string[]> {
  if (terms.length <= MIN_TERMS) return terms;
  const prefixes = [...new Set(terms.flatMap((w) => Array.from({ length: Math.max(0, w.length - 2) }, (_, i) => w.slice(0, i + 3))))];
  const rows = (await sqlite.all(
    sql`select term, doc from claims_fts_vocab where term in (${sql.join(prefixes.map((p) => sql`${p}`), sql`, `)})
        union all select '', coalesce(max(rowid), 0) from claims`,
  )) as { term: string; doc: number }[];
  const docs = new Map(rows.map((r) => [r.term, Number(r.doc)]));
  const total = docs.get("") ?? 0;
  const df = (w: string) => {
    for (let n = w.length; n >= 3; n--) if (docs.has(w.slice(0, n))) return docs.get(w.slice(0, n))!;
    return 0;
  };
  const limit = Math.max(COMMON_DOCS, total * COMMON_SHARE);
  const byRarity = [...terms].sort((a, b) => df(a) - df(b));
  const keep = new Set(byRarity.filter((w, i) => i < MIN_TERMS || df(w) <= limit));
  return terms.filter((w) => keep.has(w));
}

/** Search terms per query: a claim's first content words carry it; more terms only widen the OR (and its cost) with noise. */
const MAX_TERMS = 12;

/**
 * Claims in other articles that share words with `text`, best first by the
 * database's own rank. SQLite: the claims_fts FTS5 table (porter stemming);
 * Postgres: the claims.search stored tsvector and its GIN index
 * claims_search_vector_idx (migration 0008). Both are maintained by the
 * database itself (trigger / generated column), so they never lag behind
 * writes. The top-k cut happens inside the index query: only `limit` (plus a
 * margin for the excluded article's own claims) rows are joined and returned.
 */
export async function fullTextCandidates({ text, excludeArticleId, limit = CANDIDATES }: { text: string; excludeArticleId: string; limit?: number }): Promise<Claim[]> {
  let terms = searchTerms(text, MAX_TERMS);
  if (terms.length === 0) return [];
  const database = await getDatabase();
  const { db, t } = database;
  // The claim's own article is excluded after the index's cut: fetch enough to still fill `limit`.
  const inner = limit * 2 + 10;
  let ids: string[];
  if (database.dialect === "sqlite") {
    terms = await withoutCommonTerms(db as unknown as SqliteHandle, terms);
    // Each term quoted: FTS5 query syntax (AND, NEAR, *, :) in a claim's words must not be interpreted.
    const match = terms.map((term) => `"${term.replace(/"/g, "")}"`).join(" OR ");
    // The handle is typed as Postgres (db/client.ts); on SQLite it is better-sqlite3's, which has all().
    const sqlite = db as unknown as SqliteHandle;
    // ORDER BY rank (bm25) LIMIT inside the FTS5 query: FTS5 keeps only the top rows instead of every match going through the join and sort.
    const rows = (await sqlite.all(
      sql`select c.id as id
          from (select rowid, rank from claims_fts where claims_fts match ${match} order by rank limit ${inner}) f
          join claims c on c.rowid = f.rowid
          where c.article_id <> ${excludeArticleId}
          order by f.rank, c.created_at desc limit ${limit}`,
    )) as { id: string }[];
    ids = rows.map((r) => r.id);
  } else {
    // Terms are letters and digits only (searchTerms), so joining them with | is a valid tsquery.
    const query = terms.map((term) => term.replace(/[^\p{L}\p{N}]/gu, "")).filter(Boolean).join(" | ");
    if (!query) return [];
    // claims.search is a stored generated column (migration 0008, not in the drizzle schema): ranking reads it instead of re-parsing each claim.
    const result = (await db.execute(
      sql`select f.id from (
            select c.id, c.article_id, c.created_at, ts_rank(c.search, q) as score
            from claims c, to_tsquery('english'::regconfig, ${query}) q
            where c.search @@ q
            order by score desc limit ${inner}
          ) f
          where f.article_id <> ${excludeArticleId}
          order by f.score desc, f.created_at desc limit ${limit}`,
    )) as unknown;
    // postgres.js returns the rows; PGlite (tests) an object holding them.
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { id: string }[];
    ids = rows.map((r) => r.id);
  }
  if (ids.length === 0) return [];
  return db.select().from(t.claims).where(inArray(t.claims.id, ids));
}

export type ClaimMatch = {
  claim: ClaimDetail;
  articleTitle: string;
  score: number;
  /** The active link between the two claims, when a reviewer recorded one. */
  linkId: string | null;
  /** For a claim brought in from Check: the verdict it carried there (never a Factdesk verdict). */
  earlier: EarlierVerdict | null;
};

/**
 * Earlier claims from other articles that say the same thing as `claimId`,
 * ranked (lib/claim-matching.ts), with verdict, status and citations.
 * Excluded claims are left out: they were judged not fact-checkable.
 */
export async function findClaimMatches({ claimId, limit = 5 }: { claimId: string; limit?: number }): Promise<ClaimMatch[]> {
  const claim = await getClaimByIdOrThrow({ id: claimId });
  const candidates = (await fullTextCandidates({ text: `${claim.statement} ${claim.exact}`, excludeArticleId: claim.articleId })).filter(
    (c) => c.status !== "excluded",
  );
  const ranked = rankMatches(claim, candidates, limit);
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
    return { claim: detail, articleTitle: titles.get(r.articleId) ?? "Untitled", score: r.score, linkId: linkOf(r.id), earlier: earlier.get(r.id) ?? null };
  });
}
