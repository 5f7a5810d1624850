import type { ApprovalCard as Card } from "@/db/queries/approval-cards";
import { ApprovalCard } from "./approval-card";
import styles from "./approvals.module.css";
import { DecisionToastProvider } from "./decision-toast";

/**
 * The editors' queue: revisions by others first (oldest first), then the
 * viewer's own, which wait for another editor. The status line above the
 * cards outlives them, so a decision is still reported once its card is gone.
 */
export function ApprovalQueue({ cards, viewerId, ratings }: { cards: Card[]; viewerId: string; ratings: { id: string; label: string; hidden: boolean }[] }) {
  const others = cards.filter((c) => c.proposed.authorId !== viewerId);
  const own = cards.filter((c) => c.proposed.authorId === viewerId);
  const corrections = others.filter((c) => c.correctsPublication).length;
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Approvals</h1>
          <p className="muted" style={{ margin: 0 }}>
            {others.length} verdict{others.length === 1 ? "" : "s"} awaiting your review, oldest first.
            {corrections > 0 && ` ${corrections} ${corrections === 1 ? "is a correction" : "are corrections"} to published fact-checks.`}
            {own.length > 0 && ` ${own.length} of your own proposals wait for another editor.`}
          </p>
        </div>
      </div>
      <DecisionToastProvider>
        {cards.length === 0 ? (
          <div className="card empty">Nothing is waiting for approval.</div>
        ) : (
          <ol className={styles.queue}>
            {[...others, ...own].map((card) => (
              <ApprovalCard key={card.proposed.id} card={card} viewerId={viewerId} ratings={ratings} />
            ))}
          </ol>
        )}
      </DecisionToastProvider>
    </>
  );
}
