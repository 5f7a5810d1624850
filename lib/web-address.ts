/**
 * Completing a web address typed without its scheme: "example.org/a" is what
 * people copy from an address bar, and means https://example.org/a. Only a
 * bare host name (with a dot and a top-level domain, or localhost) is
 * completed; anything with a scheme of its own (ftp:, mailto:, javascript:)
 * is left as typed, so validation refuses it instead of guessing. Used by
 * the import form (shown in the field before fetching) and by the schemas
 * (the server completes the same way).
 */
const SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d)/i;
const BARE_HOST = /^(?:localhost|(?:[\p{L}\p{N}-]+\.)+[\p{L}]{2,})(?::\d{1,5})?(?:[/?#]|$)/iu;

export function completeWebAddress(input: string): string {
  const text = input.trim();
  if (!text || SCHEME.test(text)) return text;
  const bare = text.startsWith("//") ? text.slice(2) : text;
  return BARE_HOST.test(bare) ? `https://${bare}` : text;
}

/** The last part of a URL's path, as a file name for messages ("report.pdf"); "The document" when there is none. */
export function fileNameOfUrl(url: string): string {
  const last = new URL(url).pathname.split("/").pop() ?? "";
  try {
    return decodeURIComponent(last) || "The document";
  } catch {
    return last || "The document";
  }
}
