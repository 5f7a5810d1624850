import { STATUS_LABELS, type ArticleStatus, type ClaimStatus } from "@/lib/workflow";

export function StatusBadge({ status }: { status: ArticleStatus | ClaimStatus }) {
  return <span className={`badge status status-${status}`}>{STATUS_LABELS[status]}</span>;
}

/** A verdict label on its scale colour; the colours are chosen for white text. */
export function RatingBadge({ label, colour }: { label: string; colour: string }) {
  return (
    <span className="badge rating" style={{ background: colour }}>
      {label}
    </span>
  );
}
