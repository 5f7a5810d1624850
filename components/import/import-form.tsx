"use client";
import { useState, useTransition, type ChangeEvent, type FormEvent } from "react";
import { importArticleAction } from "@/app/(desk)/articles/new/actions";
import { FieldError, FormError } from "@/components/ui/form-error";
import { MAX_IMPORT_FILE_BYTES } from "@/lib/limits";

type Fields = { title: string; sourceUrl: string; publisher: string; author: string; sourcePublishedOn: string; text: string; format: "text" | "markdown" };
const EMPTY: Fields = { title: "", sourceUrl: "", publisher: "", author: "", sourcePublishedOn: "", text: "", format: "text" };

/** Guesses a title from the first line of a file, so a dropped file is nearly ready to import. */
function firstLine(text: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim()) ?? "";
  return line.replace(/^#+\s*/, "").trim().slice(0, 300);
}

/**
 * Controlled fields: a refused import keeps everything the reviewer typed
 * (React would otherwise reset an uncontrolled form after its action runs).
 */
export function ImportForm({ maxChars }: { maxChars: number }) {
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [fileNote, setFileNote] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const set = (key: keyof Fields) => (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
    setFields((f) => ({ ...f, [key]: e.target.value }));

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setError(null);
    if (!file) return;
    const ext = file.name.toLowerCase().split(".").pop();
    if (ext !== "txt" && ext !== "md" && ext !== "markdown") {
      setError(`${file.name} is not a .txt or .md file. Other formats are not supported yet.`);
      e.target.value = "";
      return;
    }
    if (file.size > MAX_IMPORT_FILE_BYTES) {
      setError(`${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; the limit is 2 MB.`);
      e.target.value = "";
      return;
    }
    const text = await file.text();
    if (text.includes("\u0000")) {
      setError(`${file.name} does not look like a text file.`);
      return;
    }
    setFields((f) => ({ ...f, text, format: ext === "txt" ? "text" : "markdown", title: f.title || firstLine(text) }));
    setFileNote(`Loaded ${file.name} (${text.length.toLocaleString("en")} characters). Check the text below before importing.`);
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    startTransition(async () => {
      const result = await importArticleAction(fields);
      // On success the action redirects to the new article, so only failures come back.
      if (result && !result.ok) {
        setError(result.error);
        setFieldErrors(result.fieldErrors ?? {});
      }
    });
  }

  const err = (k: string) => ({ "aria-invalid": fieldErrors[k] ? true : undefined, "aria-describedby": fieldErrors[k] ? `${k}-error` : undefined });

  return (
    <form className="card" onSubmit={onSubmit} noValidate>
      <FormError message={error} />
      <div className="field">
        <label htmlFor="file">
          Upload a .txt or .md file <span className="hint">(optional, up to 2 MB)</span>
        </label>
        <input id="file" type="file" accept=".txt,.md,.markdown,text/plain,text/markdown" onChange={onFile} />
        {fileNote && (
          <p className="small muted" role="status">
            {fileNote}
          </p>
        )}
      </div>
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
      </div>
      <div className="field">
        <label htmlFor="format">Text format</label>
        <select id="format" value={fields.format} onChange={set("format")}>
          <option value="text">Plain text (blank lines separate paragraphs)</option>
          <option value="markdown">Markdown (headings and lists kept)</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="text">
          Article text{" "}
          <span className="hint">
            ({fields.text.length.toLocaleString("en")} / {maxChars.toLocaleString("en")} characters)
          </span>
        </label>
        <textarea id="text" rows={16} value={fields.text} onChange={set("text")} {...err("text")} />
        <FieldError id="text-error" errors={fieldErrors.text} />
      </div>
      <div className="row">
        <button type="submit" className="button" disabled={pending}>
          {pending ? "Importing…" : "Import article"}
        </button>
      </div>
    </form>
  );
}
