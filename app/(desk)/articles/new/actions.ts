"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createArticle } from "@/db/queries/articles";
import { blocksFromMarkdown } from "@/lib/markdown-blocks";
import { blocksFromPlainText } from "@/lib/text";
import { action } from "@/lib/server/action";
import { AppError } from "@/lib/errors";
import { MAX_ARTICLE_CHARS } from "@/lib/limits";


const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .optional()
    .transform((v) => v || null);

const importSchema = z.object({
  title: z.string().trim().min(1, "Give the article a title.").max(300, "Use at most 300 characters."),
  sourceUrl: z
    .string()
    .trim()
    .max(2048)
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || /^https?:\/\/[^\s]+$/i.test(v), "Enter a full web address starting with http:// or https://."),
  publisher: optionalText(200),
  author: optionalText(200),
  sourcePublishedOn: z
    .string()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), "Use a date like 2024-03-31."),
  format: z.enum(["text", "markdown"]).default("text"),
  text: z.string().min(1, "Paste the article text or choose a file.").max(MAX_ARTICLE_CHARS, `The text is longer than ${MAX_ARTICLE_CHARS.toLocaleString("en")} characters.`),
});

export const importArticleAction = action(importSchema, { permission: "write:desk" }, async (input, user) => {
  const blocks = input.format === "markdown" ? blocksFromMarkdown(input.text) : blocksFromPlainText(input.text);
  if (blocks.length === 0) throw new AppError("invalid:import", "The article has no readable text.", { fieldErrors: { text: ["No text found."] } });
  const article = await createArticle({ ...input, blocks, userId: user.id });
  redirect(`/articles/${article.id}`);
});
