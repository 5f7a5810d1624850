"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { tooLong } from "@/lib/validation/messages";
import { publishArticle, unpublishArticle } from "@/db/queries/publications";
import { action } from "@/server/action";
import { idempotencyKeyField } from "@/lib/submission-key";
import { idSchema } from "@/lib/validation/ids";

const id = idSchema;

const publishSchema = z.object({
  articleId: id,
  summary: z.string().trim().min(1, "Write a short summary for readers.").max(1000, tooLong("The summary")),
  headlineRatingId: z.string().min(1, "Choose the verdict for the article as a whole.").max(64),
  idempotencyKey: idempotencyKeyField,
});

/** Publishes the fact-check; a retry with the same idempotency key answers with the publication instead of "already published". */
export const publishArticleAction = action(publishSchema, { permission: "publish:article", invalidates: "public" }, async (input, user) => {
  const publication = await publishArticle({ ...input, editorId: user.id });
  revalidatePath(`/articles/${input.articleId}`);
  return { slug: publication.slug };
});

const unpublishSchema = z.object({ articleId: id, version: z.int().min(1) });

/** Takes a fact-check off the public site; the slug is kept for a later republish. */
export const unpublishArticleAction = action(unpublishSchema, { permission: "publish:article", invalidates: "public" }, async (input, user) => {
  const publication = await unpublishArticle({ ...input, editorId: user.id });
  revalidatePath(`/articles/${input.articleId}`);
  return { slug: publication.slug };
});
