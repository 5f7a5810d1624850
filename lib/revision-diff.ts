/**
 * What an editor approving a revision needs to see changed: everything a
 * reader would see differently (rating, statement, claimant, whether the
 * claim is on the page at all, rationale word by word, citations) between
 * two revisions of one claim. Pure, so the approvals page and tests share it.
 *
 * Citations are matched by URL (each revision stores its own copy of its
 * citations, so ids never match across revisions); the same URL with a new
 * title, quote or stance is a changed citation, not a removal plus an addition.
 */
import { sameClaimant, type Claimant } from "./claimant";
import { wordDiff, type TextChange } from "./text-diff";
import type { Stance } from "./validation/verdict";


export type ComparableCitation = {
  url: string;
  title: string;
  quote: string | null;
  stance: Stance;
  publisher?: string | null;
  publishedOn?: string | null;
  kind?: string;
  archiveUrl?: string | null;
  locator?: string | null;
};

/** One revision's reader-visible content, as far as comparing two revisions needs it. */
export type ComparableRevision = {
  id: string;
  revision: number;
  rating: { id: string; label: string; colour: string };
  rationale: string;
  citations: ComparableCitation[];
  statement: string;
  claimant: Claimant;
  withdrawnReason: string | null;
};

/** Fields other than title, quote and stance that readers see in a citation. */
export type CitationDetail = "publisher" | "publishedOn" | "kind" | "archiveUrl" | "locator";

export type ChangedCitation = {
  before: ComparableCitation;
  after: ComparableCitation;
  title: TextChange | null;
  quote: TextChange | null;
  stance: { from: Stance; to: Stance } | null;
  /** The URL as written differs only in case or a trailing slash. */
  url: { from: string; to: string } | null;
  details: CitationDetail[];
};

export type CitationDiff = {
  added: ComparableCitation[];
  removed: ComparableCitation[];
  changed: ChangedCitation[];
  unchanged: number;
  /** The citations kept are in a different order. */
  reordered: boolean;
};

/** Whether the claim leaves or comes back to the public page between the two revisions. */
export type PresenceChange =
  | { kind: "removed"; reason: string }
  | { kind: "reincluded"; previousReason: string }
  | { kind: "reason-changed"; from: string; to: string };

export type ClaimantChange = { from: Claimant; to: Claimant; fields: (keyof Claimant)[] };

export type RevisionDiff = {
  rating: { from: ComparableRevision["rating"]; to: ComparableRevision["rating"] } | null;
  statement: TextChange | null;
  claimant: ClaimantChange | null;
  presence: PresenceChange | null;
  rationale: TextChange | null;
  citations: CitationDiff;
  /** False when the two revisions show readers exactly the same thing. */
  changed: boolean;
};

/** Word diff of two texts (lib/text-diff.ts), or null when they are the same ignoring leading and trailing space. */
export function diffText(before: string | null | undefined, after: string | null | undefined): TextChange | null {
  const a = (before ?? "").trim();
  const b = (after ?? "").trim();
  return a === b ? null : wordDiff(a, b);
}

/** How citations are matched across revisions: the same rule as the verdict history panel. */
export function citationKey(url: string): string {
  return url.trim().replace(/\/+$/, "").toLowerCase();
}

const DETAILS: CitationDetail[] = ["publisher", "publishedOn", "kind", "archiveUrl", "locator"];
const same = (a: string | null | undefined, b: string | null | undefined) => (a?.trim() || null) === (b?.trim() || null);

/** Added, removed and changed citations from `before` to `after`; repeated URLs pair up in order. */
export function diffCitations(before: ComparableCitation[], after: ComparableCitation[]): CitationDiff {
  const waiting = new Map<string, number[]>();
  before.forEach((c, i) => {
    const key = citationKey(c.url);
    waiting.set(key, [...(waiting.get(key) ?? []), i]);
  });
  const matched = new Set<number>();
  const keptOrder: number[] = [];
  const added: ComparableCitation[] = [];
  const changed: ChangedCitation[] = [];
  let unchanged = 0;
  for (const next of after) {
    const index = waiting.get(citationKey(next.url))?.shift();
    if (index === undefined) {
      added.push(next);
      continue;
    }
    matched.add(index);
    keptOrder.push(index);
    const previous = before[index]!;
    const change: ChangedCitation = {
      before: previous,
      after: next,
      title: diffText(previous.title, next.title),
      quote: diffText(previous.quote, next.quote),
      stance: previous.stance !== next.stance ? { from: previous.stance, to: next.stance } : null,
      url: previous.url.trim() !== next.url.trim() ? { from: previous.url, to: next.url } : null,
      details: DETAILS.filter((field) => !same(previous[field], next[field])),
    };
    if (change.title || change.quote || change.stance || change.url || change.details.length) changed.push(change);
    else unchanged++;
  }
  const removed = before.filter((_, i) => !matched.has(i));
  const reordered = keptOrder.some((index, i) => i > 0 && index < keptOrder[i - 1]!);
  return { added, removed, changed, unchanged, reordered };
}

function presenceChange(before: string | null, after: string | null): PresenceChange | null {
  const from = before?.trim() || null;
  const to = after?.trim() || null;
  if (!from && to) return { kind: "removed", reason: to };
  if (from && !to) return { kind: "reincluded", previousReason: from };
  if (from && to && from !== to) return { kind: "reason-changed", from, to };
  return null;
}

const CLAIMANT_FIELDS: (keyof Claimant)[] = ["claimantName", "claimantKind", "claimantRole", "appearanceUrl", "appearanceDate"];

function claimantChange(before: Claimant, after: Claimant): ClaimantChange | null {
  if (sameClaimant(before, after)) return null;
  const fields = CLAIMANT_FIELDS.filter((k) => (before[k] ?? null) !== (after[k] ?? null));
  return { from: before, to: after, fields };
}

/** Everything readers would see change if `after` replaced `before`. */
export function diffRevisions(before: ComparableRevision, after: ComparableRevision): RevisionDiff {
  const rating = before.rating.id !== after.rating.id ? { from: before.rating, to: after.rating } : null;
  const statement = diffText(before.statement, after.statement);
  const claimant = claimantChange(before.claimant, after.claimant);
  const presence = presenceChange(before.withdrawnReason, after.withdrawnReason);
  const rationale = diffText(before.rationale, after.rationale);
  const citations = diffCitations(before.citations, after.citations);
  const citationsChanged = citations.added.length + citations.removed.length + citations.changed.length > 0 || citations.reordered;
  const changed = Boolean(rating || statement || claimant || presence || rationale || citationsChanged);
  return { rating, statement, claimant, presence, rationale, citations, changed };
}

export type Baseline = { kind: "published" | "previous"; revision: ComparableRevision };

/**
 * What to compare a proposed revision with: the published revision (what
 * readers see now) and the revision just before it, each once. When the
 * previous revision is the published one, one comparison covers both.
 */
export function comparisonBaselines(input: { proposed: ComparableRevision; published: ComparableRevision | null; previous: ComparableRevision | null }): Baseline[] {
  const { proposed, published, previous } = input;
  const baselines: Baseline[] = [];
  if (published && published.id !== proposed.id) baselines.push({ kind: "published", revision: published });
  if (previous && previous.id !== proposed.id && previous.id !== published?.id) baselines.push({ kind: "previous", revision: previous });
  return baselines;
}
