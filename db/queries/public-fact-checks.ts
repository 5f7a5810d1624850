import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDatabase } from "../client";

type Tables = typeof import("../schema/pg");
export type Correction = Tables["corrections"]["$inferSelect"];

/** A correction as the public sees it: the note and its date, never who wrote it internally. */
export type PublicCorrection = Pick<Correction, "id" | "note" | "createdAt">;

/** A publication's corrections, oldest first (the public page lists them in the order they happened). */
export async function listPublicCorrections({ publicationId }: { publicationId: string }): Promise<PublicCorrection[]> {
  const { db, t } = await getDatabase();
  return db
    .select({ id: t.corrections.id, note: t.corrections.note, createdAt: t.corrections.createdAt })
    .from(t.corrections)
    .where(eq(t.corrections.publicationId, publicationId))
    .orderBy(asc(t.corrections.createdAt));
}

export type PublicVerdictSummary = { label: string; colour: string; value: number };

/**
 * The ratings of each live fact-check's published claims, in text order, keyed
 * by slug, in one query for the whole index. Uses the same gate as
 * getPublicFactCheck: live publication, approved claim on the published snapshot.
 */
export async function listPublicVerdictSummaries({ slugs }: { slugs: string[] }): Promise<Map<string, PublicVerdictSummary[]>> {
  const result = new Map<string, PublicVerdictSummary[]>();
  if (slugs.length === 0) return result;
  const { db, t } = await getDatabase();
  const rows = await db
    .select({ slug: t.publications.slug, label: t.ratings.label, colour: t.ratings.colour, value: t.ratings.value })
    .from(t.publications)
    .innerJoin(t.claims, and(eq(t.claims.articleId, t.publications.articleId), eq(t.claims.versionId, t.publications.versionId)))
    .innerJoin(t.verdicts, eq(t.verdicts.id, t.claims.currentVerdictId))
    .innerJoin(t.ratings, eq(t.ratings.id, t.verdicts.ratingId))
    .where(and(inArray(t.publications.slug, slugs), eq(t.publications.live, true), eq(t.claims.status, "approved")))
    .orderBy(asc(t.claims.start), asc(t.claims.end));
  for (const { slug, ...verdict } of rows) {
    const list = result.get(slug) ?? [];
    list.push(verdict);
    result.set(slug, list);
  }
  return result;
}
