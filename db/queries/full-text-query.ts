import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import { searchTerms } from "@/lib/claim-matching";
import { stem } from "@/lib/claim-matching/text";
import { claimWordRarity, type WordRarity } from "./word-frequencies";

/**
 * How a claim's words become a full-text query, the same for every index claim matching searches (the desk's
 * claims, prior fact-checks brought in by import): which words, and the query text each database takes. One
 * rule, so a prior fact-check is found and scored as a claim would be, and the re-ranker (trained on the
 * claims' index scores) reads both alike.
 */

/** Search terms read per query: the whole claim, so a name or key term late in a long post still counts (telling() then keeps the rarest). */
const MAX_TERMS = 40;
/** A term in more claims than this (and this share of them) is left out of the query, if rarer terms remain. */
const COMMON_DOCS = 2000;
const COMMON_SHARE = 0.02;
const MIN_TERMS = 3;

/**
 * The terms worth searching, in the claim's order: all but the very common ones, unless too few remain. (Cutting
 * long posts to their 16 rarest terms was tried: MAP@5 on the training posts fell from 0.854 to 0.787, while all
 * 40 terms still answer in 12 ms (SQLite) and 27 ms (Postgres) at p95 over 100,000 claims.)
 */
function telling(terms: string[], rarity: WordRarity): string[] {
  const df = (term: string) => rarity.documents(stem(term));
  const limit = Math.max(COMMON_DOCS, rarity.total * COMMON_SHARE);
  const byRarity = [...terms].sort((a, b) => df(a) - df(b));
  const keep = new Set(byRarity.filter((w, i) => i < MIN_TERMS || df(w) <= limit));
  return terms.filter((w) => keep.has(w));
}

/** The words of `text` a full-text query looks for: its content words, the very common ones left out. */
export async function queryTerms(text: string): Promise<string[]> {
  return telling(searchTerms(text, MAX_TERMS), await claimWordRarity());
}

/**
 * SQLite FTS5: the bm25 relevance in one of the two matching indexes, both laid out (the claim itself, its
 * context): the claim's words count twice, since the restatement says a claim most cleanly. Lower is better, as
 * bm25() gives it.
 */
export function fts5Relevance(table: "claims_fts" | "prior_fact_checks_fts"): SQL<number> {
  return sql<number>`bm25(${sql.raw(table)}, 2.0, 1.0)`;
}

/** Rows of a raw query on SQLite: the handle is typed as Postgres's (db/client.ts), but on SQLite it is better-sqlite3's, which has all(). */
export async function sqliteRows<T>(db: Database["db"], query: SQL): Promise<T[]> {
  return (await (db as unknown as { all(q: SQL): Promise<unknown[]> }).all(query)) as T[];
}

/** SQLite FTS5: any of the terms, each quoted, so FTS5 query syntax in a claim's words (AND, NEAR, *, :) is never interpreted. */
export function fts5AnyOf(terms: string[]): string {
  return terms.map((term) => `"${term.replace(/"/g, "")}"`).join(" OR ");
}

/**
 * Postgres: any of the terms as a tsquery, or null when none is left. Terms are letters and digits only, accents
 * folded as the indexes fold them (searchTerms), so joining them with | is a valid tsquery.
 */
export function tsQueryAnyOf(terms: string[]): string | null {
  return terms.map((term) => term.replace(/[^\p{L}\p{N}]/gu, "")).filter(Boolean).join(" | ") || null;
}

/**
 * Postgres: the relevance of a stored tsvector `search` for the tsquery `query`. Weights are {D, C, B, A} as the
 * index gives them (the claim itself A, its context B); normalization 1 divides by 1 + log(length), so a long text
 * does not win by sheer size. Chosen on the training posts over ts_rank_cd and other weights (MAP@5 0.754 against
 * ts_rank_cd's 0.736; the re-ranker then closes most of the gap to SQLite's bm25).
 */
export function pgRelevance(search: SQL, query: SQL): SQL<number> {
  return sql<number>`ts_rank('{0.1, 0.2, 1.0, 1.0}', ${search}, ${query}, 1)`;
}
