/** Merging two people's versions of the same verdict after a conflict. */

/**
 * Citations of both versions, mine first, theirs appended when their URL is
 * not already cited (a merge must not drop anyone's evidence).
 */
export function mergeCitations<C extends { url: string }>(mine: C[], theirs: C[]): C[] {
  const key = (url: string) => url.trim().replace(/\/$/, "").toLowerCase();
  const seen = new Set(mine.map((c) => key(c.url)));
  return [...mine, ...theirs.filter((c) => !seen.has(key(c.url)))];
}
