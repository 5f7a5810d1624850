import type { Metadata } from "next";
import Link from "next/link";
import { CheckLinksNow, ResolveSourceChange } from "@/components/sources/source-change-buttons";
import styles from "@/components/sources/sources.module.css";
import { Forbidden } from "@/components/desk/forbidden";
import { formatDateTime } from "@/components/ui/format";
import { openSourceChanges } from "@/db/queries/source-changes";
import { deskArchivePath } from "@/lib/archive-links";
import { can } from "@/lib/permissions";
import type { SourceChangeKind } from "@/lib/sources";
import { JOB_NAMES, type JobCounts } from "@/server/jobs/queue";
import { appJobQueue } from "@/server/jobs/in-app";
import { archivePolicyFromEnv } from "@/server/sources/archive-policy";
import { requirePageUser } from "@/server/session";

export const metadata: Metadata = { title: "Sources that changed" };

/** The jobs as operators read them (internal names stay in the logs). */
const JOB_LABELS: Record<(typeof JOB_NAMES)[number], string> = {
  "archive-citation": "Archive a cited page",
  "check-links": "Daily link check",
  "check-link": "Check one address",
};

const KIND: Record<SourceChangeKind, string> = {
  gone: "The page is gone",
  moved: "The page moved",
  changed: "The page's text changed",
  "quote-lost": "The quote is no longer on the page",
};

/**
 * Fact-checks whose cited sources changed since they were archived, from the
 * daily link check. Nothing public changes by itself: a reviewer decides
 * whether the verdict needs a correction, then marks the finding as seen.
 */
export default async function SourcesChangedPage() {
  const { allowed, user } = await requirePageUser("read:desk", "/sources-changed");
  if (!allowed) return <Forbidden what="The list of changed sources is for the desk." />;
  const changes = await openSourceChanges();
  const operator = can(user.role, "manage:organisation");
  return (
    <main id="main" className="page">
      <div className="page-header">
        <div>
          <h1>Sources that changed</h1>
          <p className="muted" style={{ margin: 0 }}>
            Every cited address is checked again at most once a day. Nothing readers see changes by itself: if a verdict needs a correction, revise it as
            usual, then mark the finding as seen.
          </p>
        </div>
      </div>
      {operator && <ArchiveOperations />}
      {changes.length === 0 ? (
        <p className="muted" data-testid="no-source-changes">
          No cited source has changed since it was archived.
        </p>
      ) : (
        <ul className="stack" data-testid="source-changes" style={{ listStyle: "none", padding: 0 }}>
          {changes.map((c) => (
            <li key={c.id} className="card" data-testid="source-change">
              <p style={{ margin: 0 }}>
                <strong>{KIND[c.kind]}</strong>
                {c.kind === "gone" && c.fetch.message ? `: ${c.fetch.message}` : null}
                {c.kind === "moved" && c.fetch.finalUrl ? ` to ${c.fetch.finalUrl}` : null}
                <span className="muted small"> · found {formatDateTime(c.detectedAt)}</span>
              </p>
              <p style={{ margin: "0.3rem 0" }}>
                <Link href={`/articles/${c.article.id}#claim-${c.claim.id}`}>{c.article.title}</Link>: “{c.claim.statement}”
              </p>
              <p className="small" style={{ margin: "0.3rem 0" }}>
                Source: {c.citation.title} (<span style={{ overflowWrap: "anywhere" }}>{c.citation.url}</span>)
                {c.archivedFetchId && (
                  <>
                    {" · "}
                    <Link href={deskArchivePath(c.archivedFetchId)}>copy when cited</Link>
                  </>
                )}
                {c.fetch.outcome === "archived" && (
                  <>
                    {" · "}
                    <Link href={deskArchivePath(c.fetch.id)}>copy now</Link>
                  </>
                )}
              </p>
              <ResolveSourceChange id={c.id} label={`${KIND[c.kind]}, ${c.citation.title}`} />
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

/** What operators need to see of the archive: whether it is on, and the background jobs' state. */
async function ArchiveOperations() {
  const policy = archivePolicyFromEnv();
  let counts: JobCounts | null = null;
  try {
    counts = await (await appJobQueue()).counts();
  } catch {
    counts = null;
  }
  return (
    <section className="card" aria-labelledby="archive-ops-heading" style={{ marginBottom: "1rem" }}>
      <h2 id="archive-ops-heading" style={{ marginTop: 0 }}>
        Archiving and link checks
      </h2>
      <p className="small" style={{ marginTop: 0 }}>
        {policy.enabled ? "Archiving is on: every cited web address is fetched and kept when a verdict is saved." : "Archiving is off (ARCHIVE=off): cited pages are not fetched."}
      </p>
      {counts ? (
        <table className={`small ${styles.jobCounts}`} data-testid="job-counts">
          <caption className="visually-hidden">Background jobs by state</caption>
          <thead>
            <tr>
              <th scope="col">Job</th>
              <th scope="col">Waiting</th>
              <th scope="col">Running</th>
              <th scope="col">Failed</th>
            </tr>
          </thead>
          <tbody>
            {JOB_NAMES.map((name) => (
              <tr key={name}>
                <th scope="row">{JOB_LABELS[name]}</th>
                <td>{counts[name].queued}</td>
                <td>{counts[name].running}</td>
                <td>{counts[name].failed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="small alert warn">The job queue cannot be reached: archives and link checks wait until it can.</p>
      )}
      <CheckLinksNow />
    </section>
  );
}
