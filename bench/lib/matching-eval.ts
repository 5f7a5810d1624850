/**
 * Claim matching on the CLEF-2020 CheckThat! Task 2 data, through the production code: the verified claims
 * are loaded into a fresh database of each dialect (testing/claim-matching-data.ts) and each post goes through
 * the same full-text query and features the desk uses. Shared by the training script (train split) and the
 * bench (development split, never trained or tuned on).
 */
import { openDatabase, useDatabase, type Database } from "../../db/client";
import { findMatchesForText, fullTextCandidates } from "../../db/queries/claim-matches";
import { claimWordRarity } from "../../db/queries/word-frequencies";
import { featuresOf } from "../../lib/claim-matching";
import type { FeatureName } from "../../lib/claim-matching/features";
import { newId } from "../../lib/ids";
import { loadVerifiedClaims, queries, scoreRankings, type Query } from "../../testing/claim-matching-data";
import { freshDatabase } from "./databases";

export type Dialect = "sqlite" | "postgres";
export type Collected = { target: string; candidates: { vclaim: string; values: Record<FeatureName, number> }[] };

export type LoadedCollection = { dialect: Dialect; database: Database; vclaimOf: Map<string, string>; close(): Promise<void> };

/** A fresh database of `dialect` holding the 10,375 verified claims; null when Postgres is unreachable. */
export async function loadCollection(dialect: Dialect): Promise<LoadedCollection | null> {
  const fresh = await freshDatabase(dialect);
  if ("unavailable" in fresh) return null;
  const database = await openDatabase(fresh.url);
  useDatabase(database);
  const userId = newId();
  await database.db.insert(database.t.users).values({ id: userId, email: "matching@bench.test", name: "Matching bench", role: "reviewer", passwordHash: null });
  const vclaimOf = await loadVerifiedClaims(database, userId);
  return {
    dialect,
    database,
    vclaimOf,
    close: async () => {
      await database.close();
      await fresh.drop();
    },
  };
}

const asQuery = (q: Query) => ({ statement: q.text, exact: q.text });

/** For each post: the index's candidates (in its order) with their features, and the right answer. */
export async function collect(collection: LoadedCollection, split: "train" | "dev"): Promise<Collected[]> {
  useDatabase(collection.database);
  const out: Collected[] = [];
  for (const q of queries(split)) {
    const candidates = await fullTextCandidates({ text: q.text, excludeArticleId: "" });
    const pool = featuresOf(asQuery(q), candidates, (await claimWordRarity()).idf);
    out.push({ target: q.target, candidates: pool.map((c) => ({ vclaim: collection.vclaimOf.get(c.candidate.id)!, values: c.values })) });
  }
  return out;
}

/**
 * The development split ranked two ways in the same run: the index alone (the BM25 baseline on SQLite,
 * ts_rank_cd on Postgres) and the desk's matching (findMatchesForText: index, then the re-ranker), with
 * the time each query took.
 */
export async function evaluate(collection: LoadedCollection, split: "train" | "dev" = "dev") {
  useDatabase(collection.database);
  const index: { target: string; ranked: string[] }[] = [];
  const desk: { target: string; ranked: string[] }[] = [];
  const times: number[] = [];
  for (const q of queries(split)) {
    const candidates = await fullTextCandidates({ text: q.text, excludeArticleId: "" });
    index.push({ target: q.target, ranked: candidates.slice(0, 5).map((c) => collection.vclaimOf.get(c.id)!) });
    const t0 = performance.now();
    const ranked = await findMatchesForText({ query: asQuery(q) });
    times.push(performance.now() - t0);
    desk.push({ target: q.target, ranked: ranked.map((c) => collection.vclaimOf.get(c.id)!) });
  }
  return { queries: index.length, index: scoreRankings(index), desk: scoreRankings(desk), times };
}
