/**
 * Validation shared by the import actions (enforced on the server) and the
 * import forms (mirrored in the browser). Sizes come from lib/limits.ts.
 */
import { z } from "zod";
import { idSchema } from "./ids";
import { MAX_ARTICLE_CHARS, MAX_PASTED_HTML_CHARS, MAX_UPLOAD_BYTES } from "@/lib/limits";
import { completeWebAddress } from "@/lib/web-address";
import { count, tooLong, tooMany } from "./messages";
import { idempotencyKeyField } from "@/lib/submission-key";
import { BLOCK_KINDS } from "@/lib/anchoring/text";

/** A web article has a few hundred blocks at most; this bounds what a client can send. */
export const MAX_BLOCKS = 20_000;
/** The sanitized "as imported" HTML kept with a snapshot. */
export const MAX_SOURCE_HTML_CHARS = 6_000_000;

const optionalText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, tooLong(what))
    .nullish()
    .transform((v) => v || null);

const WEB_ADDRESS = /^https?:\/\/\S+$/i;
const FULL_ADDRESS = "Enter a full web address starting with http:// or https://, such as https://example.org/article.";

/** An article's address: "example.org/a" is completed to https://example.org/a (lib/web-address.ts), other schemes are refused. */
export const webUrl = z
  .string()
  .trim()
  .min(1, "Enter the article's web address.")
  .max(2048, tooLong("A web address"))
  .transform(completeWebAddress)
  .refine((v) => WEB_ADDRESS.test(v), FULL_ADDRESS);

export const previewSchema = z.discriminatedUnion("source", [
  z.object({ source: z.literal("url"), url: webUrl }),
  z.object({
    source: z.literal("paste"),
    format: z.enum(["text", "markdown", "html"]),
    content: z.string().min(1, "Paste the article text first.").max(MAX_PASTED_HTML_CHARS, tooLong("Pasted text")),
  }),
]);

const totalChars = (blocks: { text: string }[]) => blocks.reduce((n, b) => n + b.text.length, 0);

/** Where a block was in a PDF or a recording (lib/anchoring/text.ts BlockPlace): page, speaker, times in milliseconds. */
const placeSchema = z
  .object({
    page: z.number().int().min(1).max(100_000).optional(),
    speaker: z.string().trim().min(1).max(200, tooLong("A speaker's name")).optional(),
    startMs: z.number().int().min(0).max(1e9).optional(),
    endMs: z.number().int().min(0).max(1e9).optional(),
  })
  .strict()
  .optional();

export const blocksSchema = z
  .array(z.object({ kind: z.enum(BLOCK_KINDS), text: z.string().max(MAX_ARTICLE_CHARS, tooLong("A block of the article", "this one has")), place: placeSchema }))
  .min(1, "Keep at least one block of text.")
  .max(MAX_BLOCKS, tooMany("An article", "blocks"))
  .refine((blocks) => totalChars(blocks) <= MAX_ARTICLE_CHARS, {
    error: (issue) => `An article can be at most ${count(MAX_ARTICLE_CHARS)} characters long; this one has ${count(totalChars(issue.input as { text: string }[]))}.`,
  });

export const snapshotSourceSchema = {
  sourceHtml: z.string().max(MAX_SOURCE_HTML_CHARS, tooLong("The page kept for the \"as imported\" view", "this one has")).nullish().transform((v) => v ?? null),
  origin: z.string().max(2100, tooLong("Where the text came from", "this has")).nullish().transform((v) => v ?? null),
  /** The kept original (a PDF) the preview linked to. */
  originalFileId: idSchema.nullish().transform((v) => v ?? null),
};

/** An optional http(s) address in the metadata: empty means none. */
const optionalWebAddress = (message: string) =>
  z
    .string()
    .trim()
    .max(2048, tooLong("A web address"))
    .nullish()
    .transform((v) => (v ? completeWebAddress(v) : null))
    .refine((v) => v === null || WEB_ADDRESS.test(v), message);

export const metadataSchema = z.object({
  title: z.string().trim().min(1, "Give the article a title.").max(300, tooLong("The title")),
  sourceUrl: optionalWebAddress(FULL_ADDRESS),
  canonicalUrl: optionalWebAddress("The canonical address must start with http:// or https://."),
  publisher: optionalText(200, "The publisher"),
  author: optionalText(200, "The author"),
  language: optionalText(35, "The language"),
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

/** An uploaded file (FormData with a `file` field), before it is read. */
export const importFileSchema = z.object({
  file: z
    .instanceof(File, { message: "Choose a file." })
    .refine((f) => f.size > 0, "The file is empty.")
    .refine((f) => f.size <= MAX_UPLOAD_BYTES, {
      error: (issue) => `Files can be at most ${count(MAX_UPLOAD_BYTES / 1024 / 1024)} MB; this one is ${((issue.input as File).size / 1024 / 1024).toFixed(1)} MB.`,
    }),
});
