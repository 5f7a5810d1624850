"use client";
import Link from "next/link";
import { useId, useState } from "react";
import { importCheckExportAction, previewCheckExportAction } from "@/app/(desk)/admin/check-import/actions";
import { FormError } from "@/components/ui/form-error";
import { unwrap } from "@/lib/action-result";
import type { Role } from "@/lib/permissions";
import type { CheckImportResult } from "@/db/queries/check-import";
import type { CheckPreview } from "@/server/interop/check-preview";
import { CheckPreviewDetails, plural } from "./check-preview-details";

/**
 * Moving from Check: the export ZIP is read and shown, the admin maps each status to a rating (or "not a
 * verdict") and each member to a role, then imports. The ZIP is sent again with the choices: actions keep no
 * state between steps.
 */
export function CheckImport() {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<CheckPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, string | null>>({});
  const [roles, setRoles] = useState<Record<string, Role>>({});
  const [result, setResult] = useState<CheckImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"reading" | "importing" | null>(null);

  const read = async (chosen: File | undefined) => {
    if (!chosen) return;
    setBusy("reading");
    setError(null);
    setPreview(null);
    setResult(null);
    try {
      const form = new FormData();
      form.set("file", chosen);
      const read = await unwrap(previewCheckExportAction(form));
      setFile(chosen);
      setPreview(read);
      setMapping(read.mapping);
      setRoles(Object.fromEntries(read.users.map((u) => [u.email, u.role])));
    } catch (e) {
      setError(e instanceof Error ? e.message : "The archive could not be read. Try again.");
    } finally {
      setBusy(null);
    }
  };

  const importNow = async () => {
    if (!file) return;
    setBusy("importing");
    setError(null);
    try {
      const form = new FormData();
      form.set("file", file);
      form.set("choices", JSON.stringify({ mapping, roles }));
      setResult(await unwrap(importCheckExportAction(form)));
    } catch (e) {
      setError(e instanceof Error ? e.message : "The import did not finish, and nothing was written. Try again.");
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Read a Check export</h2>
      <div className="field">
        <label htmlFor={`${id}-file`}>
          Export ZIP <span className="hint">(the .zip Check sent, up to 10 MB)</span>
        </label>
        <input id={`${id}-file`} type="file" accept=".zip,application/zip" disabled={busy !== null} onChange={(e) => void read(e.target.files?.[0])} />
      </div>
      {busy === "reading" && <p role="status">Reading the archive…</p>}
      <FormError message={error} />
      {preview && (
        <>
          <CheckPreviewDetails preview={preview} mapping={mapping} onMapping={setMapping} roles={roles} onRoles={setRoles} disabled={busy !== null || result !== null} />
          {!result && (
            <p>
              <button type="button" className="button" disabled={busy !== null} onClick={() => void importNow()}>
                {busy === "importing" ? "Importing…" : "Import into Factdesk"}
              </button>
            </p>
          )}
        </>
      )}
      {result && <Imported result={result} />}
    </section>
  );
}

function Imported({ result }: { result: CheckImportResult }) {
  const { imported } = result;
  const nothingNew = Object.values(imported).every((n) => n === 0);
  const leftAsTheyWere = `${plural(result.alreadyThere, "row")} had come in with an earlier import and ${result.alreadyThere === 1 ? "was" : "were"} left as ${result.alreadyThere === 1 ? "it was" : "they were"}.`;
  return (
    <div role="status" className="alert success" data-testid="check-imported">
      <p>
        {nothingNew ? (
          <strong>Nothing new.</strong>
        ) : (
          <>
            <strong>Imported:</strong> {plural(imported.factChecks, "fact-check")}, {plural(imported.explainers, "explainer")}, {plural(imported.items, "item")} (as claims), {plural(imported.users, "member")}.
          </>
        )}
        {result.alreadyThere > 0 && ` ${leftAsTheyWere}`}
        {result.unreadable > 0 && ` ${plural(result.unreadable, "row")} could not be read.`}
      </p>
      {!nothingNew && (
        <p className="small">
          Members must be activated before they can sign in: <Link href="/admin/users">Users</Link>. Items are claims of the “Check archive” articles on the <Link href="/">desk</Link>. The
          import is listed with its undo under <Link href="/prior-fact-checks">Prior checks</Link>; undo works until anything it brought in is used.
        </p>
      )}
    </div>
  );
}
