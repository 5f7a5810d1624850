import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { approveTestClaim, auditCounts, createTestArticle, createTestClaim, locate, rejection, SAMPLE_TEXT, testCitation } from "@/testing/fixtures";
import { createClaim, getClaimByIdOrThrow } from "./claims";
import { addComment } from "./comments";
import { findIdempotentEntity, IDEMPOTENCY_KEY_RETENTION_MS } from "./idempotency";
import { publishArticle } from "./publications";
import { proposeVerdict } from "./verdicts";

const ZINC = "zinc cures the flu within a day";

describe.each(testDialects())("idempotent creates on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  let n = 0;

  /**
   * One kind of create, set up afresh for each test: `make` runs the query
   * with a key as `userId` and returns the id of what it made; `count` says
   * how many of that thing exist where `make` puts them.
   */
  type Case = { make: (key: string | null, userId: string) => Promise<string>; count: () => Promise<number>; author: string; stranger: string };

  const cases: Record<string, () => Promise<Case>> = {
    async article() {
      const title = `Idempotent import ${++n}`;
      const { db, t } = ctx.database;
      return {
        make: async (key, userId) => (await createTestArticle(userId, { title, idempotencyKey: key })).id,
        count: async () => (await db.select().from(t.articles).where(eq(t.articles.title, title))).length,
        author: ctx.users.reviewer.id,
        stranger: ctx.users.editor.id,
      };
    },
    async claim() {
      const article = await createTestArticle(ctx.users.reviewer.id, { title: `Claims ${++n}` });
      const { db, t } = ctx.database;
      return {
        make: async (key, userId) =>
          (await createClaim({ articleId: article.id, versionId: article.currentVersionId!, ...locate(SAMPLE_TEXT, ZINC), exact: ZINC, statement: "Zinc cures flu", userId, idempotencyKey: key })).id,
        count: async () => (await db.select().from(t.claims).where(eq(t.claims.articleId, article.id))).length,
        author: ctx.users.reviewer.id,
        stranger: ctx.users.editor.id,
      };
    },
    async verdict() {
      const article = await createTestArticle(ctx.users.reviewer.id, { title: `Verdicts ${++n}` });
      const claim = await createTestClaim(article, ZINC, ctx.users.reviewer.id);
      const { db, t } = ctx.database;
      return {
        // Always the version first read: a retry sends the form as it was, and must not be told "changed by someone else".
        make: async (key, userId) =>
          (await proposeVerdict({ claimId: claim.id, claimVersion: claim.version, ratingId: ctx.rating("Inaccurate").id, rationale: "No trial supports it.", citations: [testCitation()], userId, idempotencyKey: key })).id,
        count: async () => (await db.select().from(t.verdicts).where(eq(t.verdicts.claimId, claim.id))).length,
        author: ctx.users.reviewer.id,
        stranger: ctx.users.editor.id,
      };
    },
    async comment() {
      const article = await createTestArticle(ctx.users.reviewer.id, { title: `Comments ${++n}` });
      const { db, t } = ctx.database;
      return {
        make: async (key, userId) => (await addComment({ articleId: article.id, body: "Please check this, @Eddie Editor", authorId: userId, idempotencyKey: key })).comment.id,
        count: async () => (await db.select().from(t.comments).where(eq(t.comments.articleId, article.id))).length,
        author: ctx.users.reviewer.id,
        stranger: ctx.users.editor2.id,
      };
    },
    async publication() {
      const { reviewer, editor } = ctx.users;
      const article = await createTestArticle(reviewer.id, { title: `Publications ${++n}` });
      const claim = await createTestClaim(article, ZINC, reviewer.id);
      await approveTestClaim(claim.id, ctx.rating("Inaccurate").id, reviewer.id, editor.id);
      return {
        make: async (key, userId) => (await publishArticle({ articleId: article.id, summary: "Zinc does not cure flu.", editorId: userId, idempotencyKey: key })).id,
        // One publication row either way; what must not happen twice is the publishing itself.
        count: async () => (await auditCounts({ entityType: "article", entityId: article.id }))["article.publish"] ?? 0,
        author: editor.id,
        stranger: ctx.users.editor2.id,
      };
    },
  };

  describe.each(Object.keys(cases))("%s", (kind) => {
    it("the same key twice makes one row and answers both calls with it", async () => {
      const c = await cases[kind]!();
      const key = randomUUID();
      const first = await c.make(key, c.author);
      const retry = await c.make(key, c.author);
      expect(retry).toBe(first);
      expect(await c.count()).toBe(1);
      expect(await findIdempotentEntity({ key, userId: c.author, kind: kind as "article" })).toBe(first);
    });

    it("concurrent calls with the same key make one row and all get it", async () => {
      const c = await cases[kind]!();
      const key = randomUUID();
      const ids = await Promise.all([c.make(key, c.author), c.make(key, c.author), c.make(key, c.author)]);
      expect(new Set(ids).size).toBe(1);
      expect(await c.count()).toBe(1);
    });

    it("refuses another user's key with a conflict, and writes nothing", async () => {
      const c = await cases[kind]!();
      const key = randomUUID();
      await c.make(key, c.author);
      const error = await rejection(() => c.make(key, c.stranger));
      expect(error.code).toBe("conflict:idempotency");
      expect(error.message).toBe("This request key was already used for something else. Reload the page and try again.");
      expect(await c.count()).toBe(1);
      await expect(findIdempotentEntity({ key, userId: c.stranger, kind: kind as "article" })).rejects.toMatchObject({ code: "conflict:idempotency" });
    });
  });

  it("refuses a key sent again with another kind of create", async () => {
    const comments = await cases.comment!();
    const key = randomUUID();
    await comments.make(key, comments.author);
    const claims = await cases.claim!();
    const error = await rejection(() => claims.make(key, claims.author));
    expect(error.code).toBe("conflict:idempotency");
    expect(await claims.count()).toBe(0);
  });

  it("without a key, each call creates (scripts and seeds are unchanged)", async () => {
    const c = await cases.claim!();
    await c.make(null, c.author);
    await c.make(null, c.author);
    expect(await c.count()).toBe(2);
  });

  it("a refused attempt leaves its key unused, so the retry creates", async () => {
    const article = await createTestArticle(ctx.users.reviewer.id, { title: `Refused first ${++n}` });
    const claim = await createTestClaim(article, ZINC, ctx.users.reviewer.id);
    const key = randomUUID();
    const input = { claimId: claim.id, claimVersion: claim.version, ratingId: ctx.rating("Inaccurate").id, rationale: "No trial supports it.", userId: ctx.users.reviewer.id, idempotencyKey: key };
    expect((await rejection(() => proposeVerdict({ ...input, citations: [] }))).code).toBe("invalid:verdict");
    expect(await findIdempotentEntity({ key, userId: ctx.users.reviewer.id, kind: "verdict" })).toBeNull();
    const verdict = await proposeVerdict({ ...input, citations: [testCitation()] });
    expect((await getClaimByIdOrThrow({ id: claim.id })).currentVerdictId).toBe(verdict.id);
  });

  it("a retried comment notifies the people it mentions once", async () => {
    const article = await createTestArticle(ctx.users.reviewer.id, { title: `Mentions ${++n}` });
    const key = randomUUID();
    const input = { articleId: article.id, body: "Can you look, @Eddie Editor?", authorId: ctx.users.reviewer.id, idempotencyKey: key };
    expect((await addComment(input)).mentioned).toEqual([ctx.users.editor.id]);
    await addComment(input);
    const { db, t } = ctx.database;
    const notes = await db.select().from(t.notifications).where(eq(t.notifications.articleId, article.id));
    expect(notes).toHaveLength(1);
  });

  /** Moves a used key's row back in time by `ms`, as if it had been claimed that long ago. */
  async function age(key: string, ms: number) {
    const { db, t } = ctx.database;
    await db.update(t.idempotencyKeys).set({ createdAt: new Date(Date.now() - ms) }).where(eq(t.idempotencyKeys.key, key));
  }

  async function keyRow(key: string) {
    const { db, t } = ctx.database;
    const [row] = await db.select().from(t.idempotencyKeys).where(eq(t.idempotencyKeys.key, key));
    return row;
  }

  const HOUR = 60 * 60_000;

  it("removes a key older than the retention window when a new key comes in", async () => {
    const c = await cases.comment!();
    const old = randomUUID();
    await c.make(old, c.author);
    await age(old, IDEMPOTENCY_KEY_RETENTION_MS + HOUR);
    expect(await keyRow(old)).toBeDefined();
    await c.make(randomUUID(), c.author);
    expect(await keyRow(old)).toBeUndefined();
    expect(await findIdempotentEntity({ key: old, userId: c.author, kind: "comment" })).toBeNull();
  });

  it("keeps a key inside the retention window when a new key comes in, and it still replays", async () => {
    const c = await cases.comment!();
    const recent = randomUUID();
    const first = await c.make(recent, c.author);
    await age(recent, IDEMPOTENCY_KEY_RETENTION_MS - HOUR);
    await c.make(randomUUID(), c.author);
    expect(await keyRow(recent)).toMatchObject({ entityId: first });
    expect(await c.make(recent, c.author)).toBe(first);
    // The original and the one made with the new key: the retry added nothing.
    expect(await c.count()).toBe(2);
  });

  it("publishing again with the publication's key returns it; with a new key it is still refused", async () => {
    const c = await cases.publication!();
    const key = randomUUID();
    const first = await c.make(key, c.author);
    expect(await c.make(key, c.author)).toBe(first);
    const error = await rejection(() => c.make(randomUUID(), c.author));
    expect(error.code).toBe("conflict:publish");
    expect(error.message).toBe("This fact-check is already published.");
  });
});
