"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { saveVersionAction } from "@/app/(desk)/articles/[id]/versions/actions";
import { FormError } from "@/components/ui/form-error";
import { keptBlocks, type ImportDraft } from "@/lib/import-draft";
import { DraftBlocks } from "./draft-blocks";
import styles from "./import.module.css";
import { OriginalFileLink, OriginalView } from "./original-view";
import { SourcePicker } from "./source-picker";

/**
 * A new version of an existing article: refresh it from its web address or
 * upload/paste the changed text, check the blocks, save. Saving makes a new
 * snapshot and re-anchors every claim; the reviewer lands on the summary.
 */
export function NewVersionWizard({ articleId, basedOnVersionId, sourceUrl, title }: { articleId: string; basedOnVersionId: string; sourceUrl: string | null; title: string }) {
  const [draft, setDraft] = useState<ImportDraft | null>(null);
  const save = useMutation({
    mutationFn: async () => {
      const result = await saveVersionAction({
        articleId,
        basedOnVersionId,
        blocks: keptBlocks(draft!.blocks),
        sourceHtml: draft!.sourceHtml,
        originalFileId: draft!.originalFileId ?? null,
        origin: `${draft!.source.kind}: ${draft!.source.label}`,
      });
      if (result && !result.ok) throw new Error(result.error);
    },
  });
  const kept = draft?.blocks.filter((b) => !b.drop).length ?? 0;
  return (
    <div className="stack">
      <SourcePicker
        initialUrl={sourceUrl ?? ""}
        initialMode={sourceUrl ? "url" : "file"}
        onPreview={({ draft: next }) => {
          setDraft(next);
          save.reset();
        }}
      />
      {draft && (
        <section className={`card ${styles.preview}`} aria-labelledby="version-preview-heading">
          <h2 id="version-preview-heading">Check the new version</h2>
          <p className="small muted">
            From <strong>{draft.source.label}</strong>. The article&apos;s title and details stay as they are.
          </p>
          <DraftBlocks blocks={draft.blocks} onChange={(blocks) => setDraft({ ...draft, blocks })} />
          {draft.sourceHtml && <OriginalView html={draft.sourceHtml} title={title} />}
          {draft.originalFileId && <OriginalFileLink id={draft.originalFileId} />}
          <FormError message={save.error?.message ?? null} />
          <div className="row">
            <button type="button" className="button" disabled={save.isPending || kept === 0} onClick={() => save.mutate()}>
              {save.isPending ? "Saving and re-anchoring claims…" : "Save as new snapshot"}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
