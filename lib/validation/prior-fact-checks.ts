import { z } from "zod";
import { PRIOR_ORIGINS } from "@/lib/prior-fact-checks";
import { tooLong, tooMany } from "./messages";
import { webUrl } from "./import";

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
