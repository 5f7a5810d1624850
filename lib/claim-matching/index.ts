/**
 * Claim matching: which claims checked before say what this one says? The database's full-text index finds
 * candidates over the whole claim (db/queries/claim-matches.ts: bm25 on SQLite FTS5, ts_rank on Postgres);
 * this module scores them all by one BM25 over the words as matching reads them (the same on both databases),
 * re-ranks the best with a learned model (model.ts) over comparisons of the two texts (features.ts), says why
 * each matches, and labels the ones that say the opposite. Plain functions, no I/O.
 */
import { bm25, features, profile, reasons, type FeatureName, type Idf, type MatchText, type Profile } from "./features";
import { matchScore, type Dialect } from "./model";
import { isNegated } from "./text";

export { searchTerms } from "./text";
export type { Idf, MatchText } from "./features";
export type { Dialect } from "./model";

/** Below this score a match is shown dimmed, as a weaker one. It never hides the first results. */
export const MATCH_DIM_BELOW = 0.35;
/** Candidates the model re-ranks, the best by BM25: the right claim is among the first 40 for 96.5 % of the training posts, and no deeper. */
export const RERANK_DEPTH = 40;

/** A candidate as the index returned it: its texts, its index score (higher is better) and when it was made. */
export type IndexedCandidate = MatchText & { indexScore: number; createdAt: string | Date };

export type RankedMatch<T> = T & {
  score: number;
  /** Why it matches, in plain words ("shares “mitragynine”, “receptors”", "same number 70"). */
  reasons: string[];
  /** One side denies what the other asserts: still the claim a fact-checker needs to see, with this label. */
  saysOpposite: boolean;
  dimmed: boolean;
};

const age = (c: IndexedCandidate) => new Date(c.createdAt).getTime();

/**
 * The candidates worth re-ranking, with the model's features: all scored by BM25 over the words as matching
 * reads them (so both databases' candidates are ranked alike, whatever their index scores), best first, the
 * earlier claim first on a tie (a claim checked twice: the original check), cut to RERANK_DEPTH.
 */
export function featuresOf<T extends IndexedCandidate>(query: MatchText, candidates: T[], idf: Idf): { candidate: T; profile: Profile; values: Record<FeatureName, number> }[] {
  if (candidates.length === 0) return [];
  const q = profile(query);
  const topIndex = Math.max(...candidates.map((c) => c.indexScore), Number.MIN_VALUE);
  const profiles = candidates.map((c) => profile(c));
  const averageLength = profiles.reduce((sum, p) => sum + p.length, 0) / profiles.length;
  const pool = candidates
    .map((candidate, i) => ({ candidate, profile: profiles[i]!, text: bm25(q, profiles[i]!, idf, averageLength) }))
    .sort((x, y) => y.text - x.text || age(x.candidate) - age(y.candidate))
    .slice(0, RERANK_DEPTH);
  const bestText = Math.max(...pool.map((p) => p.text), Number.MIN_VALUE);
  return pool.map((p, i) => ({
    candidate: p.candidate,
    profile: p.profile,
    values: features(q, p.profile, { rank: i + 1, relativeScore: p.candidate.indexScore / topIndex, relativeBm25: p.text / bestText }, idf),
  }));
}

/** Candidates re-ranked by the model, best first; equal scores keep the earlier claim first. The top `limit` are returned whatever their score. */
export function rerank<T extends IndexedCandidate>(dialect: Dialect, query: MatchText, candidates: T[], idf: Idf, limit = 5): RankedMatch<T>[] {
  const q = profile(query);
  const negated = isNegated(`${query.statement} ${query.exact}`);
  return featuresOf(query, candidates, idf)
    .map(({ candidate: c, profile: p, values }) => {
      const score = Math.round(matchScore(dialect, values) * 1000) / 1000;
      return { ...c, score, reasons: reasons(q, p, `${c.statement} ${c.exact}`), saysOpposite: isNegated(`${c.statement} ${c.exact}`) !== negated, dimmed: score < MATCH_DIM_BELOW };
    })
    .sort((x, y) => y.score - x.score || age(x) - age(y))
    .slice(0, limit);
}
