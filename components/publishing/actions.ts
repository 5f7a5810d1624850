"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { publishArticle } from "@/db/queries/publications";
import { action } from "@/lib/server/action";

const publishSchema = z.object({
  articleId: z.string().min(1).max(64),
  summary: z.string().trim().min(1, "Write a short summary for readers.").max(1000, "Keep the summary under 1,000 characters."),
});

export const publishArticleAction = action(publishSchema, { permission: "publish:article" }, async (input, user) => {
  const publication = await publishArticle({ ...input, editorId: user.id });
  revalidatePath(`/articles/${input.articleId}`);
  revalidatePath("/fact-checks");
  revalidatePath(`/fact-checks/${publication.slug}`);
  return { slug: publication.slug };
});
