import { z } from "zod";
import { ROLES } from "@/lib/permissions";
import { PRIOR_ORIGINS } from "@/lib/prior-fact-checks";
import { tooLong, tooMany } from "./messages";
import { importFileSchema, webUrl } from "./import";

/** A ClaimReview file: JSON-LD, a DataFeed or a saved fact-check page, read as text in the browser. */
export const MAX_REVIEW_FILE_CHARS = 5_000_000;
/** Reviews one import may bring in: a DataFeed page or a few years of one outlet's reviews. */
export const MAX_REVIEWS_PER_IMPORT = 5_000;

export const previewPriorSchema = z.discriminatedUnion("source", [
  z.object({ source: z.literal("url"), url: webUrl }),
  z.object({
    source: z.literal("file"),
    name: z.string().trim().min(1, "Choose a file.").max(255, tooLong("A file name")),
    text: z.string().min(1, "The file is empty.").max(MAX_REVIEW_FILE_CHARS, tooLong("A ClaimReview file")),
  }),
]);

const optional = (max: number, what: string) => z.string().trim().max(max, tooLong(what)).nullable();

/** One previewed review, sent back to be stored: checked again here, since the browser's copy is not trusted. */
const priorItem = z.object({
  claim: z.string().trim().min(1, "A review without a claim cannot be imported.").max(2000, tooLong("A claim")),
  claimant: optional(200, "A claimant"),
  ratingLabel: optional(100, "A rating label"),
  ratingValue: z.number().min(1).max(5).nullable(),
  url: webUrl,
  datePublished: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Dates are written yyyy-mm-dd.").nullable(),
  publisher: optional(200, "A publisher"),
  language: optional(35, "A language tag"),
});

export const importPriorSchema = z.object({
  origin: z.enum(PRIOR_ORIGINS),
  label: z.string().trim().min(1).max(2048, tooLong("A web address or file name")),
  items: z.array(priorItem).min(1, "There is nothing to import.").max(MAX_REVIEWS_PER_IMPORT, tooMany("One import", "reviews")),
});

/** Statuses one Check workspace can have: Check's five defaults and the workspace's own. */
export const MAX_CHECK_STATUSES = 500;

/**
 * The choices of the Check import's mapping step, sent as JSON beside the ZIP (FormData carries strings): each
 * status → a rating id or null ("not a verdict"), each member's email → the role they get here.
 */
export const checkChoicesSchema = z.object({
  mapping: z.record(z.string().max(100, tooLong("A status")), z.string().max(64).nullable()).refine((m) => Object.keys(m).length <= MAX_CHECK_STATUSES, `A Check workspace can have at most ${MAX_CHECK_STATUSES} statuses.`),
  roles: z.record(z.string().max(320), z.enum(ROLES)).refine((r) => Object.keys(r).length <= 100_000, "Too many members."),
});

/** The ZIP again (actions keep no state between the preview and the import) with the choices as JSON text. */
export const importCheckSchema = importFileSchema.extend({
  choices: z
    .string()
    .max(5_000_000, tooLong("The mapping"))
    .transform((text, ctx) => {
      try {
        const parsed = checkChoicesSchema.safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
      } catch {
        // reported below
      }
      ctx.addIssue({ code: "custom", message: "The mapping of statuses and roles could not be read. Read the export again and retry." });
      return z.NEVER;
    }),
});
