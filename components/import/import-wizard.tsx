"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type ChangeEvent } from "react";
import { saveImportAction } from "@/app/(desk)/articles/new/actions";
import { FieldError, FormError } from "@/components/ui/form-error";
import { ActionFailure, unwrap } from "@/lib/action-result";
import { keptBlocks, type ImportDraft } from "@/lib/import-draft";
import type { DraftPreview, Duplicate } from "@/server/import-drafts";
import { submitOnce } from "@/lib/submission-key";
import { DraftBlocks } from "./draft-blocks";
import styles from "./import.module.css";
import { OriginalFileLink, OriginalView } from "./original-view";
import { SourcePicker } from "./source-picker";

type Fields = { title: string; sourceUrl: string; canonicalUrl: string; publisher: string; author: string; sourcePublishedOn: string; language: string };

const fieldsOf = (d: ImportDraft): Fields => ({
  title: d.metadata.title,
  sourceUrl: d.metadata.sourceUrl ?? "",
  canonicalUrl: d.metadata.canonicalUrl ?? "",
  publisher: d.metadata.publisher ?? "",
  author: d.metadata.author ?? "",
  sourcePublishedOn: d.metadata.publishedOn ?? "",
  language: d.metadata.language ?? "",
});

/**
 * Import a new article: choose a source, check the extracted metadata and
 * blocks, save. A later preview replaces the draft; the source inputs stay.
 */
export function ImportWizard() {
  const [draft, setDraft] = useState<ImportDraft | null>(null);
  const [fields, setFields] = useState<Fields | null>(null);
  const [duplicate, setDuplicate] = useState<Duplicate | null>(null);
  const [separate, setSeparate] = useState(false);
  const router = useRouter();

  const save = useMutation({
    mutationFn: async () => {
      // Importing the same draft again after a lost answer reuses its key, so the retry opens the first article.
      const saved = await unwrap(
        submitOnce(
          "article",
          {
            ...fields!,
            blocks: keptBlocks(draft!.blocks),
            sourceHtml: draft!.sourceHtml,
            originalFileId: draft!.originalFileId ?? null,
            origin: `${draft!.source.kind}: ${draft!.source.label}`,
            allowDuplicate: separate,
          },
          saveImportAction,
        ),
        "Factdesk could not be reached. Check your connection and import again: the article will not be saved twice.",
      );
      if (saved.articleId) router.push(`/articles/${saved.articleId}`);
      else setDuplicate(saved.duplicate);
      return saved.articleId;
    },
  });
  // Saved: the button stays off while the article opens, so a second click cannot import it again.
  const opening = save.isSuccess && save.data !== null;

  const onPreview = ({ draft: next, duplicate: dup }: DraftPreview) => {
    setDraft(next);
    setFields(fieldsOf(next));
    setDuplicate(dup);
    setSeparate(false);
    save.reset();
  };

  const set = (key: keyof Fields) => (e: ChangeEvent<HTMLInputElement>) => setFields((f) => f && { ...f, [key]: e.target.value });
  const fieldErrors = (save.error instanceof ActionFailure && save.error.fieldErrors) || {};
  const err = (k: string) => ({ "aria-invalid": fieldErrors[k] ? true : undefined, "aria-describedby": fieldErrors[k] ? `${k}-error` : undefined });
  const kept = draft?.blocks.filter((b) => !b.drop).length ?? 0;

  return (
    <div className="stack">
      <SourcePicker onPreview={onPreview} />
      {draft && fields && (
        <section className={`card ${styles.preview}`} aria-labelledby="preview-heading">
          <h2 id="preview-heading">Check before importing</h2>
          <p className="small muted">
            From {draft.source.kind === "url" ? "the web page" : draft.source.kind === "file" ? "the file" : "your paste"} <strong>{draft.source.label}</strong>.
            Everything below can be changed.
          </p>
          {duplicate && (
            <div className="alert warn" role="status" data-testid="duplicate-notice">
              This article is already in Factdesk: <Link href={`/articles/${duplicate.id}`}>{duplicate.title}</Link>. Open it instead — to bring in a
              changed version, use <Link href={`/articles/${duplicate.id}/versions/new`}>New version</Link> there.
              <label className={styles.separate}>
                <input type="checkbox" checked={separate} onChange={(e) => setSeparate(e.target.checked)} /> Import it as a separate article anyway
              </label>
            </div>
          )}
          <div className="field">
            <label htmlFor="title">Title</label>
            <input id="title" type="text" required maxLength={300} value={fields.title} onChange={set("title")} {...err("title")} />
            <FieldError id="title-error" errors={fieldErrors.title} />
          </div>
          <div className="grid-2">
            <div className="field">
              <label htmlFor="sourceUrl">Source URL</label>
              <input id="sourceUrl" type="url" placeholder="https://" value={fields.sourceUrl} onChange={set("sourceUrl")} {...err("sourceUrl")} />
              <FieldError id="sourceUrl-error" errors={fieldErrors.sourceUrl} />
            </div>
            <div className="field">
              <label htmlFor="canonicalUrl">Canonical URL</label>
              <input id="canonicalUrl" type="url" placeholder="https://" value={fields.canonicalUrl} onChange={set("canonicalUrl")} {...err("canonicalUrl")} />
              <FieldError id="canonicalUrl-error" errors={fieldErrors.canonicalUrl} />
            </div>
            <div className="field">
              <label htmlFor="publisher">Publisher</label>
              <input id="publisher" type="text" maxLength={200} value={fields.publisher} onChange={set("publisher")} />
            </div>
            <div className="field">
              <label htmlFor="author">Author</label>
              <input id="author" type="text" maxLength={200} value={fields.author} onChange={set("author")} />
            </div>
            <div className="field">
              <label htmlFor="sourcePublishedOn">Publication date</label>
              <input id="sourcePublishedOn" type="date" value={fields.sourcePublishedOn} onChange={set("sourcePublishedOn")} {...err("sourcePublishedOn")} />
              <FieldError id="sourcePublishedOn-error" errors={fieldErrors.sourcePublishedOn} />
            </div>
            <div className="field">
              <label htmlFor="language">Language</label>
              <input id="language" type="text" maxLength={35} placeholder="en" value={fields.language} onChange={set("language")} />
            </div>
          </div>
          <DraftBlocks blocks={draft.blocks} onChange={(blocks) => setDraft({ ...draft, blocks })} />
          {draft.sourceHtml && <OriginalView html={draft.sourceHtml} title={fields.title} />}
          {draft.originalFileId && <OriginalFileLink id={draft.originalFileId} />}
          <FormError message={save.error?.message ?? null} />
          <div className="row">
            <button type="button" className="button" disabled={save.isPending || opening || kept === 0 || (duplicate !== null && !separate)} onClick={() => save.mutate()}>
              {save.isPending ? "Importing…" : opening ? "Opening…" : "Import article"}
            </button>
            {kept === 0 && <span className="small muted">Keep at least one block.</span>}
          </div>
        </section>
      )}
    </div>
  );
}
