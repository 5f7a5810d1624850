import type { Metadata } from "next";
import { connection } from "next/server";
import { listPublishedFactChecks } from "@/db/queries/publications";
import { listPublicVerdictSummaries } from "@/db/queries/public-fact-checks";
import { FactCheckList } from "@/components/public/fact-check-list";
import { siteUrl } from "@/lib/env";
import styles from "@/components/public/public.module.css";

export function generateMetadata(): Metadata {
  return {
    title: "Fact-checks",
    description: "Health claims we checked: every claim, its verdict, the evidence and any corrections.",
    alternates: { canonical: `${siteUrl()}/fact-checks` },
  };
}

export default async function FactChecksPage() {
  // Read at request time: publishing must show up without a rebuild.
  await connection();
  const items = await listPublishedFactChecks({ limit: 100 });
  const verdicts = await listPublicVerdictSummaries({ slugs: items.map((i) => i.slug) });
  return (
    <main id="main" className={styles.indexPage}>
      <header className={styles.indexHeader}>
        <p className={styles.kicker}>Fact-checks</p>
        <h1 className={styles.indexHeading}>Health claims, checked</h1>
        <p className={styles.lead}>
          We check claims in articles about health. Every fact-check lists each claim, our rating, the evidence we used and any later corrections. Each
          verdict is written by one person and approved by another before it is published.
        </p>
      </header>
      {items.length === 0 ? (
        <div className={`card ${styles.emptyState}`}>
          <h2>No fact-checks published yet</h2>
          <p className="muted">When our editors publish a fact-check it will appear here, newest first.</p>
        </div>
      ) : (
        <FactCheckList items={items} verdicts={verdicts} />
      )}
    </main>
  );
}
