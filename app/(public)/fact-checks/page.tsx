import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { FactCheckList } from "@/components/public/fact-check-list";
import { SearchForm } from "@/components/public/search-form";
import { siteUrl } from "@/server/env";
import { cachedPublishers, cachedRatings, cachedSearch, cachedVerdictSummaries } from "@/server/public-cache";
import styles from "@/components/public/public.module.css";
import extra from "@/components/public/fact-check.module.css";
import { parsePublicSearch, searchQuery, type SearchParams } from "./search-params";

type Props = { searchParams: Promise<SearchParams> };

export function generateMetadata(): Metadata {
  return {
    title: "Fact-checks",
    description: "Health claims we checked: every claim, its verdict, the evidence and any corrections.",
    alternates: { canonical: `${siteUrl()}/fact-checks`, types: { "application/atom+xml": `${siteUrl()}/fact-checks/feed.xml` } },
  };
}

export default async function FactChecksPage({ searchParams }: Props) {
  // Rendered per request from the public data cache: publishing shows up at once, without a database read per visit.
  await connection();
  const search = parsePublicSearch(await searchParams);
  const [result, ratings, publishers] = await Promise.all([cachedSearch(search), cachedRatings(), cachedPublishers()]);
  const verdicts = new Map(await cachedVerdictSummaries(result.items.map((i) => i.slug)));
  const filtered = Boolean(search.q || search.ratingId || search.publisher || search.from || search.to);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const headlineOf = new Map(ratings.map((r) => [r.id, r]));
  return (
    <main id="main" className={styles.indexPage}>
      <header className={styles.indexHeader}>
        <p className={styles.kicker}>Fact-checks</p>
        <h1 className={styles.indexHeading}>Health claims, checked</h1>
        <p className={styles.lead}>
          We check claims in articles about health. Every fact-check lists each claim, our rating, the evidence we used and any later corrections. Each
          verdict is written by one person and approved by another before it is published. <Link href="/methodology">How we work</Link>.
        </p>
      </header>
      <SearchForm search={search} ratings={ratings} publishers={publishers} />
      {result.total === 0 ? (
        <div className={`card ${styles.emptyState}`}>
          <h2>{filtered ? "No fact-checks match your search" : "No fact-checks published yet"}</h2>
          <p className="muted">{filtered ? "Try fewer words or remove a filter." : "When our editors publish a fact-check it will appear here, newest first."}</p>
        </div>
      ) : (
        <>
          <p className={extra.resultCount} role="status">
            {result.total === 1 ? "1 fact-check" : `${result.total} fact-checks`}
            {pages > 1 ? `, page ${result.page} of ${pages}` : ""}
          </p>
          <FactCheckList
            items={result.items.map((i) => ({ ...i, headline: i.headlineRatingId ? (headlineOf.get(i.headlineRatingId) ?? null) : null }))}
            verdicts={verdicts}
          />
          {pages > 1 ? (
            <nav className={extra.pagination} aria-label="Pages">
              {result.page > 1 ? <Link href={`/fact-checks${searchQuery(search, result.page - 1)}`}>← Newer fact-checks</Link> : <span />}
              {result.page < pages ? <Link href={`/fact-checks${searchQuery(search, result.page + 1)}`}>Older fact-checks →</Link> : null}
            </nav>
          ) : null}
        </>
      )}
    </main>
  );
}
