import type { Metadata } from "next";
import { Forbidden } from "@/components/desk/forbidden";
import { ImportWizard } from "@/components/import/import-wizard";
import { requirePageUser } from "@/server/session";

export const metadata: Metadata = { title: "Import an article" };

export default async function NewArticlePage() {
  const { allowed } = await requirePageUser("write:desk", "/articles/new");
  if (!allowed) return <Forbidden what="Only reviewers, editors and admins can import articles." />;
  return (
    <main id="main" className="page-narrow">
      <h1>Import an article</h1>
      <p className="muted">
        Bring in the article from its web address, a file (.txt, .md, .html, .docx, .pdf, or a transcript in .vtt, .srt or .txt) or a paste. You check the extracted text before it
        is saved as an unchangeable snapshot: claims are anchored to it, and a later version becomes a new snapshot.
      </p>
      <ImportWizard />
    </main>
  );
}
