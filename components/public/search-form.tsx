import Link from "next/link";
import type { Rating } from "@/db/queries/ratings";
import type { PublicSearch } from "@/db/queries/public-search";
import { RatingOptions } from "@/components/ui/rating-options";
import extra from "./fact-check.module.css";

/** The index's search: a plain GET form, so it works without JavaScript and every result page has its own URL. */
export function SearchForm({ search, ratings, publishers }: { search: PublicSearch; ratings: Rating[]; publishers: string[] }) {
  return (
    <form method="get" action="/fact-checks" className={extra.search} role="search" aria-label="Search fact-checks">
      <div className={`field ${extra.searchWide}`}>
        <label htmlFor="search-q">Search</label>
        <input id="search-q" name="q" type="search" defaultValue={search.q ?? ""} maxLength={200} placeholder="Words in a title, summary or claim" />
      </div>
      <div className="field">
        <label htmlFor="search-rating">Verdict</label>
        <select id="search-rating" name="rating" defaultValue={search.ratingId ?? ""}>
          <option value="">Any verdict</option>
          <RatingOptions ratings={ratings} />
        </select>
      </div>
      <div className="field">
        <label htmlFor="search-publisher">Publisher</label>
        <select id="search-publisher" name="publisher" defaultValue={search.publisher ?? ""}>
          <option value="">Any publisher</option>
          {publishers.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="search-from">Published from</label>
        <input id="search-from" name="from" type="date" defaultValue={search.from ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="search-to">Published until</label>
        <input id="search-to" name="to" type="date" defaultValue={search.to ?? ""} />
      </div>
      <div className={extra.searchActions}>
        <button type="submit" className="button">
          Search
        </button>
        <Link href="/fact-checks">Clear</Link>
      </div>
    </form>
  );
}
