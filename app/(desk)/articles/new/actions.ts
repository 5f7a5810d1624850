"use server";
import { z } from "zod";
import { createArticle } from "@/db/queries/articles";
import { findIdempotentEntity } from "@/db/queries/idempotency";
import { assertOriginalFileExists } from "@/db/queries/original-files";
import { importFileSchema, previewSchema, saveImportSchema } from "@/lib/validation/import";
import { sanitizeImportedHtml } from "@/server/import/sanitize";
import { action, formToObject } from "@/server/action";
import { draftFromPaste, draftFromUpload, draftFromUrl, duplicateOf, type DraftPreview, type Duplicate } from "@/server/import-drafts";

/** Fetches a URL or reads a paste into a draft the reviewer previews; nothing is saved. */
export const previewImportAction = action(previewSchema, { permission: "write:desk" }, async (input, user): Promise<DraftPreview> => {
  const draft = input.source === "url" ? await draftFromUrl(input.url, user.id) : draftFromPaste(input.format, input.content);
  return { draft, duplicate: await duplicateOf(draft) };
});

const previewFile = action(importFileSchema, { permission: "write:desk" }, async ({ file }, user): Promise<DraftPreview> => {
  const draft = await draftFromUpload(file.name.slice(0, 255), Buffer.from(await file.arrayBuffer()), user.id);
  return { draft, duplicate: await duplicateOf(draft) };
});

/** Reads an uploaded file (any of ACCEPTED_EXTENSIONS) into a draft (FormData with a `file` field). */
export async function previewFileAction(form: FormData) {
  return previewFile(formToObject(form) as z.input<typeof importFileSchema>);
}

/**
 * Saves a previewed draft as a new article, unless an article with the same
 * canonical/source URL or the same text exists: then that one is offered
 * (unless the reviewer chose to import a separate article anyway).
 * The kept HTML is sanitized again here; the browser's copy is not trusted.
 *
 * Answers with the new article's id as soon as the write commits and the
 * browser navigates: a redirect() here would render the article page into
 * this same answer, widening the window in which a saved import looks lost.
 */
export const saveImportAction = action(
  saveImportSchema,
  { permission: "write:desk" },
  async (input, user): Promise<{ articleId: string; duplicate: null } | { articleId: null; duplicate: Duplicate }> => {
    const scope = { key: input.idempotencyKey, userId: user.id, kind: "article" } as const;
    const blocks = input.blocks.map((b) => ({ ...b, drop: false, reason: null }));
    const duplicate = input.allowDuplicate ? null : await duplicateOf({ metadata: { ...input, publishedOn: input.sourcePublishedOn }, blocks });
    if (duplicate) {
      // A retry of an import that was saved finds its own article as the duplicate: answer with it instead.
      const saved = await findIdempotentEntity(scope);
      return saved ? { articleId: saved, duplicate: null } : { articleId: null, duplicate };
    }
    await assertOriginalFileExists(input.originalFileId);
    const article = await createArticle({
      ...input,
      sourceHtml: input.sourceHtml ? sanitizeImportedHtml(input.sourceHtml) : null,
      userId: user.id,
    });
    return { articleId: article.id, duplicate: null };
  },
);
