/**
 * One way to write a citation, for the desk and the public page alike:
 *   Title. Publisher, 1 June 2024. Study · Refutes. doi.org/10.…
 * Pure (no React), so server pages, feeds and the JSON API can all use it.
 */
import { recognizeCitationId } from "./citation-ids";

export type CitationLike = {
  url: string;
  title: string;
  publisher?: string | null;
  publishedOn?: string | null;
  quote?: string | null;
  stance?: "supports" | "refutes" | "context" | null;
  kind?: "study" | "agency" | "news" | "expert" | "other" | null;
  archiveUrl?: string | null;
};

const STANCE = { supports: "Supports", refutes: "Refutes", context: "Context" } as const;
const KIND = { study: "Study", agency: "Agency", news: "News", expert: "Expert", other: "Other" } as const;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2024-06-01" → "1 June 2024", "2024-06" → "June 2024", "2024" → "2024"; anything else is shown as typed. */
export function formatCitationDate(value: string | null | undefined): string {
  const v = value?.trim() ?? "";
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
  if (!m) return v;
  const [, year, month, day] = m;
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (month && !monthName) return v;
  return [day ? String(Number(day)) : "", monthName ?? "", year].filter(Boolean).join(" ");
}

/** The address without scheme, "www." or a trailing slash: what a reader needs to recognise a source. */
export function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//i, "").replace(/^www\./i, "").replace(/\/$/, "");
}

export type FormattedCitation = {
  title: string;
  /** "Publisher, 1 June 2024" (either part may be missing). */
  source: string;
  /** "Study · Refutes". */
  labels: string;
  /** "doi:10.…" or "PMID 123" when the URL is a resolver link, else the short address. */
  identifier: string;
  url: string;
  archiveUrl: string | null;
  quote: string | null;
  /** Everything above on one line, for plain-text contexts (feeds, the API, copy-paste). */
  text: string;
};

export function formatCitation(c: CitationLike): FormattedCitation {
  const title = c.title.trim().replace(/[.\s]+$/, "");
  const source = [c.publisher?.trim(), formatCitationDate(c.publishedOn)].filter(Boolean).join(", ");
  const labels = [c.kind ? KIND[c.kind] : "", c.stance ? STANCE[c.stance] : ""].filter(Boolean).join(" · ");
  const id = /doi\.org|pubmed|pmc\.ncbi/i.test(c.url) ? recognizeCitationId(c.url) : null;
  const identifier = id ? (id.kind === "doi" ? `doi:${id.id}` : id.kind === "pmid" ? `PMID ${id.id}` : id.id) : displayUrl(c.url);
  const quote = c.quote?.trim() || null;
  const text = [`${title}.`, source ? `${source}.` : "", labels ? `${labels}.` : "", identifier].filter(Boolean).join(" ");
  return { title, source, labels, identifier, url: c.url, archiveUrl: c.archiveUrl || null, quote, text };
}
