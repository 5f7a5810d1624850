/**
 * Validation shared by the import actions (enforced on the server) and the
 * import forms (mirrored in the browser). Sizes come from lib/limits.ts.
 */
import { z } from "zod";
import { MAX_ARTICLE_CHARS, MAX_PASTED_HTML_CHARS } from "@/lib/limits";
import { idempotencyKeyField } from "@/lib/submission-key";
import { BLOCK_KINDS } from "@/lib/anchoring/text";

/** A web article has a few hundred blocks at most; this bounds what a client can send. */
export const MAX_BLOCKS = 20_000;
/** The sanitized "as imported" HTML kept with a snapshot. */
export const MAX_SOURCE_HTML_CHARS = 6_000_000;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .nullish()
    .transform((v) => v || null);

export const webUrl = z
  .string()
  .trim()
  .min(1, "Enter the article's web address.")
  .max(2048, "That address is too long.")
  .refine((v) => /^https?:\/\/\S+$/i.test(v), "Enter a full web address starting with http:// or https://.");

export const previewSchema = z.discriminatedUnion("source", [
  z.object({ source: z.literal("url"), url: webUrl }),
  z.object({
    source: z.literal("paste"),
    format: z.enum(["text", "markdown", "html"]),
    content: z.string().min(1, "Paste the article text first.").max(MAX_PASTED_HTML_CHARS, "The pasted content is too large."),
  }),
]);

export const blocksSchema = z
  .array(z.object({ kind: z.enum(BLOCK_KINDS), text: z.string().max(MAX_ARTICLE_CHARS) }))
  .min(1, "Keep at least one block of text.")
  .max(MAX_BLOCKS, "The article has too many blocks.")
  .refine((blocks) => blocks.reduce((n, b) => n + b.text.length, 0) <= MAX_ARTICLE_CHARS, `The article is longer than ${MAX_ARTICLE_CHARS.toLocaleString("en")} characters.`);

export const snapshotSourceSchema = {
  sourceHtml: z.string().max(MAX_SOURCE_HTML_CHARS).nullish().transform((v) => v ?? null),
  origin: z.string().max(2100).nullish().transform((v) => v ?? null),
};

/** An optional http(s) address in the metadata: empty means none. */
const optionalWebAddress = (message: string) =>
  z
    .string()
    .trim()
    .max(2048)
    .nullish()
    .transform((v) => v || null)
    .refine((v) => v === null || /^https?:\/\/\S+$/i.test(v), message);

export const metadataSchema = z.object({
  title: z.string().trim().min(1, "Give the article a title.").max(300, "Use at most 300 characters."),
  sourceUrl: optionalWebAddress("Enter a full web address starting with http:// or https://."),
  canonicalUrl: optionalWebAddress("The canonical URL must start with http:// or https://."),
  publisher: optionalText(200),
  author: optionalText(200),
  language: optionalText(35),
  sourcePublishedOn: z
    .string()
    .nullish()
    .transform((v) => v || null)
    .refine((v) => v === null || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), "Use a date like 2024-03-31."),
});

export const saveImportSchema = metadataSchema.extend({
  blocks: blocksSchema,
  ...snapshotSourceSchema,
  /** The reviewer saw the existing article and wants a separate one all the same. */
  allowDuplicate: z.boolean().default(false),
  idempotencyKey: idempotencyKeyField,
});
