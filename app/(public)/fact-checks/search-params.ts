import { z } from "zod";
import type { PublicSearch } from "@/db/queries/public-search";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)));
const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/**
 * Public search parameters from a URL (the index page and the JSON API share
 * them). Anything malformed is dropped rather than refused: a reader's
 * hand-edited URL still gets a page.
 */
const schema = z.object({
  q: z.preprocess(one, z.string().trim().max(200).optional()).catch(undefined),
  rating: z.preprocess(one, z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional()).catch(undefined),
  publisher: z.preprocess(one, z.string().trim().min(1).max(200).optional()).catch(undefined),
  from: z.preprocess(one, day.optional()).catch(undefined),
  to: z.preprocess(one, day.optional()).catch(undefined),
  page: z.preprocess(one, z.coerce.number().int().min(1).max(10_000).optional()).catch(undefined),
});

export type SearchParams = Record<string, string | string[] | undefined>;

export function parsePublicSearch(params: SearchParams): PublicSearch & { page: number } {
  const p = schema.parse(params);
  return { q: p.q || undefined, ratingId: p.rating, publisher: p.publisher, from: p.from, to: p.to, page: p.page ?? 1 };
}

/** The same search as a query string, for pagination links (page 1 is left out). */
export function searchQuery(search: PublicSearch, page: number): string {
  const params = new URLSearchParams();
  if (search.q) params.set("q", search.q);
  if (search.ratingId) params.set("rating", search.ratingId);
  if (search.publisher) params.set("publisher", search.publisher);
  if (search.from) params.set("from", search.from);
  if (search.to) params.set("to", search.to);
  if (page > 1) params.set("page", String(page));
  const s = params.toString();
  return s ? `?${s}` : "";
}
