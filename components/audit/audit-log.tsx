import Link from "next/link";
import { formatDateTime } from "@/components/ui/format";
import type { AuditRow } from "@/db/queries/audit";
import styles from "./audit.module.css";

export type AuditSearch = { user?: string; action?: string; from?: string; to?: string; page: number };

type Props = {
  basePath: string;
  events: AuditRow[];
  total: number;
  page: number;
  pages: number;
  search: AuditSearch;
  people: { id: string; name: string }[];
  actions: string[];
};

/** What a before/after pair changed, as short "field: old → new" lines (objects can be whole rows). */
function changes(before: unknown, after: unknown): string[] {
  const b = (before && typeof before === "object" ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  const show = (v: unknown) => (v === null || v === undefined ? "—" : typeof v === "object" ? JSON.stringify(v) : String(v)).slice(0, 120);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !["version", "updatedAt", "createdAt"].includes(k));
  return keys.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])).slice(0, 8).map((k) => (k in b ? `${k}: ${show(b[k])} → ${show(a[k])}` : `${k}: ${show(a[k])}`));
}

/** A filterable, paginated audit table; the filter is a GET form so each view has a URL. */
export function AuditLog({ basePath, events, total, page, pages, search, people, actions }: Props) {
  const query = (p: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...search, page: String(p) })) if (v) params.set(k, String(v));
    return `${basePath}?${params}`;
  };
  return (
    <>
      <form method="get" action={basePath} className={styles.filters} role="search" aria-label="Filter the audit log">
        <div>
          <label htmlFor="audit-user">User</label>
          <select id="audit-user" name="user" defaultValue={search.user ?? ""}>
            <option value="">Anyone</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-action">Action</label>
          <select id="audit-action" name="action" defaultValue={search.action ?? ""}>
            <option value="">Any action</option>
            {[...new Set(actions.map((a) => `${a.split(".")[0]}.`))].map((family) => (
              <optgroup key={family} label={family.slice(0, -1)}>
                <option value={family}>All {family.slice(0, -1)} actions</option>
                {actions.filter((a) => a.startsWith(family)).map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-from">From</label>
          <input id="audit-from" type="date" name="from" defaultValue={search.from ?? ""} />
        </div>
        <div>
          <label htmlFor="audit-to">To</label>
          <input id="audit-to" type="date" name="to" defaultValue={search.to ?? ""} />
        </div>
        <button type="submit" className="button secondary">
          Filter
        </button>
      </form>
      <p className="small muted" role="status">
        {total} event{total === 1 ? "" : "s"}
        {pages > 1 && ` · page ${page} of ${pages}`}
      </p>
      {events.length === 0 ? (
        <div className="card empty">No events match.</div>
      ) : (
        <table className="data">
          <caption className="visually-hidden">Audit events, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">What</th>
              <th scope="col">Changes</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td className="small">{formatDateTime(e.createdAt)}</td>
                <td className="small">{e.actorName ?? <span className="muted">System</span>}</td>
                <td>
                  <code className={styles.action}>{e.action}</code>
                </td>
                <td className="small">
                  {e.entityType} <span className="muted">{e.entityId.slice(0, 10)}</span>
                </td>
                <td className={styles.changes}>
                  {changes(e.before, e.after).map((line, i) => (
                    <div key={i}>{line}</div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {pages > 1 && (
        <nav aria-label="Audit log pages" className={styles.pager}>
          {page > 1 ? <Link href={query(page - 1)}>← Newer</Link> : <span />}
          {page < pages && <Link href={query(page + 1)}>Older →</Link>}
        </nav>
      )}
    </>
  );
}
