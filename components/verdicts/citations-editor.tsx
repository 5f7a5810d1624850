"use client";
import { useRef, useState } from "react";
import { FieldError } from "@/components/ui/form-error";
import { recognizeCitationId } from "@/lib/citation-ids";
import {
  CITATION_KINDS,
  KIND_LABELS,
  MAX_CITATIONS,
  STANCES,
  STANCE_LABELS,
  type CitationDraft,
  type CitationKind,
  type Stance,
} from "@/lib/validation/verdict";
import { RequiredMark } from "@/components/ui/required-mark";
import { ArchiveStatus } from "@/components/sources/archive-status";
import type { WorkspaceVerdict } from "@/components/annotation/types";
import styles from "./verdicts.module.css";

/** The archive of the saved citation with this row's address and quote (a row changed since is archived again on saving). */
function SavedArchive({ draft, saved }: { draft: CitationDraft; saved: WorkspaceVerdict["citations"] }) {
  const match = saved.find((s) => s.url === draft.url.trim() && (s.quote ?? "") === draft.quote.trim());
  if (!match) return null;
  return <ArchiveStatus archive={match.archive} quote={match.quote} />;
}

let counter = 0;
export function emptyCitation(): CitationDraft {
  counter += 1;
  return { key: `new-${Date.now().toString(36)}-${counter}`, url: "", title: "", publisher: "", publishedOn: "", quote: "", locator: "", stance: "", kind: "other", archiveUrl: "" };
}

type Props = {
  idPrefix: string;
  citations: CitationDraft[];
  onChange: (next: CitationDraft[]) => void;
  /** Field errors keyed like the server's: `citations`, `citations.0.url`. */
  errors: Record<string, string[]>;
  /** The saved revision's citations with their archives: a row still saying the same shows its archive's state. */
  saved?: WorkspaceVerdict["citations"];
};

/**
 * The evidence rows of a verdict. Each row is a fieldset ("Citation 1", …)
 * so screen readers and tests can tell rows apart while every row keeps the
 * same field labels.
 */
