"use client";
import { useId, useState, useTransition } from "react";
import { saveOrganisationPageAction } from "@/app/(desk)/admin/pages/actions";
import { Markdown } from "@/components/ui/markdown";
import { MAX_PAGE_BODY, MAX_PAGE_TITLE, type OrganisationPageSlug } from "@/lib/organisation-pages";

export type PageEditorProps = { slug: OrganisationPageSlug; title: string; body: string; version: number };

/** One organisation page: title and markdown body with a preview; saving checks the version it was loaded at. */
export function PageEditor(props: PageEditorProps) {
  const id = useId();
  const [title, setTitle] = useState(props.title);
  const [body, setBody] = useState(props.body);
  const [version, setVersion] = useState(props.version);
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const save = () =>
    startTransition(async () => {
      setMessage(null);
      const result = await saveOrganisationPageAction({ slug: props.slug, title, body, version });
      if (!result.ok) return setMessage({ kind: "error", text: result.error });
      setVersion(result.data.version);
      setMessage({ kind: "success", text: "Saved. Readers see the new text now." });
    });

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        {props.title} <span className="small muted">(/{props.slug})</span>
      </h2>
      <div className="field">
        <label htmlFor={`${id}-title`}>Title</label>
        <input id={`${id}-title`} type="text" value={title} maxLength={MAX_PAGE_TITLE} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>Text (markdown)</label>
        <textarea id={`${id}-body`} rows={12} value={body} maxLength={MAX_PAGE_BODY} onChange={(e) => setBody(e.target.value)} />
      </div>
      <details>
        <summary>Preview</summary>
        <Markdown source={body} headingLevel={3} />
      </details>
      {message && (
        <div className={`alert ${message.kind}`} role={message.kind === "error" ? "alert" : "status"} data-testid={message.kind === "error" ? "form-error" : "toast"}>
          {message.text}
        </div>
      )}
      <div className="row">
        <button type="button" className="button" disabled={pending} onClick={save}>
          {pending ? "Saving…" : `Save ${props.slug}`}
        </button>
        <a href={`/${props.slug}`}>View the public page</a>
      </div>
    </section>
  );
}
