/**
 * The SQLite queue shares its file with the app, whose write transactions
 * stay open across awaits. A send or a claim made meanwhile must wait without
 * blocking the event loop (so that transaction can finish), then succeed.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { openJobQueue } from "./queue";

describe("the SQLite queue beside the app's own writes", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-busy-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("sends while the app holds a write transaction across an await, without stalling the process", async () => {
    const url = `file:${path.join(dir, "app.db")}`;
    const database = await openDatabase(url);
    const queue = await openJobQueue(url, { pollMs: 200 });
    try {
      const ticks: number[] = [];
      const ticker = setInterval(() => ticks.push(Date.now()), 20);
      let sentAt = 0;
      let committedAt = 0;
      const transaction = database.transaction(async (tx) => {
        await tx.insert(database.t.settings).values({ key: "probe", value: "1", version: 1 });
        // The app awaits something (a fetch, another query) while holding the write lock.
        await new Promise((resolve) => setTimeout(resolve, 400));
        committedAt = Date.now();
      });
      const sent = (async () => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const id = await queue.send("archive-citation", { citationId: "c1" });
        sentAt = Date.now();
        return id;
      })();
      const [, id] = await Promise.all([transaction, sent]);
      clearInterval(ticker);
      expect(id).toEqual(expect.any(String));
      expect(sentAt).toBeGreaterThanOrEqual(committedAt);
      // The event loop kept turning while the send waited: no gap of seconds between timer ticks.
      const gaps = ticks.slice(1).map((t, i) => t - ticks[i]!);
      expect(Math.max(...gaps)).toBeLessThan(300);
    } finally {
      await queue.stop();
      await database.close();
    }
  });
});
