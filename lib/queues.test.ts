import { describe, expect, it } from "vitest";
import { applyQueueFilter, parseQueueParams, type QueueItem } from "./queues";

const item = (over: Partial<QueueItem>): QueueItem => ({
  kind: "claim",
  id: over.title ?? "x",
  articleId: "a1",
  articleTitle: "Kratom and sleep",
  title: "x",
  status: "open",
  assigneeId: null,
  assigneeName: null,
  updatedAt: "2025-01-01T00:00:00Z",
  ...over,
});

const items = [
  item({ title: "beta claim", status: "changes_requested", updatedAt: "2025-01-03T00:00:00Z" }),
  item({ title: "Alpha claim", status: "open", updatedAt: "2025-01-01T00:00:00Z" }),
  item({ title: "Gamma", kind: "article", status: "in_review", articleTitle: "Gamma", updatedAt: "2025-01-02T00:00:00Z" }),
];

describe("queues", () => {
  it("sorts newest first by default, and by title, age or status on request", () => {
    expect(applyQueueFilter([...items], {}).map((i) => i.title)).toEqual(["beta claim", "Gamma", "Alpha claim"]);
    expect(applyQueueFilter([...items], { sort: "oldest" }).map((i) => i.title)).toEqual(["Alpha claim", "Gamma", "beta claim"]);
    expect(applyQueueFilter([...items], { sort: "title" }).map((i) => i.title)).toEqual(["Alpha claim", "beta claim", "Gamma"]);
    expect(applyQueueFilter([...items], { sort: "status" }).map((i) => i.status)).toEqual(["open", "changes_requested", "in_review"]);
  });

  it("filters by text (title or article) and status", () => {
    expect(applyQueueFilter([...items], { q: "ALPHA" }).map((i) => i.title)).toEqual(["Alpha claim"]);
    expect(applyQueueFilter([...items], { q: "kratom" })).toHaveLength(2);
    expect(applyQueueFilter([...items], { status: "in_review" }).map((i) => i.title)).toEqual(["Gamma"]);
  });

  it("parses URL parameters leniently", () => {
    expect(parseQueueParams({})).toEqual({ queue: "mine", sort: undefined, status: undefined, q: undefined });
    expect(parseQueueParams({ queue: "changes", sort: "title", status: "open", q: "zinc" })).toEqual({ queue: "changes", sort: "title", status: "open", q: "zinc" });
    expect(parseQueueParams({ queue: "hack", sort: "drop", status: "__proto__" })).toEqual({ queue: "mine", sort: undefined, status: undefined, q: undefined });
  });
});
