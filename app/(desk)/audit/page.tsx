import type { Metadata } from "next";
import { AuditLog } from "@/components/audit/audit-log";
import { parseAuditSearch } from "@/components/audit/parse";
import { Forbidden } from "@/components/desk/forbidden";
import { listAuditActions, searchAuditEvents } from "@/db/queries/audit";
import { listUsers } from "@/db/queries/users";
import { requirePageUser } from "@/server/session";

export const metadata: Metadata = { title: "Audit log" };

/** Everything that happened on the desk, for editors and admins. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { allowed } = await requirePageUser("read:audit-log", "/audit");
  if (!allowed) return <Forbidden what="The desk-wide audit log is for editors and admins. Each article's own log is linked from its workspace." />;
  const { search, filter } = parseAuditSearch(await searchParams);
  const [result, people, actions] = await Promise.all([searchAuditEvents(filter), listUsers(), listAuditActions()]);
  return (
    <main id="main" className="page">
      <div className="page-header">
        <div>
          <h1>Audit log</h1>
          <p className="muted" style={{ margin: 0 }}>
            Every change on the desk, newest first. Entries are never edited or removed.
          </p>
        </div>
      </div>
      <AuditLog basePath="/audit" {...result} search={search} people={people} actions={actions} />
    </main>
  );
}
