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

type Options = { siteUrl: string; articleId: string; articleTitle: string; claims: ExportClaim[] };

/** Builds the collection. IRIs point at this site; the snapshot is identified by its version id within the article. */
export function buildAnnotationCollection({ siteUrl, articleId, articleTitle, claims }: Options) {
  const base = siteUrl.replace(/\/$/, "");
  const collectionId = `${base}/api/articles/${encodeURIComponent(articleId)}/annotations`;
  const articleIri = `${base}/articles/${encodeURIComponent(articleId)}`;
  const items = claims.map((claim) => {
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
  });
  return {
    "@context": ANNOTATION_CONTEXT,
    id: collectionId,
    type: "AnnotationCollection",
    label: `Claims in “${articleTitle}”`,
    total: items.length,
    first: {
      id: `${collectionId}?page=0`,
      type: "AnnotationPage",
      partOf: collectionId,
      startIndex: 0,
      items,
    },
  };
}
