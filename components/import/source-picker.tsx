"use client";
import { useMutation } from "@tanstack/react-query";
import { useRef, useState, type ClipboardEvent, type FormEvent, type KeyboardEvent } from "react";
import { previewFileAction, previewImportAction } from "@/app/(desk)/articles/new/actions";
import { FormError } from "@/components/ui/form-error";
import type { DraftPreview } from "@/server/import-drafts";
import { unwrap } from "@/lib/action-result";
import { MAX_UPLOAD_BYTES } from "@/lib/limits";
import { completeWebAddress } from "@/lib/web-address";
import styles from "./import.module.css";

type Mode = "url" | "file" | "paste";
type PasteFormat = "text" | "markdown";
const MODES: { id: Mode; label: string }[] = [
  { id: "url", label: "Web address" },
  { id: "file", label: "File" },
  { id: "paste", label: "Paste" },
];
const ACCEPT = ".txt,.md,.markdown,.html,.htm,.docx,.pdf,.vtt,.srt";
const MAX_MB = MAX_UPLOAD_BYTES / 1024 / 1024;

const PROGRESS: Record<Mode, string> = {
  url: "Fetching the page and finding the article…",
  file: "Reading the file…",
  paste: "Reading the pasted text…",
};

/**
 * Where the text comes from: a web address, a file or a paste. Inputs live
 * here and survive a failed preview, so the reviewer never retypes a URL or
 * loses a paste; the result goes to `onPreview`.
 */
export function SourcePicker({ onPreview, initialUrl = "", initialMode = "url", busyLabel }: { onPreview: (preview: DraftPreview) => void; initialUrl?: string; initialMode?: Mode; busyLabel?: string }) {
  const [mode, setMode] = useState<Mode>(initialMode);
  const [url, setUrl] = useState(initialUrl);
  const [text, setText] = useState("");
  const [format, setFormat] = useState<PasteFormat>("text");
  const [pastedHtml, setPastedHtml] = useState<string | null>(null);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  const preview = useMutation({
    mutationFn: (input: Parameters<typeof previewImportAction>[0] | FormData) =>
      unwrap(input instanceof FormData ? previewFileAction(input) : previewImportAction(input)),
    onSuccess: onPreview,
  });

  const onTabKey = (e: KeyboardEvent, index: number) => {
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = (index + step + MODES.length) % MODES.length;
    setMode(MODES[next]!.id);
    tabs.current[next]?.focus();
  };

  // "example.org/a" becomes "https://example.org/a" in the field, so the reviewer sees what is fetched (the server completes the same way).
  const completeUrl = () => {
    const full = completeWebAddress(url);
    if (full !== url) setUrl(full);
    return full;
  };
  const submitUrl = (e: FormEvent) => {
    e.preventDefault();
    preview.mutate({ source: "url", url: completeUrl() });
  };
  const chooseFile = (file: File | undefined) => {
    if (!file) return;
    const form = new FormData();
    form.set("file", file);
    preview.mutate(form);
  };
  // Rich clipboard content (copied from a page or a word processor) keeps its headings and paragraphs.
  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const html = e.clipboardData.getData("text/html");
    if (html.trim()) setPastedHtml(html);
  };
  const submitPaste = (e: FormEvent) => {
    e.preventDefault();
    if (pastedHtml) preview.mutate({ source: "paste", format: "html", content: pastedHtml });
    else preview.mutate({ source: "paste", format, content: text });
  };

  return (
    <section className={`card ${styles.picker}`} aria-label="Article source">
      <div role="tablist" aria-label="Import from" className={styles.tabs}>
        {MODES.map((m, i) => (
          <button
            key={m.id}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`source-tab-${m.id}`}
            aria-selected={mode === m.id}
            aria-controls={`source-panel-${m.id}`}
            tabIndex={mode === m.id ? 0 : -1}
            className={styles.tab}
            onClick={() => setMode(m.id)}
            onKeyDown={(e) => onTabKey(e, i)}
          >
            {m.label}
          </button>
        ))}
      </div>

      <div role="tabpanel" id="source-panel-url" aria-labelledby="source-tab-url" hidden={mode !== "url"} className={styles.panel}>
        <form onSubmit={submitUrl} noValidate>
          <div className="field">
            <label htmlFor="import-url">
              Article URL <span className="hint">(the page is fetched by Factdesk&apos;s server; http and https only)</span>
            </label>
            <input id="import-url" type="url" inputMode="url" placeholder="https://" value={url} onChange={(e) => setUrl(e.target.value)} onBlur={completeUrl} maxLength={2048} />
          </div>
          <button type="submit" className="button" disabled={preview.isPending}>
            Fetch and preview
          </button>
        </form>
      </div>

      <div role="tabpanel" id="source-panel-file" aria-labelledby="source-tab-file" hidden={mode !== "file"} className={styles.panel}>
        <div className="field">
          <label htmlFor="import-file">
            Choose a file <span className="hint">(.txt, .md, .html, .docx, .pdf, or a transcript: .vtt, .srt or speaker lines in .txt; up to {MAX_MB} MB)</span>
          </label>
          <input id="import-file" type="file" accept={ACCEPT} disabled={preview.isPending} onChange={(e) => chooseFile(e.target.files?.[0])} />
        </div>
      </div>

      <div role="tabpanel" id="source-panel-paste" aria-labelledby="source-tab-paste" hidden={mode !== "paste"} className={styles.panel}>
        <form onSubmit={submitPaste} noValidate>
          <div className="field">
            <label htmlFor="import-text">Article text</label>
            <textarea
              id="import-text"
              rows={10}
              value={text}
              onPaste={onPaste}
              onChange={(e) => {
                setText(e.target.value);
                // Typing after a rich paste means the reviewer edits the plain text: use that instead.
                if (e.nativeEvent instanceof InputEvent && e.nativeEvent.inputType !== "insertFromPaste") setPastedHtml(null);
              }}
              aria-describedby="import-text-hint"
            />
            <p id="import-text-hint" className="small muted">
              {pastedHtml ? "Formatting from the clipboard is used: headings, paragraphs and lists are kept." : "Blank lines separate paragraphs. Pasting from a web page or a word processor keeps its headings and paragraphs."}
            </p>
          </div>
          {!pastedHtml && (
            <div className="field">
              <label htmlFor="import-format">Text format</label>
              <select id="import-format" value={format} onChange={(e) => setFormat(e.target.value as PasteFormat)}>
                <option value="text">Plain text (blank lines separate paragraphs)</option>
                <option value="markdown">Markdown (headings and lists kept)</option>
              </select>
            </div>
          )}
          <button type="submit" className="button" disabled={preview.isPending}>
            Preview
          </button>
        </form>
      </div>

      {preview.isPending && (
        <p className={styles.progress} role="status" data-testid="import-progress">
          <progress aria-label={busyLabel ?? PROGRESS[mode]} />
          <span>{busyLabel ?? PROGRESS[mode]}</span>
        </p>
      )}
      <FormError message={preview.error ? `${preview.error.message} Nothing was lost. Correct the input and try again.` : null} testId="import-error" />
    </section>
  );
}
