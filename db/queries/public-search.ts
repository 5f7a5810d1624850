import "server-only";
import { and, asc, count, desc, eq, exists, gte, lt, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { fold } from "@/lib/claim-matching/text";
import { getDatabase } from "../client";
import { livePublication, onPublishedSnapshot, publicRevisionJoin, publishedSnapshotHasClaim } from "./public-visibility";

export type PublicSearch = {
  /** Words to find: as substrings of the title or the summary, or as whole (stemmed) words of a published claim's statement. */
  q?: string;
  /** A rating id: fact-checks whose headline verdict or any published claim has it. */
  ratingId?: string;
  /** The source's publisher, exactly as listed. */
  publisher?: string;
  /** Published on or after this day (yyyy-mm-dd, UTC). */
  from?: string;
  /** Published on or before this day (yyyy-mm-dd, UTC). */
  to?: string;
  page?: number;
  pageSize?: number;
};

export type PublicListItem = {
  slug: string;
  title: string;
  summary: string;
  publisher: string | null;
  publishedAt: Date;
  updatedAt: Date;
  headlineRatingId: string | null;
};

export type PublicSearchResult = { items: PublicListItem[]; total: number; page: number; pageSize: number };

export const PUBLIC_PAGE_SIZE = 20;

/** `%` and `_` in what a reader typed are literal characters, not wildcards. */
function likePattern(term: string): string {
  return `%${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Live fact-checks matching a public search, newest first, one page at a time, with the total for pagination. */
export async function searchPublicFactChecks(search: PublicSearch = {}): Promise<PublicSearchResult> {
  const database = await getDatabase();
  const { db, t } = database;
  const pageSize = Math.min(Math.max(search.pageSize ?? PUBLIC_PAGE_SIZE, 1), 100);
  const page = Math.max(search.page ?? 1, 1);
  /**
   * Published snapshots with a public claim whose statement contains `word`
   * as a word (stemmed), through the full-text index: SQLite's claims_fts
   * (statement column only), Postgres's claims.search (weight A = the
   * statement; migration 0008). One uncorrelated subquery per word, not a
   * substring scan of every claim of every fact-check.
   */
  const claimHasWord = (word: string): SQL | undefined => {
    // Accents folded as both indexes fold them (migration 0019 on Postgres): "cafe" and "café" find the same.
    const pieces = fold(word).match(/[\p{L}\p{N}]+/gu);
    if (!pieces) return undefined;
    if (database.dialect === "sqlite") {
      // A quoted FTS5 phrase ("covid-19" → covid, 19 in a row); "" escapes a quote.
      const match = `statement : "${pieces.join(" ")}"`;
      return publishedSnapshotHasClaim(database, sql`${t.claims}.rowid in (select rowid from claims_fts where claims_fts match ${match})`);
    }
    const query = pieces.map((p) => `${p}:A`).join(" <-> ");
    // A stop word ("in", "of") has no lexeme and cannot narrow anything: it is ignored, as SQLite (no stop words) finds it in nearly every claim.
    const matches = publishedSnapshotHasClaim(database, sql`${t.claims}.search @@ to_tsquery('english'::regconfig, ${query})`);
    return sql`(numnode(to_tsquery('english'::regconfig, ${query})) = 0 or ${matches})`;
  };
  const filters: (SQL | undefined)[] = [livePublication(t)];
  for (const word of (search.q ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 8)) {
    const pattern = likePattern(word);
    // SQLite's LIKE already ignores ASCII case and its lower() folds nothing else, so lower() there would only cost a pass over every row.
    const inText = (column: AnyColumn) => (database.dialect === "sqlite" ? sql`${column} like ${pattern} escape '\\'` : sql`lower(${column}) like ${pattern} escape '\\'`);
    // Titles and summaries: one row per fact-check (10,000 at most), so a substring scan stays cheap; claims are ten times more.
    filters.push(or(inText(t.articles.title), inText(t.publications.summary), claimHasWord(word)));
  }
  if (search.ratingId) {
    const claimVerdict = db
      .select({ one: sql`1` })
      .from(t.claims)
      .innerJoin(t.verdicts, publicRevisionJoin(t))
      .where(and(onPublishedSnapshot(t), eq(t.verdicts.ratingId, search.ratingId)));
    filters.push(or(eq(t.publications.headlineRatingId, search.ratingId), exists(claimVerdict)));
  }
  if (search.publisher) filters.push(eq(t.articles.publisher, search.publisher));
  if (search.from) filters.push(gte(t.publications.publishedAt, new Date(`${search.from}T00:00:00.000Z`)));
  if (search.to) filters.push(lt(t.publications.publishedAt, new Date(new Date(`${search.to}T00:00:00.000Z`).getTime() + 86_400_000)));
  const where = and(...filters);
  const countMatching = async () => {
    const [row] = await db.select({ n: count() }).from(t.publications).innerJoin(t.articles, eq(t.articles.id, t.publications.articleId)).where(where);
    return Number(row?.n ?? 0);
  };

  const total = sql<number>`count(*) over ()`.mapWith(Number);
  // One query for the page and the total (a window count over the same filter), not the filter run twice.
  const rows = await db
    .select({
      slug: t.publications.slug,
      title: t.articles.title,
      summary: t.publications.summary,
      publisher: t.articles.publisher,
      publishedAt: t.publications.publishedAt,
      updatedAt: t.publications.updatedAt,
      headlineRatingId: t.publications.headlineRatingId,
      total,
    })
    .from(t.publications)
    .innerJoin(t.articles, eq(t.articles.id, t.publications.articleId))
    .where(where)
    .orderBy(desc(t.publications.publishedAt), asc(t.publications.slug))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const items = rows.map(({ total: _total, ...item }) => item);
  // A page past the last has no row to carry the total: count apart (only then).
  const counted = rows[0]?.total ?? (page > 1 ? await countMatching() : 0);
  return { items, total: counted, page, pageSize };
}

/** Publishers of live fact-checks' sources, for the index's filter. */
export async function listPublicPublishers(): Promise<string[]> {
  const { db, t } = await getDatabase();
  const rows = await db
    .selectDistinct({ publisher: t.articles.publisher })
    .from(t.publications)
    .innerJoin(t.articles, eq(t.articles.id, t.publications.articleId))
    .where(and(livePublication(t), sql`${t.articles.publisher} is not null`))
    .orderBy(asc(t.articles.publisher));
  return rows.map((r) => r.publisher!).filter(Boolean);
}
