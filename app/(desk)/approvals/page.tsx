import type { Metadata } from "next";
import Link from "next/link";
import { listApprovalQueue } from "@/db/queries/reviews";
import { getVerdictsWithCitations } from "@/db/queries/verdicts";
import { Forbidden } from "@/components/desk/forbidden";
import { ReviewDecision } from "@/components/publishing/review-decision";
import { Markdown } from "@/components/ui/markdown";
import { RatingBadge } from "@/components/ui/badges";
import { formatDateTime } from "@/components/ui/format";
import { requirePageUser } from "@/lib/server/session";

export const metadata: Metadata = { title: "Approvals" };

export default async function ApprovalsPage() {
  const { user, allowed } = await requirePageUser("review:verdict", "/approvals");
  if (!allowed) return <Forbidden what="Only editors and admins approve verdicts. Your proposals appear here for them." />;
  const queue = await listApprovalQueue();
  const citations = await getVerdictsWithCitations({ ids: queue.map((q) => q.verdictId) });
  const others = queue.filter((q) => q.authorId !== user.id);
  const own = queue.filter((q) => q.authorId === user.id);
  const items = [...others, ...own];
  return (
    <main id="main" className="page" style={{ maxWidth: 960 }}>
      <div className="page-header">
        <div>
          <h1>Approvals</h1>
          <p className="muted" style={{ margin: 0 }}>
            {others.length} verdict{others.length === 1 ? "" : "s"} awaiting your review, oldest first.
            {own.length > 0 && ` ${own.length} of your own proposals wait for another editor.`}
          </p>
        </div>
      </div>
      {items.length === 0 ? (
        <div className="card empty">Nothing is waiting for approval.</div>
      ) : (
        <ol className="stack" style={{ listStyle: "none", padding: 0 }}>
          {items.map((item) => {
            const isOwn = item.authorId === user.id;
            const cites = citations.get(item.verdictId)?.citations ?? [];
            return (
              <li key={item.verdictId} className="card" aria-labelledby={`q-${item.verdictId}`}>
                <div className="row" style={{ justifyContent: "space-between" }}>
                  <Link href={`/articles/${item.articleId}`} className="small">
                    {item.articleTitle}
                  </Link>
                  <span className="small muted">
                    Proposed by {item.authorName} · {formatDateTime(item.proposedAt)} · revision {item.revision}
                  </span>
                </div>
                <h2 id={`q-${item.verdictId}`} style={{ marginTop: "0.5rem" }}>
                  {item.statement}
                </h2>
                <blockquote className="small muted" style={{ margin: "0 0 0.75rem", borderLeft: "3px solid var(--border)", paddingLeft: "0.75rem" }}>
                  “{item.exact}”
                </blockquote>
                <p>
                  <RatingBadge label={item.ratingLabel} colour={item.ratingColour} />
                </p>
                <Markdown source={item.rationale} />
                {cites.length > 0 && (
                  <details>
                    <summary className="small">
                      {cites.length} citation{cites.length === 1 ? "" : "s"}
                    </summary>
                    <ul className="small">
                      {cites.map((c) => (
                        <li key={c.id}>
                          <a href={c.url} rel="nofollow noopener noreferrer" target="_blank">
                            {c.title}
                          </a>
                          {c.publisher && ` — ${c.publisher}`} <span className="muted">({c.stance})</span>
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
                <ReviewDecision verdictId={item.verdictId} isOwn={isOwn} />
              </li>
            );
          })}
        </ol>
      )}
    </main>
  );
}
