import type { PublicFactCheck } from "@/db/queries/public-fact-checks";
import type { PublicListItem } from "@/db/queries/public-search";
import type { Rating } from "@/db/queries/ratings";
import { publicArchivePath } from "@/lib/archive-links";
import { claimPermalink } from "@/lib/claimreview";
import { CACHE_POLICIES, cacheableResponse } from "@/server/http-cache";

/**
 * The public JSON shapes. Built field by field (never by spreading rows) so
 * internal columns (user ids, versions, drafts' ids) cannot leak when the
 * schema grows.
 */
const rating = (r: Pick<Rating, "label" | "value" | "colour">) => ({ label: r.label, value: r.value, colour: r.colour });

export function listItemJson(base: string, item: PublicListItem, ratings: Rating[]) {
  const headline = ratings.find((r) => r.id === item.headlineRatingId);
  return {
    slug: item.slug,
    url: `${base}/fact-checks/${item.slug}`,
    api: `${base}/api/public/fact-checks/${item.slug}`,
    title: item.title,
    summary: item.summary,
    publisher: item.publisher,
    headlineVerdict: headline ? rating(headline) : null,
    datePublished: item.publishedAt.toISOString(),
    dateModified: item.updatedAt.toISOString(),
  };
}

export function factCheckJson(base: string, f: PublicFactCheck) {
  const { publication, article } = f;
  return {
    slug: publication.slug,
    url: `${base}/fact-checks/${publication.slug}`,
    title: article.title,
    summary: publication.summary,
    headlineVerdict: f.headlineRating ? rating(f.headlineRating) : null,
    datePublished: publication.publishedAt.toISOString(),
    dateModified: publication.updatedAt.toISOString(),
    organisation: f.organisationName,
    source: { title: article.title, url: article.sourceUrl, publisher: article.publisher, author: article.author, datePublished: article.sourcePublishedOn },
    claims: f.claims.map((c) => ({
      id: c.id,
      url: claimPermalink(base, publication.slug, c.id),
      statement: c.statement,
      claimant: { name: c.claimantName, type: c.claimantKind, role: c.claimantRole, appearanceUrl: c.appearanceUrl, appearanceDate: c.appearanceDate },
      dateModified: c.modifiedAt?.toISOString() ?? null,
      quote: c.exact,
      verdict: rating(c.verdict.rating),
      rationale: c.verdict.rationale,
      reviewedBy: c.verdict.authorName,
      approvedBy: c.reviews.filter((r) => r.decision === "approved").map((r) => r.editorName),
      citations: c.verdict.citations.map((x) => ({
        url: x.url,
        title: x.title,
        publisher: x.publisher,
        datePublished: x.publishedOn,
        quote: x.quote,
        locator: x.locator,
        stance: x.stance,
        kind: x.kind,
        archiveUrl: x.archiveUrl,
        // The copy Factdesk kept when it was cited, and whether the quote is in it; null when nothing was kept.
        archive:
          x.archive?.sha256 && x.archive.fetchId && x.archive.fetchedAt
            ? { url: `${base}${publicArchivePath(x.archive.fetchId)}`, fetchedAt: x.archive.fetchedAt.toISOString(), sha256: x.archive.sha256, quoteStatus: x.archive.quoteStatus }
            : null,
      })),
      history: c.history.map((h) => ({ date: h.at.toISOString(), verdict: h.label, note: h.note })),
    })),
    corrections: f.corrections.map((c) => ({ date: c.createdAt.toISOString(), note: c.note, claimId: c.claimId })),
  };
}

/**
 * Open CORS: the API is read-only and serves only what the public pages show.
 * A script on another site may read the ETag and send it back (If-None-Match)
 * to get a 304 instead of the whole answer.
 */
export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type, If-None-Match",
  "Access-Control-Expose-Headers": "ETag",
  "Access-Control-Max-Age": "86400",
};

/** A 200 of the API: the same JSON for everyone, with its ETag (a 304 when the caller has it) and the API's cache lifetime. */
export function jsonResponse(request: Request, body: unknown): Response {
  return cacheableResponse(request, JSON.stringify(body), { contentType: "application/json", policy: CACHE_POLICIES.api, headers: CORS_HEADERS });
}

/** An error of the API: never stored (a fact-check published a moment later must not stay a 404 in some cache). */
export function jsonError(message: string, status: number): Response {
  return Response.json({ error: message }, { status, headers: { ...CORS_HEADERS, "Cache-Control": "no-store" } });
}

export function preflight(): Response {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}
