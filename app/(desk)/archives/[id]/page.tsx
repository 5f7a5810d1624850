import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Forbidden } from "@/components/desk/forbidden";
import { ArchivedCopy } from "@/components/sources/archived-copy";
import { deskArchive } from "@/db/queries/sources";
import { idSchema } from "@/lib/validation/ids";
import { requirePageUser } from "@/server/session";

export const metadata: Metadata = { title: "Archived copy", robots: { index: false, follow: false } };

/** Any archived copy, also of sources no published fact-check cites yet: what reviewers and editors check quotes against. */
export default async function DeskArchivePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { allowed } = await requirePageUser("read:desk", `/archives/${id}`);
  if (!allowed) return <Forbidden what="Archived copies of sources are for the desk." />;
  const parsed = idSchema.safeParse(id);
  const copy = parsed.success ? await deskArchive(parsed.data) : null;
  if (!copy) notFound();
  return <ArchivedCopy copy={copy} note="The text of the source as Factdesk fetched it. Readers see this copy only once a published fact-check cites it." />;
}
