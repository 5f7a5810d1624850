import "server-only";
import { asc, count, max, sql, type AnyColumn, type SQL, type Subquery } from "drizzle-orm";
import type { FileSummary } from "@/lib/sitemap";
import { getDatabase, type Db } from "../client";
import { livePublication, onPublishedPage, publicRevisionJoin } from "./public-visibility";

/**
 * What the sitemap lists (lib/sitemap.ts lays out the files): every live
 * fact-check in slug order, and every claim permalink readers can open in
 * claim id order. Both orders are unique indexed columns, so file n is one
 * query with an offset, and each series' index entries one query however
 * many files it has.
 */

/** A live fact-check in the sitemap; `updatedAt` moves with each correction. */
export type SitemapFactCheck = { slug: string; updatedAt: Date };

/** A claim permalink in the sitemap: the claim and its fact-check (whose `updatedAt` it shares, as corrections move it). */
export type SitemapClaim = { slug: string; claimId: string; updatedAt: Date };

type Window = { offset: number; limit: number };

/** Live fact-checks in slug order, `limit` of them from `offset`. */
export async function listSitemapFactChecks({ offset, limit }: Window): Promise<SitemapFactCheck[]> {
  if (limit <= 0) return [];
  const { db, t } = await getDatabase();
  return db
    .select({ slug: t.publications.slug, updatedAt: t.publications.updatedAt })
    .from(t.publications)
    .where(livePublication(t))
    .orderBy(asc(t.publications.slug))
    .limit(limit)
    .offset(offset);
}

/** Public claims, as their fact-check's page shows them (re-imported ones included), in claim id order, `limit` of them from `offset`. */
export async function listSitemapClaims({ offset, limit }: Window): Promise<SitemapClaim[]> {
  if (limit <= 0) return [];
  const { db, t } = await getDatabase();
  return db
    .select({ slug: t.publications.slug, claimId: t.claims.id, updatedAt: t.publications.updatedAt })
    .from(t.claims)
    .innerJoin(t.publications, onPublishedPage(t))
    .innerJoin(t.verdicts, publicRevisionJoin(t))
    .where(livePublication(t))
    .orderBy(asc(t.claims.id))
    .limit(limit)
    .offset(offset);
}

/** Per file of `perFile` URLs, after `leading` fixed ones: how many live fact-checks it holds and the newest change among them. */
export async function summarizeSitemapFactChecks({ perFile, leading }: { perFile: number; leading: number }): Promise<FileSummary[]> {
  const { db, t } = await getDatabase();
  const numbered = db
    .select({ updatedAt: t.publications.updatedAt, position: sql<number>`row_number() over (order by ${t.publications.slug})`.as("position") })
    .from(t.publications)
    .where(livePublication(t))
    .as("numbered");
  return summarize(db, numbered, perFile, leading);
}

/** Per file of `perFile` URLs: how many claim permalinks it holds and the newest change among them. */
export async function summarizeSitemapClaims({ perFile }: { perFile: number }): Promise<FileSummary[]> {
  const { db, t } = await getDatabase();
  const numbered = db
    .select({ updatedAt: t.publications.updatedAt, position: sql<number>`row_number() over (order by ${t.claims.id})`.as("position") })
    .from(t.claims)
    .innerJoin(t.publications, onPublishedPage(t))
    .innerJoin(t.verdicts, publicRevisionJoin(t))
    .where(livePublication(t))
    .as("numbered");
  return summarize(db, numbered, perFile, 0);
}

/** Rows of a series with their position in it (1, 2, …) and when each last changed. */
type Numbered = Subquery & { updatedAt: AnyColumn; position: SQL.Aliased<number> };

/** Groups numbered rows into files: file = (position - 1 + leading) / perFile, an integer division in both dialects. */
async function summarize(db: Db, numbered: Numbered, perFile: number, leading: number): Promise<FileSummary[]> {
  if (!Number.isSafeInteger(perFile) || perFile < 1 || !Number.isSafeInteger(leading) || leading < 0) throw new Error(`summarize: bad file size ${perFile} or lead ${leading}`);
  // Literal numbers, not parameters: Postgres must see the same expression in the select list and in GROUP BY.
  const file = sql<number>`(${numbered.position} - 1 + ${sql.raw(String(leading))}) / ${sql.raw(String(perFile))}`;
  const rows = await db
    .select({ file: file.mapWith(Number), urls: count(), lastmod: max(numbered.updatedAt) })
    .from(numbered)
    .groupBy(file)
    .orderBy(file);
  return rows.map((r) => ({ file: r.file, urls: r.urls, lastmod: r.lastmod === null ? null : new Date(r.lastmod as Date) }));
}
