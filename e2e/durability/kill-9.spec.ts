/**
 * kill -9 in the middle of concurrent writes: start a production server on
 * a fresh database, let 12 signed-in clients write over HTTP, SIGKILL the
 * server process mid-load, start it again on the same database, then check
 * that the database is intact and every acknowledged write survived and is
 * readable through the app. Runs once per Playwright project (dialect).
 */
import { expect, test } from "@playwright/test";
import { signIn, workspace } from "../../testing/seed-http";
import { ACCOUNTS } from "../fixtures/accounts";
import { inspect } from "./db-check";
import { AppServer, durabilityPort, freshDatabase, seed, type TestDatabase } from "./server";
import { startWriteLoad } from "./write-load";

/** Concurrent write loops, sharing one signed-in session per account (sign-in hashes a password: costly on 2 cores). */
const CLIENTS = 12;
/**
 * Kill once this many verdicts were acknowledged, or after LOAD_MS once at least one was: the kill
 * lands mid-load on a fast machine and on a busy one (a full suite on 2 cores can take seconds per write).
 */
const KILL_AFTER_VERDICTS = 40;
const LOAD_MS = 10_000;
const MAX_LOAD_MS = 60_000;

test.describe.configure({ mode: "serial", timeout: 180_000 });

test("acknowledged writes survive SIGKILL of the server mid-load", async ({}, testInfo) => {
  const database: TestDatabase = await freshDatabase(testInfo.project.name);
  const server = new AppServer(await durabilityPort(testInfo.project.name, 0), database.url);
  try {
    seed(database.url);
    const before = await inspect(database.url);
    const ratingId = await before.ratingId();
    await before.close();
    await server.start();

    const accounts = [ACCOUNTS.reviewer, ACCOUNTS.editor, ACCOUNTS.editor2, ACCOUNTS.admin];
    const sessions = await Promise.all(accounts.map((a) => signIn(server.base, a)));
    const clients = Array.from({ length: CLIENTS }, (_, i) => sessions[i % sessions.length]!);
    let killed = false;
    const load = startWriteLoad(clients, ratingId, () => killed);
    const started = Date.now();
    const enough = () => {
      const n = load.ack.verdicts.length;
      const elapsed = Date.now() - started;
      return n >= KILL_AFTER_VERDICTS || (n > 0 && elapsed >= LOAD_MS) || elapsed >= MAX_LOAD_MS;
    };
    while (!enough()) await new Promise((r) => setTimeout(r, 20));
    const pid = server.pid;
    // Loops stop starting new writes; the ones in flight are cut off by the kill.
    killed = true;
    await server.kill();
    await load.done;
    const { ack } = load;
    testInfo.annotations.push({
      type: "killed",
      description: `pid ${pid} after ${Date.now() - started} ms: ${ack.articles.length} articles, ${ack.claims.length} claims, ${ack.verdicts.length} verdicts acknowledged; ${load.attempts()} write loops started`,
    });
    expect(ack.verdicts.length, "the load must have written something before the kill").toBeGreaterThan(0);
    // The port is free again: the process that served it is really gone.
    await expect(fetch(`${server.base}/api/health`)).rejects.toThrow();

    // Integrity before the restart: what the kill left on disk, as recovery will find it.
    const after = await inspect(database.url);
    try {
      expect(after.integrity).toBe("ok");
      expect(after.ftsIntegrity).toBe("ok");
      expect([...(await after.ids("articles", ack.articles))].sort()).toEqual([...new Set(ack.articles)].sort());
      expect([...(await after.ids("claims", ack.claims.map((c) => c.id)))].sort()).toEqual(ack.claims.map((c) => c.id).sort());
      expect([...(await after.ids("verdicts", ack.verdicts.map((v) => v.id)))].sort()).toEqual(ack.verdicts.map((v) => v.id).sort());
    } finally {
      await after.close();
    }

    await server.start();
    // Readable through the app after the restart: each acknowledged claim with its acknowledged verdict.
    const reader = await signIn(server.base, ACCOUNTS.editor);
    const verdictOf = new Map(ack.verdicts.map((v) => [v.claimId, v.id]));
    for (const articleId of new Set(ack.claims.map((c) => c.articleId))) {
      const ws = await workspace(reader, articleId);
      for (const claim of ack.claims.filter((c) => c.articleId === articleId)) {
        const found = ws.claims.find((c) => c.id === claim.id);
        expect(found, `claim ${claim.id}`).toBeDefined();
        if (verdictOf.has(claim.id)) expect(found!.currentVerdictId).toBe(verdictOf.get(claim.id));
      }
    }
    // And the restarted server takes new writes.
    let again = false;
    const more = startWriteLoad([reader], ratingId, () => again);
    await expect.poll(() => more.ack.verdicts.length, { timeout: 20_000 }).toBeGreaterThan(0);
    again = true;
    await more.done;
  } finally {
    await server.stop().catch(() => undefined);
    await database.drop();
  }
});
