/**
 * What changed from one verdict revision to the next: rating, rationale
 * (a word diff summary) and citations added or removed (matched by URL,
 * since each revision stores its own copy of its citations).
 */
import { wordDiff, type TextChange } from "./text-diff";

export type RevisionLike = {
  revision: number;
  ratingLabel: string;
  rationale: string;
  citations: { url: string; title: string }[];
};

export type RevisionChange = {
  revision: number;
  rating: { from: string; to: string } | null;
  rationale: TextChange | null;
  citationsAdded: string[];
  citationsRemoved: string[];
  /** One line for the history list, e.g. "Rating Unsupported → Inaccurate · rationale +12/−3 words · 1 citation added". */
  summary: string;
};

const normalUrl = (url: string) => url.trim().replace(/\/$/, "").toLowerCase();
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Compares a revision with the one before it; `previous` null means the first proposal. */
export function describeRevision(previous: RevisionLike | null, current: RevisionLike): RevisionChange {
  if (!previous) {
    return {
      revision: current.revision,
      rating: null,
      rationale: null,
      citationsAdded: current.citations.map((c) => c.title),
      citationsRemoved: [],
      summary: `First proposal: ${current.ratingLabel}, ${plural(current.citations.length, "citation")}`,
    };
  }
  const rating = previous.ratingLabel !== current.ratingLabel ? { from: previous.ratingLabel, to: current.ratingLabel } : null;
  const rationale = previous.rationale.trim() !== current.rationale.trim() ? wordDiff(previous.rationale, current.rationale) : null;
  const before = new Set(previous.citations.map((c) => normalUrl(c.url)));
  const after = new Set(current.citations.map((c) => normalUrl(c.url)));
  const citationsAdded = current.citations.filter((c) => !before.has(normalUrl(c.url))).map((c) => c.title);
  const citationsRemoved = previous.citations.filter((c) => !after.has(normalUrl(c.url))).map((c) => c.title);
  const parts = [
    rating ? `Rating ${rating.from} → ${rating.to}` : "",
    rationale ? `rationale +${rationale.added}/−${rationale.removed} words` : "",
    citationsAdded.length ? `${plural(citationsAdded.length, "citation")} added` : "",
    citationsRemoved.length ? `${plural(citationsRemoved.length, "citation")} removed` : "",
  ].filter(Boolean);
  const summary = parts.length ? parts.join(" · ").replace(/^r/, "R") : "Resubmitted without changes";
  return { revision: current.revision, rating, rationale, citationsAdded, citationsRemoved, summary };
}

/** Changes for a whole history given oldest-first revisions; returned newest first, as the panel lists them. */
export function describeHistory(revisionsOldestFirst: RevisionLike[]): RevisionChange[] {
  return revisionsOldestFirst.map((r, i) => describeRevision(i === 0 ? null : revisionsOldestFirst[i - 1]!, r)).reverse();
}
