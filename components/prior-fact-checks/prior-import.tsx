"use client";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { importPriorFactChecksAction, previewPriorFactChecksAction } from "@/app/(desk)/prior-fact-checks/actions";
import { FormError } from "@/components/ui/form-error";
import { unwrap } from "@/lib/action-result";
import { MAX_REVIEW_FILE_CHARS } from "@/lib/validation/prior-fact-checks";
import type { PriorPreview } from "@/server/interop/prior-import";

/**
 * Bringing in what others already checked: a fact-check page's address or a ClaimReview file is read and shown
 * (the reviews found, and each one that could not be read with its reason) before anything is stored.
 */
export function PriorImport() {
  const id = useId();
  const router = useRouter();
  const [url, setUrl] = useState("");
  const [preview, setPreview] = useState<PriorPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await work();
    } catch (e) {
      setError(e instanceof Error ? e.message : "Something went wrong. Try again.");
    } finally {
      setBusy(false);
    }
  };

  const fromPage = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => setPreview(await unwrap(previewPriorFactChecksAction({ source: "url", url }))));
  };

  const fromFile = (file: File | undefined) => {
    if (!file) return;
    void run(async () => {
      if (file.size > MAX_REVIEW_FILE_CHARS * 4) throw new Error(`A ClaimReview file can be at most ${MAX_REVIEW_FILE_CHARS.toLocaleString("en")} characters; this one is larger.`);
      setPreview(await unwrap(previewPriorFactChecksAction({ source: "file", name: file.name, text: await file.text() })));
    });
  };

  const store = () =>
    run(async () => {
      if (!preview) return;
      const result = await unwrap(importPriorFactChecksAction({ origin: preview.origin, label: preview.label, items: preview.found }));
      setDone(`Imported ${result.imported} review${result.imported === 1 ? "" : "s"}${result.alreadyThere ? `; ${result.alreadyThere} ${result.alreadyThere === 1 ? "was" : "were"} already here` : ""}.`);
      setPreview(null);
      router.refresh();
    });

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Import fact-checks others published</h2>
      <p className="small muted">From a fact-check page (its ClaimReview markup) or a file: ClaimReview JSON-LD, a DataFeed, or a saved page. You see what was found before anything is stored.</p>
      <form onSubmit={fromPage} noValidate className="field">
        <label htmlFor={`${id}-url`}>Fact-check page</label>
        <div style={{ display: "flex", gap: "0.5rem", flexWrap: "wrap" }}>
          <input id={`${id}-url`} type="url" inputMode="url" placeholder="https://" value={url} maxLength={2048} onChange={(e) => setUrl(e.target.value)} style={{ flex: "1 1 20rem" }} />
          <button type="submit" className="button secondary" disabled={busy}>
            Read the page
          </button>
        </div>
      </form>
      <div className="field">
        <label htmlFor={`${id}-file`}>Or a file <span className="hint">(.json, .jsonld or .html)</span></label>
        <input id={`${id}-file`} type="file" accept=".json,.jsonld,.html,.htm,application/json,application/ld+json,text/html" disabled={busy} onChange={(e) => fromFile(e.target.files?.[0])} />
      </div>
      <FormError message={error} />
      {done && (
        <p className="alert success" role="status" data-testid="toast">
          {done}
        </p>
      )}
      {preview && <PreviewTable preview={preview} busy={busy} onImport={() => void store()} />}
    </section>
  );
}

function PreviewTable({ preview, busy, onImport }: { preview: PriorPreview; busy: boolean; onImport: () => void }) {
  const n = preview.found.length;
  return (
    <div data-testid="prior-preview">
      <h3>
        Found {n} review{n === 1 ? "" : "s"} in {preview.label}
      </h3>
      {n > 0 && (
        <table className="data">
          <caption className="visually-hidden">Reviews to import</caption>
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Rating</th>
              <th scope="col">Claimed by</th>
              <th scope="col">Checked by</th>
            </tr>
          </thead>
          <tbody>
            {preview.found.map((p) => (
              <tr key={`${p.url} ${p.claim}`}>
                <td>{p.claim}</td>
                <td>{p.ratingLabel ?? (p.ratingValue !== null ? `${p.ratingValue} of 5` : "")}</td>
                <td>{p.claimant ?? "Not named"}</td>
                <td>
                  {p.publisher ?? "Not named"}
                  {p.datePublished ? `, ${p.datePublished}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview.skipped.length > 0 && (
        <>
          <h4>Could not be read ({preview.skipped.length})</h4>
          <ul className="small" data-testid="prior-skipped">
            {preview.skipped.map((s, i) => (
              <li key={i}>
                {s.where}: {s.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {n > 0 && (
        <button type="button" className="button" disabled={busy} onClick={onImport}>
          Import {n} review{n === 1 ? "" : "s"}
        </button>
      )}
    </div>
  );
}
