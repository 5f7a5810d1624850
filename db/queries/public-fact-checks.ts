import "server-only";
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { BlockPlace } from "@/lib/anchoring/text";
import { placeFinder } from "@/lib/block-place";
import { pickClaimant, type Claimant } from "@/lib/claimant";
import { getDatabase } from "../client";
import type { Article, ArticleVersion } from "./articles";
import { getArticleByIdOrThrow, getArticleVersion } from "./articles";
import { loadClaimDetails, type ClaimDetail } from "./claim-details";
import { pinClaimsToVersion } from "./claim-anchors";
import { listClaimsForArticle, type Claim } from "./claims";
import { listRatings, type Rating } from "./ratings";
import { getLivePublicationBySlug, type Publication } from "./publications";
import { getSetting } from "./settings";
import { archiveAnEditorSaw, isPublicClaim, livePublication, onPublishedSnapshot, publicRevisionJoin, publishedRevisionId } from "./public-visibility";

type Tables = typeof import("../schema/pg");
export type Correction = Tables["corrections"]["$inferSelect"];

/** A correction as the public sees it: the note, its date and the claim it concerns, never who wrote it internally. */
export type PublicCorrection = Pick<Correction, "id" | "note" | "createdAt" | "claimId">;

/** A publication's corrections, oldest first (the public page lists them in the order they happened). */
export async function listPublicCorrections({ publicationId }: { publicationId: string }): Promise<PublicCorrection[]> {
  const { db, t } = await getDatabase();
  return db
    .select({ id: t.corrections.id, note: t.corrections.note, createdAt: t.corrections.createdAt, claimId: t.corrections.claimId })
    .from(t.corrections)
    .where(eq(t.corrections.publicationId, publicationId))
    .orderBy(asc(t.corrections.createdAt));
}

/** One step in a claim's public verdict history: the rating from `at` on, and the correction note that introduced it. */
export type VerdictHistoryEntry = { at: Date; label: string; colour: string; note: string | null; ratingChanged: boolean };

/**
 * A published claim as readers see it, built field by field: the anchor on
 * the published snapshot, everything else from the approved revision.
 */
export type PublicClaim = Pick<Claim, "id" | "exact" | "prefix" | "suffix" | "start" | "end"> &
  Claimant & {
    statement: string;
    verdict: NonNullable<ClaimDetail["verdict"]>;
    reviews: ClaimDetail["reviews"];
    history: VerdictHistoryEntry[];
    /** When readers last saw this claim change (its latest correction), or null if never. */
    modifiedAt: Date | null;
    /** Where in a PDF or a recording the claim was made (page, speaker, time), or null for a web article. */
    place: BlockPlace | null;
  };

export type PublicFactCheck = {
  publication: Publication;
  article: Article;
  snapshot: ArticleVersion;
  /** Published claims only, in text order: excluded claims and unapproved first revisions never reach the public. */
  claims: PublicClaim[];
  corrections: PublicCorrection[];
  headlineRating: Rating | null;
  ratings: Rating[];
  organisationName: string;
  /** The language the organisation writes its fact-checks in (settings). */
  language: string;
};

/** The published fact-check behind a public slug, or null when there is none (drafts stay invisible). */
export async function getPublicFactCheck({ slug }: { slug: string }): Promise<PublicFactCheck | null> {
  const publication = await getLivePublicationBySlug({ slug });
  if (!publication) return null;
  const article = await getArticleByIdOrThrow({ id: publication.articleId });
  const snapshot = await getArticleVersion({ id: publication.versionId });
  if (!snapshot) return null;
  // Claims re-anchored to a newer snapshot are shown where they were on the published one.
  const pinned = await pinClaimsToVersion(await listClaimsForArticle({ articleId: article.id }), publication.versionId);
  const details = await loadClaimDetails(pinned.filter(publishedRevisionId), publishedRevisionId);
  return readersView({ publication, article, snapshot, details, correctionsOf: publication.id });
}

/**
 * What readers see of a publication, from its claims' details: only the claims the visibility rule lets through,
 * each with its verdict history, the corrections, the headline rating, the scale and the organisation's name. One
 * assembly for the live page and the publish preview (publish-preview.ts), so the preview is what readers will get.
 * `correctionsOf`: the publication whose corrections to list (none before a first publication).
 */
