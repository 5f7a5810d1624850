/**
 * Limits for claims shared by the new-claim form and the server action
 * (a plain module, so server code can import it without a client boundary).
 */

/** The restatement is what ClaimReview calls `claimReviewed`: short enough for a search result. */
export const MAX_STATEMENT = 120;

/** The longest passage a claim may quote: a claim is a sentence or two, so this is generous. */
export const MAX_QUOTE = 20_000;

/** The quote cut to MAX_STATEMENT UTF-16 units (what maxLength counts), never inside a surrogate pair. */
export function defaultStatement(quote: string): string {
  const trimmed = quote.trim();
  if (trimmed.length <= MAX_STATEMENT) return trimmed;
  let cut = trimmed.slice(0, MAX_STATEMENT);
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return cut.trimEnd();
}
