"use client";
import { useId, useState } from "react";
import { previewCheckExportAction } from "@/app/(desk)/admin/check-import/actions";
import { FormError } from "@/components/ui/form-error";
import { unwrap } from "@/lib/action-result";
import type { CheckPreview } from "@/server/interop/check-preview";

const KIND_NAMES = { workspace: "workspace", users: "members", articles: "fact-checks and explainers", factChecks: "fact-checks", explainers: "explainers", items: "items" } as const;
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/** Step one of moving from Check: the export ZIP is read and shown; nothing is written. */
export function CheckImport() {
  const id = useId();
  const [preview, setPreview] = useState<CheckPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const read = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setPreview(null);
    try {
      const form = new FormData();
      form.set("file", file);
      setPreview(await unwrap(previewCheckExportAction(form)));
    } catch (e) {
      setError(e instanceof Error ? e.message : "The archive could not be read. Try again.");
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Read a Check export</h2>
      <div className="field">
        <label htmlFor={`${id}-file`}>
          Export ZIP <span className="hint">(the .zip Check sent, up to 10 MB)</span>
        </label>
        <input id={`${id}-file`} type="file" accept=".zip,application/zip" disabled={busy} onChange={(e) => void read(e.target.files?.[0])} />
      </div>
      {busy && <p role="status">Reading the archive…</p>}
      <FormError message={error} />
      {preview && <Preview preview={preview} />}
    </section>
  );
}

function Preview({ preview }: { preview: CheckPreview }) {
  const { counts } = preview;
  return (
    <div data-testid="check-preview">
      <h3>{preview.workspace ? `Workspace “${preview.workspace.name}”` : "Workspace"}</h3>
      <p data-testid="check-counts">
        {plural(counts.users, "member")}, {plural(counts.factChecks, "fact-check")}, {plural(counts.explainers, "explainer")}, {plural(counts.items, "item")}; {plural(counts.skipped, "row")} cannot be read.
      </p>
      <h4>Files</h4>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Read as</th>
            <th scope="col">Rows</th>
            <th scope="col">Notes</th>
          </tr>
        </thead>
        <tbody>
          {preview.files.map((f) => (
            <tr key={f.name}>
              <td>{f.name}</td>
              <td>{f.kind ? KIND_NAMES[f.kind] : "not read"}</td>
              <td>{f.rows.toLocaleString("en")}</td>
              <td>
                {f.problem}
                {f.unknownColumns.length > 0 && ` Columns Factdesk does not use: ${f.unknownColumns.map((c) => `“${c}”`).join(", ")}.`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.statuses.length > 0 && (
        <>
          <h4>Statuses of the items</h4>
          <p className="small muted">Each will be mapped to a rating of your scale, or to “not a verdict”, in the next step.</p>
          <ul data-testid="check-statuses">
            {preview.statuses.map((s) => (
              <li key={s.status}>
                {s.status}: {plural(s.items, "item")}
              </li>
            ))}
          </ul>
        </>
      )}
      {preview.users.length > 0 && (
        <>
          <h4>Members</h4>
          <p className="small muted">They become users an admin must activate; no passwords come across.</p>
          <ul data-testid="check-members">
            {preview.users.map((u) => (
              <li key={u.email}>
                {u.name} ({u.email}): {u.checkRole} in Check, {u.role} here
              </li>
            ))}
          </ul>
        </>
      )}
      {preview.skipped.length > 0 && (
        <>
          <h4>Rows that cannot be read</h4>
          <ul className="small" data-testid="check-skipped">
            {preview.skipped.map((s) => (
              <li key={`${s.file}:${s.row}`}>
                {s.file}, line {s.row}: {s.reason}
              </li>
            ))}
          </ul>
          {counts.skipped > preview.skipped.length && <p className="small">…and {counts.skipped - preview.skipped.length} more.</p>}
        </>
      )}
    </div>
  );
}
