"use client";
import { useId } from "react";
import { ROLES, type Role } from "@/lib/permissions";
import type { CheckPreview } from "@/server/interop/check-preview";
import { ROLE_LABELS } from "./roles";

const KIND_NAMES = { workspace: "workspace", users: "members", articles: "fact-checks and explainers", factChecks: "fact-checks", explainers: "explainers", items: "items" } as const;
export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;
const NOT_A_VERDICT = "";

type Props = {
  preview: CheckPreview;
  mapping: Record<string, string | null>;
  onMapping: (mapping: Record<string, string | null>) => void;
  roles: Record<string, Role>;
  onRoles: (roles: Record<string, Role>) => void;
  disabled: boolean;
};

/** What a Check export holds, with the choices to make before importing: a rating per status, a role per member. */
export function CheckPreviewDetails({ preview, mapping, onMapping, roles, onRoles, disabled }: Props) {
  const id = useId();
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
          <h4 id={`${id}-statuses`}>Statuses of the items</h4>
          <p className="small muted">Map each to a label of your rating scale, or to “not a verdict”. Your choices are remembered for the next import. A mapped status is shown as an earlier verdict when claim matching finds the item; it never reaches readers.</p>
          <table className="data" aria-labelledby={`${id}-statuses`} data-testid="check-statuses">
            <thead>
              <tr>
                <th scope="col">Status in Check</th>
                <th scope="col">Items</th>
                <th scope="col">Here</th>
              </tr>
            </thead>
            <tbody>
              {preview.statuses.map((s) => (
                <tr key={s.key}>
                  <td>{s.status}</td>
                  <td>{s.items.toLocaleString("en")}</td>
                  <td>
                    <label htmlFor={`${id}-status-${s.key}`} className="visually-hidden">
                      {s.status} ({plural(s.items, "item")})
                    </label>
                    <select id={`${id}-status-${s.key}`} disabled={disabled} value={mapping[s.key] ?? NOT_A_VERDICT} onChange={(e) => onMapping({ ...mapping, [s.key]: e.target.value || null })}>
                      <option value={NOT_A_VERDICT}>Not a verdict</option>
                      {preview.ratings.map((r) => (
                        <option key={r.id} value={r.id}>
                          {r.label}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {preview.users.length > 0 && (
        <>
          <h4 id={`${id}-members`}>Members</h4>
          <p className="small muted">They become users an admin must activate; no passwords come across. A member whose email is already here is left as they are.</p>
          <table className="data" aria-labelledby={`${id}-members`} data-testid="check-members">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role in Check</th>
                <th scope="col">Role here</th>
              </tr>
            </thead>
            <tbody>
              {preview.users.map((u) => (
                <tr key={u.email}>
                  <td>{u.name}</td>
                  <td>{u.email}</td>
                  <td>{u.checkRole}</td>
                  <td>
                    <label htmlFor={`${id}-role-${u.email}`} className="visually-hidden">
                      {u.name} ({u.email}), {u.checkRole} in Check:
                    </label>
                    <select id={`${id}-role-${u.email}`} disabled={disabled} value={roles[u.email] ?? u.role} onChange={(e) => onRoles({ ...roles, [u.email]: e.target.value as Role })}>
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {ROLE_LABELS[r]}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {preview.factChecks.length > 0 && (
        <>
          <h4>Fact-checks</h4>
          <p className="small muted">Kept as your earlier fact-checks, found by claim matching. Check does not say which item a fact-check reports on: Factdesk links one when its title shares most of its words, and takes its rating from that item&apos;s status.</p>
          <ul className="small" data-testid="check-fact-checks">
            {preview.factChecks.map((f, i) => (
              <li key={`${i}:${f.title}`}>
                {f.title}
                {f.item ? ` — on the item “${f.item}”` : " — no item found"}
                {f.url ? "" : " (not published)"}
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
