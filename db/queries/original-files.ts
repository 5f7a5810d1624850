import "server-only";
import { createHash } from "node:crypto";
import { and, eq, inArray, isNull, lt } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { getDatabase } from "../client";

/**
 * Files kept byte for byte as they were imported (a PDF), for the "as
 * imported" view: the desk shows the original document itself, never a
 * re-rendering of its untrusted content into the desk's pages.
 *
 * A file is kept when the preview is made, before the reviewer decides to
 * save, so the preview can already link to it. Previews that were never
 * saved leave files no snapshot points at; those are removed a day later.
 */
const UNSAVED_KEPT_MS = 24 * 60 * 60 * 1000;

export type OriginalFile = { id: string; fileName: string; contentType: string; bytes: Buffer; createdBy: string; saved: boolean };

/** Keeps a file (or finds the same bytes kept before) and answers its id. */
export async function keepOriginalFile(input: { bytes: Buffer; fileName: string; contentType: string; userId: string }): Promise<string> {
  const { db, t } = await getDatabase();
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  await pruneUnsaved();
  await db
    .insert(t.originalFiles)
    .values({ id: newId(), sha256, contentType: input.contentType, fileName: input.fileName, byteSize: input.bytes.length, bytes: input.bytes, createdBy: input.userId })
    .onConflictDoNothing();
  const [kept] = await db.select({ id: t.originalFiles.id }).from(t.originalFiles).where(eq(t.originalFiles.sha256, sha256));
  return kept!.id;
}

/** The file with whether a snapshot keeps it (an unsaved preview's file is its importer's alone). */
export async function getOriginalFile(id: string): Promise<OriginalFile | null> {
  const { db, t } = await getDatabase();
  const [file] = await db
    .select({ id: t.originalFiles.id, fileName: t.originalFiles.fileName, contentType: t.originalFiles.contentType, bytes: t.originalFiles.bytes, createdBy: t.originalFiles.createdBy })
    .from(t.originalFiles)
    .where(eq(t.originalFiles.id, id));
  if (!file) return null;
  const [saved] = await db.select({ id: t.articleVersions.id }).from(t.articleVersions).where(eq(t.articleVersions.originalFileId, id)).limit(1);
  return { ...file, bytes: Buffer.from(file.bytes), saved: Boolean(saved) };
}

/** Refuses a snapshot that names a file that is gone (a preview older than a day) with words, not a foreign-key error. */
export async function assertOriginalFileExists(id: string | null | undefined): Promise<void> {
  if (!id) return;
  const { db, t } = await getDatabase();
  const [file] = await db.select({ id: t.originalFiles.id }).from(t.originalFiles).where(eq(t.originalFiles.id, id));
  if (!file) throw new AppError("invalid:import", "The original file of this preview is no longer kept. Import the file again.");
}

async function pruneUnsaved(): Promise<void> {
  const { db, t } = await getDatabase();
  const stale = db
    .select({ id: t.originalFiles.id })
    .from(t.originalFiles)
    .leftJoin(t.articleVersions, eq(t.articleVersions.originalFileId, t.originalFiles.id))
    .where(and(isNull(t.articleVersions.id), lt(t.originalFiles.createdAt, new Date(Date.now() - UNSAVED_KEPT_MS))));
  const ids = (await stale).map((r) => r.id);
  if (ids.length) await db.delete(t.originalFiles).where(inArray(t.originalFiles.id, ids));
}
