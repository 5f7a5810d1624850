/**
 * Workflow rules (DESIGN.md, "Workflow"), as pure functions so they are
 * unit-tested once and used by every query that changes a state.
 *
 * The states are declared here once, as arrays, and everything else derives
 * from them: the types below, both database schemas (db/schema/*.ts, whose
 * text columns take the same arrays) and the pickers.
 */
export const ARTICLE_STATUSES = ["draft", "in_review", "awaiting_approval", "approved", "published"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const CLAIM_STATUSES = ["open", "verdict_proposed", "changes_requested", "approved", "excluded"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/**
 * Where a claim's quote stands in its snapshot (DESIGN.md, "Anchors"):
 * anchored: found at the stored position; moved: found elsewhere with
 * confidence; needs_review: a plausible match a human must confirm;
 * orphaned: nothing found (start/end keep their old values).
 */
export const ANCHOR_STATUSES = ["anchored", "moved", "needs_review", "orphaned"] as const;
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];

/** An editor's decision on a verdict revision. */
export const REVIEW_DECISIONS = ["approved", "changes_requested"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (value: unknown): value is T =>
    (values as readonly unknown[]).includes(value);

export const isArticleStatus = isOneOf(ARTICLE_STATUSES);
/** An article's or a claim's status, as the queues list them. */
export const isWorkflowStatus = isOneOf<ArticleStatus | ClaimStatus>([...ARTICLE_STATUSES, ...CLAIM_STATUSES]);

export const STATUS_LABELS: Record<ArticleStatus | ClaimStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  awaiting_approval: "Awaiting approval",
  approved: "Approved",
  published: "Published",
  open: "Open",
  verdict_proposed: "Verdict proposed",
  changes_requested: "Changes requested",
  excluded: "Excluded",
};

/**
 * An article's status follows from its claims: no claims yet → draft; any claim
 * still being worked → in_review; every checkable claim proposed or approved →
 * awaiting_approval; all approved → approved. A live publication stays published
 * (later changes become corrections).
 */
export function deriveArticleStatus(claimStatuses: ClaimStatus[], published: boolean): ArticleStatus {
  if (published) return "published";
  const checkable = claimStatuses.filter((s) => s !== "excluded");
  if (checkable.length === 0) return "draft";
  if (checkable.every((s) => s === "approved")) return "approved";
  if (checkable.every((s) => s === "approved" || s === "verdict_proposed")) return "awaiting_approval";
  return "in_review";
}

/**
 * A claim whose quote could not be placed confidently in a new snapshot
 * (needs_review or orphaned) must be settled by a reviewer before readers see
 * it, or the public page would highlight the wrong words.
 */
export function anchorReviewBlocker(claims: { status: ClaimStatus; anchorStatus: AnchorStatus }[]): string | null {
  const doubtful = claims.filter((c) => c.status !== "excluded" && (c.anchorStatus === "needs_review" || c.anchorStatus === "orphaned")).length;
  if (doubtful === 0) return null;
  return `${doubtful} claim${doubtful === 1 ? "'s" : "s'"} position in the new text needs a reviewer's decision before publishing (see the snapshot review).`;
}

/** Why an article cannot be published yet, or null when it can. */
export function publishBlocker(claimStatuses: ClaimStatus[]): string | null {
  const checkable = claimStatuses.filter((s) => s !== "excluded");
  if (checkable.length === 0) return "There are no claims to publish: add at least one claim, or keep the article as a draft.";
  const pending = checkable.filter((s) => s !== "approved").length;
  if (pending > 0) return `${pending} claim${pending === 1 ? " is" : "s are"} not approved yet. Every claim that is not excluded needs an approved verdict before publishing.`;
  return null;
}

/** Claims whose verdict can be (re)proposed: anything but excluded. Editing an approved verdict re-opens approval. */
export function canProposeVerdict(status: ClaimStatus): boolean {
  return status !== "excluded";
}

/** Two-person rule plus state: an editor may approve only someone else's current, proposed revision. */
export function reviewBlocker(input: { claimStatus: ClaimStatus; isCurrentRevision: boolean; authorId: string; editorId: string; alreadyReviewedByEditor: boolean }): string | null {
  if (input.authorId === input.editorId) return "You wrote this verdict, so you cannot approve or review it yourself. Another editor must review it (two-person rule).";
  if (!input.isCurrentRevision) return "This verdict has been revised since you opened it. Review the newest revision instead.";
  if (input.claimStatus !== "verdict_proposed") return "This verdict is not awaiting approval.";
  if (input.alreadyReviewedByEditor) return "You have already reviewed this revision.";
  return null;
}

/** URL slug from a title: lower-case ASCII words joined by hyphens, at most 80 characters. */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return slug || "fact-check";
}
