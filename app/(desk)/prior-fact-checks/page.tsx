import type { Metadata } from "next";
import { Forbidden } from "@/components/desk/forbidden";
import { PriorImport } from "@/components/prior-fact-checks/prior-import";
import { UndoImportButton } from "@/components/prior-fact-checks/undo-import-button";
import { listContextLinks, listImportBatches, listPriorFactChecks } from "@/db/queries/prior-fact-checks";
import { requirePageUser } from "@/server/session";

export const metadata: Metadata = { title: "Prior fact-checks" };

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Fact-checks published elsewhere that the desk brought in (ClaimReview pages and files, Check exports), context links, and the imports with their undo. */
export default async function PriorFactChecksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { allowed } = await requirePageUser("review:verdict", "/prior-fact-checks");
  if (!allowed) return <Forbidden what="Only editors and admins import fact-checks from other tools." />;
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 200) ?? "";
  const [priors, batches, links] = await Promise.all([listPriorFactChecks({ q }), listImportBatches(), listContextLinks()]);
  return (
    <main id="main" className="page" style={{ maxWidth: 960 }}>
      <h1>Prior fact-checks</h1>
      <p className="muted">What other fact-checkers (or this desk, in another tool) already checked. Only the desk sees them; readers never do.</p>
      <PriorImport />
      <section aria-labelledby="priors-heading" style={{ marginTop: "2rem" }}>
        <h2 id="priors-heading">Imported reviews</h2>
        <form role="search" className="field" style={{ display: "flex", gap: "0.5rem", flexWrap: "wrap", alignItems: "end" }}>
          <div style={{ flex: "1 1 16rem" }}>
            <label htmlFor="prior-q">Find by claim, claimant or publisher</label>
            <input id="prior-q" name="q" type="search" defaultValue={q} maxLength={200} />
          </div>
          <button type="submit" className="button secondary">
            Find
          </button>
        </form>
        {priors.length === 0 ? (
          <p className="muted">{q ? "No imported review matches." : "None yet."}</p>
        ) : (
          <ul className="stack" data-testid="prior-list">
            {priors.map((p) => (
              <li key={p.id} className="card small">
                <strong>{p.claim}</strong>
                <br />
                {p.ratingLabel ?? (p.ratingValue !== null ? `${p.ratingValue} of 5` : "No rating label")} · checked by {p.publisher ?? "an unnamed publisher"}
                {p.datePublished ? ` on ${p.datePublished}` : ""}
                {p.claimant ? ` · claimed by ${p.claimant}` : ""}
                {p.url ? (
                  <>
                    {" · "}
                    <a href={p.url} rel="noopener noreferrer nofollow" target="_blank">
                      the review
                    </a>
                  </>
                ) : (
                  " · not published"
                )}
                {p.summary && (
                  <>
                    <br />
                    <span className="muted">{p.summary}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {links.length > 0 && (
        <section aria-labelledby="links-heading" style={{ marginTop: "2rem" }}>
          <h2 id="links-heading">Context links</h2>
          <p className="muted small">Background the organisation wrote (explainers brought in from Check), to link from a rationale.</p>
          <ul className="stack" data-testid="context-links">
            {links.map((l) => (
              <li key={l.id} className="card small">
                <strong>{l.url ? <a href={l.url} rel="noopener noreferrer nofollow" target="_blank">{l.title}</a> : l.title}</strong>
                {l.language ? ` (${l.language})` : ""}
                {l.description && (
                  <>
                    <br />
                    <span className="muted">{l.description}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="batches-heading" style={{ marginTop: "2rem" }}>
        <h2 id="batches-heading">Imports</h2>
        {batches.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          <ul className="small" data-testid="import-batches">
            {batches.map((b) => (
              <li key={b.id}>
                {dateTime.format(b.createdAt)} UTC · {b.kind === "check" ? "from Check: " : ""}
                {b.label} · {importedWhat(b.kind, b.itemCount)} · {b.createdByName}
                {b.undoneAt ? ` · undone ${dateTime.format(b.undoneAt)} UTC` : <> · <UndoImportButton batchId={b.id} label={b.label} what={importedWhat(b.kind, b.itemCount)} /></>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

/** "3 reviews" (ClaimReview), "12 rows" (a Check import: members, claims, fact-checks and explainers). */
function importedWhat(kind: string, n: number): string {
  const noun = kind === "check" ? "row" : "review";
  return `${n.toLocaleString("en")} ${noun}${n === 1 ? "" : "s"}`;
}
