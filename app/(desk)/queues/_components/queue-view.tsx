import Link from "next/link";
import { StatusBadge } from "@/components/ui/badges";
import { formatDateTime } from "@/components/ui/format";
import { QUEUE_LABELS, SORT_LABELS, SORTS, type QueueFilter, type QueueItem, type QueueName } from "@/lib/queues";
import { STATUS_LABELS } from "@/lib/workflow";
import styles from "./queues.module.css";

type Props = { queue: QueueName; queues: QueueName[]; counts: Record<string, number>; filter: QueueFilter; items: QueueItem[]; total: number };

const EMPTY: Record<QueueName, string> = {
  mine: "Nothing is assigned to you. Pick up an article from the list, or ask an editor.",
  awaiting: "No verdict is waiting for your approval.",
  changes: "No verdict has changes requested.",
  published: "Nothing has been published yet.",
};

const href = (queue: QueueName) => `/queues?queue=${queue}`;
const link = (item: QueueItem) => (item.kind === "claim" ? `/articles/${item.articleId}#claim-${item.id}` : `/articles/${item.articleId}`);

/** Tabs with counts, a filter form (GET, so every view has a URL) and the selected queue's items. */
export function QueueView({ queue, queues, counts, filter, items, total }: Props) {
  const statuses = [...new Set(items.map((i) => i.status).concat(filter.status ? [filter.status] : []))];
  return (
    <main id="main" className="page">
      <div className="page-header">
        <h1>Queues</h1>
      </div>
      <nav aria-label="Queues" className={styles.tabs}>
        {queues.map((q) => (
          <Link key={q} href={href(q)} className={styles.tab} aria-current={q === queue ? "page" : undefined}>
            {QUEUE_LABELS[q]} <span className={styles.count}>{counts[q]}</span>
          </Link>
        ))}
      </nav>
      <form method="get" action="/queues" className={styles.filters} role="search" aria-label={`Filter ${QUEUE_LABELS[queue]}`}>
        <input type="hidden" name="queue" value={queue} />
        <div>
          <label htmlFor="queue-q">Search</label>
          <input id="queue-q" type="search" name="q" defaultValue={filter.q ?? ""} maxLength={200} />
        </div>
        <div>
          <label htmlFor="queue-status">Status</label>
          <select id="queue-status" name="status" defaultValue={filter.status ?? ""}>
            <option value="">Any status</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="queue-sort">Sort by</label>
          <select id="queue-sort" name="sort" defaultValue={filter.sort ?? "newest"}>
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button secondary">
          Apply
        </button>
      </form>
      <p className="small muted" role="status">
        Showing {items.length} of {total} in {QUEUE_LABELS[queue]}.
      </p>
      {items.length === 0 ? (
        <div className="card empty">{total === 0 ? EMPTY[queue] : "Nothing matches these filters."}</div>
      ) : (
        <table className="data">
          <caption className="visually-hidden">{QUEUE_LABELS[queue]}</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Article</th>
              <th scope="col">Status</th>
              <th scope="col">Assigned to</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={`${item.kind}-${item.id}`}>
                <td>
                  <span className="small muted">{item.kind === "claim" ? "Claim · " : "Article · "}</span>
                  <Link href={link(item)}>{item.title}</Link>
                </td>
                <td className="small">{item.kind === "claim" ? item.articleTitle : "—"}</td>
                <td>
                  <StatusBadge status={item.status} />
                </td>
                <td className="small">{item.assigneeName ?? <span className="muted">Nobody</span>}</td>
                <td className="small muted">{formatDateTime(item.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