export function CitationsEditor({ idPrefix, citations, onChange, errors, saved = [] }: Props) {
  const listRef = useRef<HTMLOListElement>(null);
  // The last row removed, so a slip of the Remove button costs one click: nothing is sent until the form is, so
  // undo here is simply putting the row back where it was.
  const [removed, setRemoved] = useState<{ citation: CitationDraft; index: number } | null>(null);

  const update = (index: number, patch: Partial<CitationDraft>) => onChange(citations.map((c, i) => (i === index ? { ...c, ...patch } : c)));

  // A pasted or typed DOI/PMID becomes its resolver URL, and marks the source as a study.
  const fromIdentifier = (index: number, text: string, event?: { preventDefault(): void }) => {
    if (/^https?:\/\//i.test(text.trim()) && !/doi\.org|pubmed|pmc\.ncbi/i.test(text)) return;
    const found = recognizeCitationId(text);
    if (!found || found.url === citations[index]?.url) return;
    event?.preventDefault();
    update(index, { url: found.url, kind: "study" });
  };

  const add = () => {
    onChange([...citations, emptyCitation()]);
    // Focus the new row's first field so keyboard users land where they will type.
    requestAnimationFrame(() => listRef.current?.querySelector<HTMLInputElement>("li:last-child input")?.focus());
  };

  const remove = (index: number) => {
    setRemoved({ citation: citations[index]!, index });
    onChange(citations.filter((_, i) => i !== index));
    requestAnimationFrame(() => {
      const rows = listRef.current?.querySelectorAll<HTMLElement>("li");
      const target = rows?.[Math.min(index, (rows?.length ?? 1) - 1)]?.querySelector<HTMLInputElement>("input");
      (target ?? document.getElementById(`${idPrefix}-add-citation`))?.focus();
    });
  };

  const restore = () => {
    if (!removed) return;
    const at = Math.min(removed.index, citations.length);
    onChange([...citations.slice(0, at), removed.citation, ...citations.slice(at)]);
    setRemoved(null);
    requestAnimationFrame(() => listRef.current?.querySelectorAll<HTMLElement>("li")[at]?.querySelector<HTMLInputElement>("input")?.focus());
  };

  return (
    <div className={styles.citations}>
      <div className={styles.citationsHeader}>
        <h4 className={styles.citationsHeading} id={`${idPrefix}-citations-heading`}>
          Citations <span className="muted small">({citations.length})</span>
        </h4>
      </div>
      <FieldError id={`${idPrefix}-citations-error`} errors={errors.citations} />
      <div className="small" role="status" aria-live="polite">
        {removed && (
          <>
            Removed citation {removed.index + 1}
            {removed.citation.title || removed.citation.url ? ` (“${removed.citation.title || removed.citation.url}”)` : ""}.{" "}
            <button type="button" className="button ghost small" onClick={restore}>
              Undo
            </button>
          </>
        )}
      </div>
      <ol ref={listRef} className={styles.citationList} aria-labelledby={`${idPrefix}-citations-heading`}>
        {citations.map((c, index) => {
          const f = (field: string) => `${idPrefix}-c${c.key}-${field}`;
          const e = (field: string) => errors[`citations.${index}.${field}`];
          const aria = (field: string) => ({
            "aria-invalid": e(field) ? true : undefined,
            "aria-describedby": e(field) ? `${f(field)}-error` : undefined,
          });
          return (
            <li key={c.key}>
              <fieldset className={styles.citation}>
                <legend className={styles.citationLegend}>Citation {index + 1}</legend>
                <button
                  type="button"
                  className={`button ghost small ${styles.remove}`}
                  onClick={() => remove(index)}
                  aria-label={`Remove citation ${index + 1}`}
                >
                  Remove
                </button>
                <div className={styles.grid}>
                  <div className={styles.wide}>
                    <label htmlFor={f("url")}>
                      Citation URL <RequiredMark />
                    </label>
                    <input id={f("url")} aria-required="true" type="url" inputMode="url" placeholder="https:// or a DOI / PMID" value={c.url} maxLength={2048} onChange={(ev) => update(index, { url: ev.target.value })} onPaste={(ev) => fromIdentifier(index, ev.clipboardData.getData("text"), ev)} onBlur={(ev) => fromIdentifier(index, ev.target.value)} {...aria("url")} />
                    <FieldError id={`${f("url")}-error`} errors={e("url")} />
                  </div>
                  <div className={styles.wide}>
                    <label htmlFor={f("title")}>
                      Citation title <RequiredMark />
                    </label>
                    <input id={f("title")} aria-required="true" type="text" value={c.title} maxLength={300} onChange={(ev) => update(index, { title: ev.target.value })} {...aria("title")} />
                    <FieldError id={`${f("title")}-error`} errors={e("title")} />
                  </div>
                  <div>
                    <label htmlFor={f("publisher")}>Publisher</label>
                    <input id={f("publisher")} type="text" value={c.publisher} maxLength={200} onChange={(ev) => update(index, { publisher: ev.target.value })} {...aria("publisher")} />
                    <FieldError id={`${f("publisher")}-error`} errors={e("publisher")} />
                  </div>
                  <div>
                    <label htmlFor={f("publishedOn")}>Citation date</label>
                    <input id={f("publishedOn")} type="date" value={c.publishedOn} onChange={(ev) => update(index, { publishedOn: ev.target.value })} {...aria("publishedOn")} />
                    <FieldError id={`${f("publishedOn")}-error`} errors={e("publishedOn")} />
                  </div>
                  <div>
                    <label htmlFor={f("stance")}>
                      Stance <RequiredMark />
                    </label>
                    <select id={f("stance")} aria-required="true" value={c.stance} onChange={(ev) => update(index, { stance: ev.target.value as Stance | "" })} {...aria("stance")}>
                      <option value="">Choose…</option>
                      {STANCES.map((s) => (
                        <option key={s} value={s}>
                          {STANCE_LABELS[s]}
                        </option>
                      ))}
                    </select>
                    <FieldError id={`${f("stance")}-error`} errors={e("stance")} />
                  </div>
                  <div>
                    <label htmlFor={f("kind")}>Kind</label>
                    <select id={f("kind")} value={c.kind} onChange={(ev) => update(index, { kind: ev.target.value as CitationKind })} {...aria("kind")}>
                      {CITATION_KINDS.map((k) => (
                        <option key={k} value={k}>
                          {KIND_LABELS[k]}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className={styles.wide}>
                    <label htmlFor={f("quote")}>Quoted passage</label>
                    <textarea id={f("quote")} rows={2} value={c.quote} maxLength={5000} onChange={(ev) => update(index, { quote: ev.target.value })} {...aria("quote")} />
                    <FieldError id={`${f("quote")}-error`} errors={e("quote")} />
                  </div>
                  <div>
                    <label htmlFor={f("locator")}>Page or moment</label>
                    <input id={f("locator")} type="text" placeholder="Optional: p. 12, at 12:34" value={c.locator} maxLength={100} onChange={(ev) => update(index, { locator: ev.target.value })} {...aria("locator")} />
                    <FieldError id={`${f("locator")}-error`} errors={e("locator")} />
                  </div>
                  <div className={styles.wide}>
                    <label htmlFor={f("archiveUrl")}>Archive URL</label>
                    <input id={f("archiveUrl")} type="url" inputMode="url" placeholder="Optional: https://web.archive.org/…" value={c.archiveUrl} maxLength={2048} onChange={(ev) => update(index, { archiveUrl: ev.target.value })} {...aria("archiveUrl")} />
                    <FieldError id={`${f("archiveUrl")}-error`} errors={e("archiveUrl")} />
                  </div>
                </div>
                <SavedArchive draft={c} saved={saved} />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button id={`${idPrefix}-add-citation`} type="button" className="button secondary small" onClick={add} disabled={citations.length >= MAX_CITATIONS}>
        Add citation
      </button>
    </div>
  );
}
