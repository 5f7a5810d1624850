/**
 * W3C Web Annotation export (https://www.w3.org/TR/annotation-model/): an
 * article's claims as an AnnotationCollection whose single page embeds every
 * annotation. Each annotation targets the snapshot with a TextQuoteSelector
 * and a TextPositionSelector (code points over the canonical text, which the
 * model requires and our anchors already use); its bodies carry the plain
 * statement (purpose "describing") and, when there is one, the verdict
 * (purpose "assessing"). Plain data in, JSON-LD out: no I/O here.
 */

export const ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld";
/** The media type the Web Annotation Protocol names for this JSON-LD profile. */
export const ANNOTATION_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

export type ExportClaim = {
  id: string;
  versionId: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  statement: string;
  status: string;
  createdAt: string;
  updatedAt: string;
  creatorName: string;
  verdict: { label: string; value: number; rationale: string; revision: number } | null;
};

/** Annotations per page: a page stays a few hundred kilobytes whatever the article holds. */
export const ANNOTATION_PAGE_SIZE = 100;

type Options = { siteUrl: string; articleId: string; articleTitle: string; claims: ExportClaim[]; pageSize?: number };

/**
 * The collection: its total, links to the first and last pages, and the
 * first page embedded (Web Annotation Protocol, "Container Representations").
 */
export function buildAnnotationCollection(options: Options) {
  const { collectionId } = iris(options);
  const pageSize = options.pageSize ?? ANNOTATION_PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(options.claims.length / pageSize));
  const { "@context": _context, partOf: _partOf, ...first } = buildAnnotationPage(options, 0)!;
  return {
    "@context": ANNOTATION_CONTEXT,
    id: collectionId,
    type: "AnnotationCollection",
    label: `Claims in “${options.articleTitle}”`,
    total: options.claims.length,
    first: { ...first, partOf: collectionId },
    last: `${collectionId}?page=${pages - 1}`,
  };
}

/** One page of the collection (`?page=N`, from 0), with next/prev links; null past the last page. */
export function buildAnnotationPage(options: Options, page: number) {
  const { collectionId } = iris(options);
  const pageSize = options.pageSize ?? ANNOTATION_PAGE_SIZE;
  const pages = Math.max(1, Math.ceil(options.claims.length / pageSize));
  if (!Number.isInteger(page) || page < 0 || page >= pages) return null;
  const startIndex = page * pageSize;
  return {
    "@context": ANNOTATION_CONTEXT,
    id: `${collectionId}?page=${page}`,
    type: "AnnotationPage",
    partOf: { id: collectionId, total: options.claims.length },
    startIndex,
    ...(page > 0 ? { prev: `${collectionId}?page=${page - 1}` } : {}),
    ...(page < pages - 1 ? { next: `${collectionId}?page=${page + 1}` } : {}),
    items: options.claims.slice(startIndex, startIndex + pageSize).map((claim) => annotationOf(options, claim)),
  };
}

function iris({ siteUrl, articleId }: Pick<Options, "siteUrl" | "articleId">) {
  const base = siteUrl.replace(/\/$/, "");
  return { collectionId: `${base}/api/articles/${encodeURIComponent(articleId)}/annotations`, articleIri: `${base}/articles/${encodeURIComponent(articleId)}` };
}

/** One claim as an Annotation targeting its snapshot. */
function annotationOf(options: Options, claim: ExportClaim) {
  const { articleIri } = iris(options);
  const bodies: Record<string, unknown>[] = [
    { type: "TextualBody", purpose: "describing", value: claim.statement, format: "text/plain", language: "en" },
  ];
  if (claim.verdict) {
    bodies.push({
      type: "TextualBody",
      purpose: "assessing",
      value: claim.verdict.label,
      format: "text/plain",
      language: "en",
    });
    bodies.push({ type: "TextualBody", purpose: "commenting", value: claim.verdict.rationale, format: "text/markdown", language: "en" });
  }
  return {
    "@context": ANNOTATION_CONTEXT,
    id: `${articleIri}#claim-${encodeURIComponent(claim.id)}`,
    type: "Annotation",
    motivation: claim.verdict ? "assessing" : "highlighting",
    created: claim.createdAt,
    modified: claim.updatedAt,
    creator: { type: "Person", name: claim.creatorName },
    body: bodies,
    target: {
      type: "SpecificResource",
      source: `${articleIri}?version=${encodeURIComponent(claim.versionId)}`,
      selector: [
        { type: "TextQuoteSelector", exact: claim.exact, prefix: claim.prefix, suffix: claim.suffix },
        { type: "TextPositionSelector", start: claim.start, end: claim.end },
      ],
    },
  };
}
