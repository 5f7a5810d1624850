/**
 * Claim matching: which claims checked before say what this one says? The database's full-text index finds
 * and ranks candidates over the whole claim (db/queries/claim-matches.ts: bm25 on SQLite FTS5, ts_rank_cd on
 * Postgres); this module re-ranks them with a learned model (model.ts) over comparisons of the two texts
 * (features.ts), says why each matches, and labels the ones that say the opposite. Plain functions, no I/O,
 * the same on both databases' candidates.
 */
import { bm25, features, profile, reasons, type Idf, type MatchText } from "./features";
import { matchScore, type Dialect } from "./model";
import { isNegated } from "./text";

export { searchTerms } from "./text";
export type { Idf, MatchText } from "./features";
export type { Dialect } from "./model";

/** Below this score a match is shown dimmed, as a weaker one. It never hides the first results. */
export const MATCH_DIM_BELOW = 0.35;

/** A candidate as the index returned it: its texts, its place in the index's ranking and its index score (higher is better). */
export type IndexedCandidate = MatchText & { indexScore: number; createdAt: string | Date };

export type RankedMatch<T> = T & {
  score: number;
  /** Why it matches, in plain words ("shares “mitragynine”, “receptors”", "same number 70"). */
  reasons: string[];
  /** One side denies what the other asserts: still the claim a fact-checker needs to see, with this label. */
  saysOpposite: boolean;
  dimmed: boolean;
};

/**
 * Candidates (in the index's order, best first) re-ranked by the model, best first; equal scores keep the
 * earlier claim first (the original check). The top `limit` are returned whatever their score.
 */
export function rerank<T extends IndexedCandidate>(dialect: Dialect, query: MatchText, candidates: T[], idf: Idf, limit = 5): RankedMatch<T>[] {
  if (candidates.length === 0) return [];
  const q = profile(query);
  const top = Math.max(...candidates.map((c) => c.indexScore), Number.MIN_VALUE);
  const negated = isNegated(`${query.statement} ${query.exact}`);
  const profiles = candidates.map((c) => profile(c));
  const averageLength = profiles.reduce((sum, p) => sum + p.length, 0) / profiles.length;
  const textScores = profiles.map((p) => bm25(q, p, idf, averageLength));
  const bestText = Math.max(...textScores, Number.MIN_VALUE);
  return candidates
    .map((c, i) => {
      const p = profiles[i]!;
      const retrieval = { rank: i + 1, relativeScore: c.indexScore / top, relativeBm25: textScores[i]! / bestText };
      const score = Math.round(matchScore(dialect, features(q, p, retrieval, idf)) * 1000) / 1000;
      return { ...c, score, reasons: reasons(q, p, `${c.statement} ${c.exact}`), saysOpposite: isNegated(`${c.statement} ${c.exact}`) !== negated, dimmed: score < MATCH_DIM_BELOW };
    })
    .sort((x, y) => y.score - x.score || new Date(x.createdAt).getTime() - new Date(y.createdAt).getTime())
    .slice(0, limit);
}
