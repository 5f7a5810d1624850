import type { Metadata } from "next";
import { Forbidden } from "@/components/desk/forbidden";
import { PageEditor } from "@/components/organisation/page-editor";
import { listOrganisationPages } from "@/db/queries/organisation-pages";
import { requirePageUser } from "@/server/session";

export const metadata: Metadata = { title: "Organisation pages" };

/** Admins edit the public organisation pages: methodology, corrections policy, about (funding, team, contact). */
export default async function AdminPagesPage() {
  const { allowed } = await requirePageUser("manage:organisation", "/admin/pages");
  if (!allowed) return <Forbidden what="Only admins can edit the organisation pages." />;
  const pages = await listOrganisationPages();
  return (
    <main id="main" className="page">
      <h1>Organisation pages</h1>
      <p className="muted">
        What readers see about how we work. The methodology page also shows the rating scale; the corrections policy is linked from every fact-check.
      </p>
      {pages.map((p) => (
        <PageEditor key={p.slug} slug={p.slug} title={p.title} body={p.body} version={p.version} />
      ))}
    </main>
  );
}