export async function readersView(input: { publication: Publication; article: Article; snapshot: ArticleVersion; details: ClaimDetail[]; correctionsOf: string | null }): Promise<PublicFactCheck> {
  const { publication, article, snapshot, details, correctionsOf } = input;
  const [corrections, ratings, organisationName, language] = await Promise.all([
    correctionsOf ? listPublicCorrections({ publicationId: correctionsOf }) : Promise.resolve([]),
    listRatings(),
    getSetting("organisationName"),
    getSetting("language"),
  ]);
  const history = await loadHistories(corrections, publication.publishedAt, ratings);
  const placeOf = placeFinder(snapshot.blocks);
  const claims = details.flatMap((c): PublicClaim[] => {
    if (!c.verdict || !isPublicClaim(c, c.verdict, publication)) return [];
    const { id, exact, prefix, suffix, start, end, reviews } = c;
    const verdict = { ...c.verdict, citations: c.verdict.citations.map((x) => ({ ...x, archive: archiveAnEditorSaw(x.archive, reviews) })) };
    const entries = history.get(id) ?? [];
    return [{ id, exact, prefix, suffix, start, end, reviews, verdict, statement: verdict.statement, ...pickClaimant(verdict), history: entries, modifiedAt: entries.at(-1)?.at ?? null, place: placeOf(start) }];
  });
  const headlineRating = ratings.find((r) => r.id === publication.headlineRatingId) ?? null;
  return { publication, article, snapshot, claims, corrections, headlineRating, ratings, organisationName, language };
}

/** Per claim: the rating it was first published with, then each corrected rating with its note. */
export async function loadHistories(corrections: PublicCorrection[], publishedAt: Date, ratings: Rating[]): Promise<Map<string, VerdictHistoryEntry[]>> {
  const result = new Map<string, VerdictHistoryEntry[]>();
  const ids = corrections.map((c) => c.id);
  if (ids.length === 0) return result;
  const { db, t } = await getDatabase();
  const rows = await db
    .select({ id: t.corrections.id, claimId: t.corrections.claimId, verdictId: t.corrections.verdictId, previousVerdictId: t.corrections.previousVerdictId })
    .from(t.corrections)
    .where(and(inArray(t.corrections.id, ids), isNotNull(t.corrections.claimId)));
  const verdictIds = rows.flatMap((r) => [r.verdictId, r.previousVerdictId]).filter((v): v is string => Boolean(v));
  const verdicts = verdictIds.length ? await db.select({ id: t.verdicts.id, ratingId: t.verdicts.ratingId }).from(t.verdicts).where(inArray(t.verdicts.id, verdictIds)) : [];
  const ratingOfVerdict = new Map(verdicts.map((v) => [v.id, ratings.find((r) => r.id === v.ratingId)]));
  const rowOf = new Map(rows.map((r) => [r.id, r]));
  for (const correction of corrections) {
    const row = rowOf.get(correction.id);
    if (!row?.claimId) continue;
    const list = result.get(row.claimId) ?? [];
    const before = row.previousVerdictId ? ratingOfVerdict.get(row.previousVerdictId) : undefined;
    if (list.length === 0 && before) list.push({ at: publishedAt, label: before.label, colour: before.colour, note: null, ratingChanged: true });
    const after = row.verdictId ? ratingOfVerdict.get(row.verdictId) : undefined;
    const previous = list.at(-1);
    if (after) list.push({ at: correction.createdAt, label: after.label, colour: after.colour, note: correction.note, ratingChanged: !previous || previous.label !== after.label });
    result.set(row.claimId, list);
  }
  return result;
}

export type PublicVerdictSummary = { label: string; colour: string; value: number };

/**
 * The ratings of each live fact-check's published claims, in text order, keyed
 * by slug, in one query for the whole index.
 */
export async function listPublicVerdictSummaries({ slugs }: { slugs: string[] }): Promise<Map<string, PublicVerdictSummary[]>> {
  const result = new Map<string, PublicVerdictSummary[]>();
  if (slugs.length === 0) return result;
  const { db, t } = await getDatabase();
  const rows = await db
    .select({ slug: t.publications.slug, label: t.ratings.label, colour: t.ratings.colour, value: t.ratings.value })
    .from(t.publications)
    .innerJoin(t.claims, onPublishedSnapshot(t))
    .innerJoin(t.verdicts, publicRevisionJoin(t))
    .innerJoin(t.ratings, eq(t.ratings.id, t.verdicts.ratingId))
    .where(and(inArray(t.publications.slug, slugs), livePublication(t)))
    .orderBy(asc(t.claims.start), asc(t.claims.end));
  for (const { slug, ...verdict } of rows) {
    const list = result.get(slug) ?? [];
    list.push(verdict);
    result.set(slug, list);
  }
  return result;
}

/**
 * The slug of the live fact-check a claim belongs to, or null (the claim or
 * its publication is not public). Where the claim sits is left to the page
 * (getPublicFactCheck), which also shows claims a re-import moved on.
 */
export async function getPublicSlugForClaim({ claimId }: { claimId: string }): Promise<string | null> {
  const { db, t } = await getDatabase();
  const [row] = await db
    .select({ slug: t.publications.slug })
    .from(t.claims)
    .innerJoin(t.publications, eq(t.publications.articleId, t.claims.articleId))
    .innerJoin(t.verdicts, publicRevisionJoin(t))
    .where(and(eq(t.claims.id, claimId), livePublication(t)));
  return row?.slug ?? null;
}
