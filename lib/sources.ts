/**
 * The states of an archived source (issue: evidence that lasts). Shared by
 * both schema files, the archiver, the desk and the public API, so a state
 * has one spelling everywhere.
 */

/** How one fetch of a cited address ended. */
export const FETCH_OUTCOMES = ["archived", "gone", "unreachable", "refused", "too-large", "disabled"] as const;
export type FetchOutcome = (typeof FETCH_OUTCOMES)[number];

/** Why a fetch happened: a citation was saved, or the periodic link check. */
export const FETCH_PURPOSES = ["cite", "link-check"] as const;
export type FetchPurpose = (typeof FETCH_PURPOSES)[number];

/**
 * Whether a citation's quoted passage is in its archived copy: "pending"
 * until the archive job ran; "not-checked" when there is no quote or no copy.
 */
export const QUOTE_STATUSES = ["pending", "found", "close", "not-found", "not-checked"] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];

/** What a later link check found different from the archived copy. */
export const SOURCE_CHANGE_KINDS = ["gone", "moved", "changed", "quote-lost"] as const;
export type SourceChangeKind = (typeof SOURCE_CHANGE_KINDS)[number];
