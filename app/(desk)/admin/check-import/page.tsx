import type { Metadata } from "next";
import { CheckImport } from "@/components/admin/check-import";
import { Forbidden } from "@/components/desk/forbidden";
import { requirePageUser } from "@/server/session";

export const metadata: Metadata = { title: "Moving from Check" };

/** Moving from Meedan Check (admins): read the workspace export, see what it holds, map statuses and roles, import. */
export default async function CheckImportPage() {
  const { allowed } = await requirePageUser("manage:organisation", "/admin/check-import");
  if (!allowed) return <Forbidden what="Only admins bring in a Check workspace." />;
  return (
    <main id="main" className="page" style={{ maxWidth: 960 }}>
      <h1>Moving from Check</h1>
      <p className="muted">
        Upload the ZIP of CSV files Check sent when the workspace was closed. Factdesk reads it and shows what it holds and what it cannot read; nothing is written until you map
        Check&apos;s statuses to your rating scale, choose the members&apos; roles and import. Nothing imported reaches readers.
      </p>
      <CheckImport />
    </main>
  );
}
