/**
 * Claim matching across articles: which earlier claims say the same thing?
 *
 * The database narrows the field with full-text search (SQLite FTS5, Postgres
 * tsvector; db/queries/claim-matches.ts); this module turns a claim into
 * search terms and gives the final, dialect-independent ranking, so both
 * databases order matches the same way. Plain functions, no I/O.
 */

/** Words that say nothing about what a claim is about. Hedges ("may", "suggest") are here too: they change how sure a claim is, not which claim it is. */
const STOPWORDS = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below between both but by can could did do does " +
    "doing down during each few for from further had has have having he her here hers him his how i if in into is it its itself just me more most my " +
    "no nor not of off on once only or other our out over own same she should so some such than that the their them then there these they this those " +
    "through to too under until up very was we were what when where which while who whom why will with would you your may might suggest suggests " +
    "suggested research study studies show shows shown according however while much many often potential potentially help helps"
  ).split(" "),
);

/** Negations decide whether two sentences agree, so they never count as noise. */
const NEGATIONS = new Set(["not", "no", "never", "cannot", "without"]);

/**
 * A light stemmer (plural, -ing, -ed, -ly, -ies): enough for "interacts" ~
 * "interact" ~ "interacting" in short claims, and predictable in tests.
 */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/[’']s$/u, "");
  if (w.length > 5 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  for (const suffix of ["ing", "edly", "ed", "ly", "es", "s"]) {
    if (w.length - suffix.length >= 4 && w.endsWith(suffix) && !w.endsWith("ss")) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w;
}

/** Lower-cased words (letters and digits, inner hyphens kept). */
export function words(text: string): string[] {
  return text.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Content words of a claim, in order, without duplicates: what the full-text query ORs together. */
export function searchTerms(text: string, max = 24): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    for (const part of w.split(/[-'’]/u)) {
      if (part.length < 3 || STOPWORDS.has(part) || out.includes(part)) continue;
      out.push(part);
      if (out.length >= max) return out;
    }
  }
  return out;
}

function stems(text: string): Set<string> {
  return new Set(searchTerms(text, 64).map(stem));
}

function hasNegation(text: string): boolean {
  return words(text).some((w) => NEGATIONS.has(w) || w.endsWith("n't"));
}

/**
 * How much two claims say the same thing (0..1): overlap of content stems
 * (Dice coefficient) over the statement and quote, with the statement
 * weighted higher (a reviewer's restatement is the cleanest form of the
 * claim). A claim and its negation ("is a cure" / "is not a cure") are
 * different claims: their score is halved.
 */
export function claimSimilarity(a: { statement: string; exact: string }, b: { statement: string; exact: string }): number {
  const dice = (x: Set<string>, y: Set<string>) => {
    if (x.size === 0 || y.size === 0) return 0;
    let shared = 0;
    for (const s of x) if (y.has(s)) shared++;
    return (2 * shared) / (x.size + y.size);
  };
  const statements = dice(stems(a.statement), stems(b.statement));
  const whole = dice(stems(`${a.statement} ${a.exact}`), stems(`${b.statement} ${b.exact}`));
  const score = 0.6 * statements + 0.4 * whole;
  const negationDiffers = hasNegation(a.statement) !== hasNegation(b.statement);
  return Math.round((negationDiffers ? score / 2 : score) * 1000) / 1000;
}

/** Below this a candidate shares a topic word or two but not the claim: not shown. */
export const MIN_MATCH_SCORE = 0.2;

/** Candidates ranked by similarity to `claim`, best first, weak ones dropped; ties keep the older claim first. */
export function rankMatches<T extends { statement: string; exact: string; createdAt: string | Date }>(
  claim: { statement: string; exact: string },
  candidates: T[],
  limit = 5,
): (T & { score: number })[] {
  return candidates
    .map((c) => ({ ...c, score: claimSimilarity(claim, c) }))
    .filter((c) => c.score >= MIN_MATCH_SCORE)
    // Equally similar claims: the most recent check first, as it reflects the newest evidence.
    .sort((x, y) => y.score - x.score || new Date(y.createdAt).getTime() - new Date(x.createdAt).getTime())
    .slice(0, limit);
}
