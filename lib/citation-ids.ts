/**
 * Recognises scholarly identifiers in text a reviewer pastes into a citation
 * (a DOI or a PubMed id, bare or as a link) and turns them into the canonical
 * resolver URL, so citations to studies all look the same and keep working.
 */
export type CitationId =
  | { kind: "doi"; id: string; url: string }
  | { kind: "pmid"; id: string; url: string }
  | { kind: "pmcid"; id: string; url: string };

// DOI syntax (doi.org handbook): "10." + registrant code + "/" + suffix. The suffix may contain
// almost anything, so it stops at whitespace and at punctuation that ends a sentence or wraps it.
const DOI = /\b(10\.\d{4,9}\/[^\s"<>]+)/i;
const TRAILING = /[.,;:)\]}'’”>]+$/;

/** Finds the first DOI, PMCID or PMID in `text`; null when there is none. */
export function recognizeCitationId(text: string): CitationId | null {
  const input = text.trim();
  if (!input || input.length > 4096) return null;

  const pmc = /\b(?:pmcid\s*:?\s*)?(PMC\d{4,9})\b/i.exec(input);
  const doi = DOI.exec(decodeSafely(input.replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, "")));
  if (doi) {
    let id = doi[1]!.replace(TRAILING, "");
    // A closing bracket belongs to the DOI only when it also opens one inside it, e.g. 10.1016/S0140-6736(20)30183-5.
    while (id.endsWith(")") && (id.match(/\(/g)?.length ?? 0) < (id.match(/\)/g)?.length ?? 0)) id = id.slice(0, -1);
    return { kind: "doi", id, url: `https://doi.org/${id}` };
  }
  if (pmc) {
    const id = pmc[1]!.toUpperCase();
    return { kind: "pmcid", id, url: `https://pmc.ncbi.nlm.nih.gov/articles/${id}/` };
  }
  const pubmedUrl = /pubmed\.ncbi\.nlm\.nih\.gov\/(\d{1,9})\b/i.exec(input) ?? /ncbi\.nlm\.nih\.gov\/pubmed\/(\d{1,9})\b/i.exec(input);
  // A bare number is a PMID only when labelled: "PMID: 31120873" — a lone number could be anything.
  const labelled = /\bPMID\s*:?\s*(\d{1,9})\b/i.exec(input);
  const pmid = pubmedUrl ?? labelled;
  if (pmid) {
    const id = String(Number(pmid[1]));
    return { kind: "pmid", id, url: `https://pubmed.ncbi.nlm.nih.gov/${id}/` };
  }
  return null;
}

/** Resolver links percent-encode the DOI's slash (10.1002%2F…); text that is not encoded stays as typed. */
function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
