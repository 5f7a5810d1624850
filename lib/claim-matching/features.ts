/**
 * What the re-ranker looks at for one query and one candidate the index found. Each feature is a number in
 * about 0..1; the weights that combine them are learned (scripts/train-matching.ts) and the reasons shown to a
 * reviewer come from the same comparisons. No feature looks at polarity: "does not cause" and "causes" are
 * the same claim for finding an earlier check, and the panel labels the difference instead.
 */
import { names, numbers, stems } from "./text";

export type MatchText = { statement: string; exact: string; claimant?: string | null };
/**
 * Where the index put the candidate: its rank (1 = first) and its score relative to the first one's (1 = as
 * good); and its BM25 over the words as matching reads them, relative to the best candidate's (the same on
 * both databases, whatever their index scores).
 */
export type Retrieval = { rank: number; relativeScore: number; relativeBm25: number };

export const FEATURE_NAMES = [
  "reciprocalRank",
  "relativeScore",
  "relativeBm25",
  "candidateCovered",
  "queryCovered",
  "statementCovered",
  "pairsCovered",
  "longWordsCovered",
  "rareCandidateCovered",
  "rareQueryCovered",
  "rarestShared",
  "numbersShared",
  "numbersMissing",
  "namesShared",
  "sameClaimant",
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

/** The comparable parts of a text, computed once per text. */
export type Profile = { counts: Map<string, number>; length: number; stems: Set<string>; pairs: Set<string>; numbers: Set<string>; names: Set<string>; statementStems: Set<string>; claimant: string | null };

export function profile(text: MatchText): Profile {
  const all = stems(`${text.statement} ${text.exact}`);
  const ordered = stems(text.exact || text.statement);
  const counts = new Map<string, number>();
  for (const s of all) counts.set(s, (counts.get(s) ?? 0) + 1);
  return {
    counts,
    length: all.length,
    stems: new Set(all),
    pairs: new Set(ordered.slice(1).map((s, i) => `${ordered[i]} ${s}`)),
    numbers: numbers(`${text.statement} ${text.exact}`),
    names: names(`${text.statement} ${text.exact}`),
    statementStems: new Set(stems(text.statement)),
    claimant: text.claimant?.trim().toLowerCase() || null,
  };
}

const shared = <T,>(a: Set<T>, b: Set<T>) => {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
};
const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
/** Stems of this length or more are mostly names and technical words: the rare words a claim is recognised by. */
const LONG = 7;

/** How telling a word is: inverse document frequency over the claims searched (words.ts's idf), or none known. */
export type Idf = (stem: string) => number;

export function features(query: Profile, candidate: Profile, retrieval: Retrieval, idf: Idf): Record<FeatureName, number> {
  const common = shared(query.stems, candidate.stems);
  const long = [...candidate.stems].filter((s) => s.length >= LONG);
  const weight = (set: Iterable<string>) => [...set].reduce((sum, s) => sum + idf(s), 0);
  const both = [...candidate.stems].filter((s) => query.stems.has(s));
  const rarest = Math.max(0, ...candidate.stems.size ? [...candidate.stems].map(idf) : [0]);
  return {
    rareCandidateCovered: share(weight(both), weight(candidate.stems)),
    rareQueryCovered: share(weight(both), weight(query.stems)),
    rarestShared: share(Math.max(0, ...both.map(idf)), rarest),
    reciprocalRank: 1 / retrieval.rank,
    relativeScore: Math.max(0, Math.min(1, retrieval.relativeScore)),
    relativeBm25: Math.max(0, Math.min(1, retrieval.relativeBm25)),
    candidateCovered: share(common, candidate.stems.size),
    queryCovered: share(common, query.stems.size),
    statementCovered: share(shared(query.stems, candidate.statementStems), candidate.statementStems.size),
    pairsCovered: share(shared(query.pairs, candidate.pairs), candidate.pairs.size),
    longWordsCovered: share(long.filter((s) => query.stems.has(s)).length, long.length),
    numbersShared: share(shared(query.numbers, candidate.numbers), candidate.numbers.size),
    numbersMissing: candidate.numbers.size > 0 && shared(query.numbers, candidate.numbers) === 0 ? 1 : 0,
    namesShared: share(shared(query.names, candidate.names), candidate.names.size),
    sameClaimant: query.claimant && candidate.claimant && query.claimant === candidate.claimant ? 1 : 0,
  };
}

const K1 = 1.2;
const B = 0.75;

/** BM25 of a candidate for the query's words (each once), against `averageLength` (the candidates' mean). */
export function bm25(query: Profile, candidate: Profile, idf: Idf, averageLength: number): number {
  let score = 0;
  for (const s of query.stems) {
    const tf = candidate.counts.get(s);
    if (tf) score += (idf(s) * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * candidate.length) / Math.max(1, averageLength)));
  }
  return score;
}

/** Why a candidate matches, in plain words: the shared words a person would notice (longest first), numbers, the claimant. */
export function reasons(query: Profile, candidate: Profile, candidateText: string): string[] {
  const out: string[] = [];
  const words = [...candidate.stems].filter((s) => query.stems.has(s) && !/^\d/.test(s)).sort((a, b) => b.length - a.length || a.localeCompare(b));
  if (words.length) out.push(`shares ${words.slice(0, 5).map((w) => `“${surface(w, candidateText)}”`).join(", ")}`);
  const nums = [...candidate.numbers].filter((n) => query.numbers.has(n));
  if (nums.length) out.push(`same ${nums.length === 1 ? "number" : "numbers"} ${nums.slice(0, 3).join(", ")}`);
  if (query.claimant && query.claimant === candidate.claimant) out.push("same claimant");
  return out;
}

/** The word as the candidate wrote it, for a stem ("withdraw" → "withdrawal"). */
function surface(stemmed: string, text: string): string {
  const found = text.match(new RegExp(`\\b${stemmed.replace(/[^\p{L}\p{N}]/gu, "")}[\\p{L}\\p{N}]*`, "iu"));
  return found ? found[0].toLowerCase() : stemmed;
}
