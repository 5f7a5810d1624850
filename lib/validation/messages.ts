/**
 * Validation messages in plain words. A refusal names what to fix and, for
 * a size limit, the limit and the size that was sent ("Pasted text can be at
 * most 3,000,000 characters; yours has 5,242,880."); it never names an
 * internal field, because people read these messages, not developers.
 *
 * - `tooLong`, `tooMany`: the error of a `.max()` check, with the thing named;
 * - `plainIssue`: the message for every issue a schema gives no message of
 *   its own (hidden fields: ids, versions); action() parses with it.
 */
import type { z } from "zod";

/** 3000000 → "3,000,000": limits are read by people. */
export const count = (n: number | bigint): string => Number(n).toLocaleString("en");

/** The size zod measured: characters of a string, items of an array or set, bytes of a file. */
function sizeOf(input: unknown): number | null {
  if (typeof input === "string" || Array.isArray(input)) return input.length;
  if (input instanceof Set || input instanceof Map) return input.size;
  if (typeof Blob !== "undefined" && input instanceof Blob) return input.size;
  return null;
}

type TooBig = z.core.$ZodRawIssue<z.core.$ZodIssueTooBig>;

/** "`what` can be at most N <unit>; yours has M." (the size only when zod reports the input). */
function atMost(what: string, unit: string, yours: string) {
  return {
    error: (issue: TooBig) => {
      const size = sizeOf(issue.input);
      return `${what} can be at most ${count(issue.maximum)} ${unit}${size === null ? "." : `; ${yours} ${count(size)}.`}`;
    },
  };
}

/** For `z.string().max(limit, tooLong("The summary"))`. */
export const tooLong = (what: string, yours = "yours has") => atMost(what, "characters", yours);

/** For `z.array(…).max(limit, tooMany("A verdict", "citations"))`. */
export const tooMany = (what: string, items: string) => atMost(`${what}`, items, "this one has");

const RELOAD = "Reload the page and try again.";

/**
 * Messages for issues without one of their own. Most come from fields people
 * do not type (ids, versions, choices the page sends): the honest advice is
 * to reload, since the page was probably out of date or tampered with.
 */
export function plainIssue(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case "too_big": {
      const size = sizeOf(issue.input);
      const unit = issue.origin === "string" ? "characters" : issue.origin === "file" ? "bytes" : issue.origin === "array" || issue.origin === "set" ? "items" : null;
      if (!unit) return `A number in the form can be at most ${count(issue.maximum)}. ${RELOAD}`;
      return `A field in the form can be at most ${count(issue.maximum)} ${unit}${size === null ? "" : `; it has ${count(size)}`}.`;
    }
    case "too_small": {
      if (issue.origin === "string" && Number(issue.minimum) <= 1) return "Fill in every required field.";
      const unit = issue.origin === "string" ? " characters" : issue.origin === "array" || issue.origin === "set" ? " items" : "";
      return `A field in the form needs at least ${count(issue.minimum)}${unit}. ${RELOAD}`;
    }
    case "invalid_type":
      return issue.input === undefined ? `Something the form needs is missing. ${RELOAD}` : `Something in the form is not what Factdesk expects. ${RELOAD}`;
    case "invalid_format":
      if (issue.format === "email") return "Enter a valid email address.";
      if (issue.format === "url") return "Enter a full web address, such as https://example.org/page.";
      return `Something in the form is not in the expected format. ${RELOAD}`;
    case "invalid_value":
      return `Choose one of the options offered. ${RELOAD}`;
    default:
      return `Something in the form is not valid. ${RELOAD}`;
  }
}

/** What every server action parses with: the schema's own messages first, plain words for the rest. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.ZodSafeParseResult<z.infer<S>> {
  return schema.safeParse(raw, { error: plainIssue });
}
