import type { Metadata } from "next";
import { Forbidden } from "@/components/desk/forbidden";
import { ImportForm } from "@/components/import/import-form";
import { requirePageUser } from "@/lib/server/session";
import { MAX_ARTICLE_CHARS } from "@/lib/limits";

export const metadata: Metadata = { title: "Import an article" };

export default async function NewArticlePage() {
  const { allowed } = await requirePageUser("write:desk", "/articles/new");
  if (!allowed) return <Forbidden what="Only reviewers, editors and admins can import articles." />;
  return (
    <main id="main" className="page-narrow">
      <h1>Import an article</h1>
      <p className="muted">
        Paste the article&apos;s text or load a .txt or .md file. Factdesk keeps the text as an unchangeable snapshot: claims are
        anchored to it, and a later version becomes a new snapshot.
      </p>
      <ImportForm maxChars={MAX_ARTICLE_CHARS} />
    </main>
  );
}
