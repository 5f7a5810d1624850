import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { ArchivedCopy } from "@/components/sources/archived-copy";
import { publicArchive } from "@/db/queries/sources";
import { idSchema } from "@/lib/validation/ids";

type Props = { params: Promise<{ id: string }> };

const load = cache(async (id: string) => {
  await connection();
  const parsed = idSchema.safeParse(id);
  return parsed.success ? publicArchive(parsed.data) : null;
});

// An archive is evidence for a fact-check, not a page of ours to rank: never indexed, links not followed.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const copy = await load((await params).id);
  return { title: copy ? `Archived copy: ${copy.snapshot.title || copy.fetch.url}` : "Archived copy not found", robots: { index: false, follow: false } };
}

/** /sources/<id>: the copy of a source a published fact-check cites, as it was fetched (readers only see cited, published ones). */
export default async function PublicArchivePage({ params }: Props) {
  const copy = await load((await params).id);
  if (!copy) notFound();
  return <ArchivedCopy copy={copy} />;
}
