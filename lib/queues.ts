/**
 * The desk's queues ("My work", "Awaiting my approval", …): which ones exist,
 * and filtering and sorting their items. Pure, so the rules are tested once
 * and the page only parses the URL.
 */
import { ARTICLE_STATUSES, CLAIM_STATUSES, isWorkflowStatus, type ArticleStatus, type ClaimStatus } from "./workflow";

export const QUEUES = ["mine", "awaiting", "changes", "published"] as const;
export type QueueName = (typeof QUEUES)[number];
export const QUEUE_LABELS: Record<QueueName, string> = {
  mine: "My work",
  awaiting: "Awaiting my approval",
  changes: "Changes requested",
  published: "Recently published",
};

export type QueueItem = {
  kind: "article" | "claim";
  id: string;
  articleId: string;
  articleTitle: string;
  /** The claim's statement, or the article's title. */
  title: string;
  status: ArticleStatus | ClaimStatus;
  assigneeId: string | null;
  assigneeName: string | null;
  updatedAt: Date | string;
};

export const SORTS = ["newest", "oldest", "title", "status"] as const;
export type QueueSort = (typeof SORTS)[number];
export const SORT_LABELS: Record<QueueSort, string> = { newest: "Recently updated", oldest: "Oldest first", title: "Title A–Z", status: "Status" };

export type QueueFilter = { q?: string; status?: ArticleStatus | ClaimStatus; sort?: QueueSort };

const ORDER = [...CLAIM_STATUSES, ...ARTICLE_STATUSES];
const time = (d: Date | string) => new Date(d).getTime();

export function applyQueueFilter(items: QueueItem[], filter: QueueFilter): QueueItem[] {
  const q = filter.q?.trim().toLowerCase();
  const kept = items.filter(
    (i) => (!q || i.title.toLowerCase().includes(q) || i.articleTitle.toLowerCase().includes(q)) && (!filter.status || i.status === filter.status),
  );
  const by: Record<QueueSort, (a: QueueItem, b: QueueItem) => number> = {
    newest: (a, b) => time(b.updatedAt) - time(a.updatedAt),
    oldest: (a, b) => time(a.updatedAt) - time(b.updatedAt),
    title: (a, b) => a.title.localeCompare(b.title, "en", { sensitivity: "base" }),
    status: (a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status) || time(b.updatedAt) - time(a.updatedAt),
  };
  return kept.sort(by[filter.sort ?? "newest"]);
}

/** Reads ?queue=&q=&status=&sort= leniently: unknown values fall back to defaults. */
export function parseQueueParams(params: Record<string, string | string[] | undefined>): { queue: QueueName } & QueueFilter {
  const one = (k: string) => (Array.isArray(params[k]) ? params[k]![0] : params[k]) as string | undefined;
  const queue = QUEUES.includes(one("queue") as QueueName) ? (one("queue") as QueueName) : "mine";
  const sort = SORTS.includes(one("sort") as QueueSort) ? (one("sort") as QueueSort) : undefined;
  const raw = one("status");
  const status = isWorkflowStatus(raw) ? raw : undefined;
  const q = one("q")?.slice(0, 200) || undefined;
  return { queue, sort, status, q };
}
