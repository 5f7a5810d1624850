import { describe, expect, it } from "vitest";
import { MAX_CLAIMS_PER_ARTICLE } from "@/lib/limits";
import { codePointLength } from "@/lib/anchoring/text";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { auditCounts, createTestArticle, createTestClaim, rejection, SAMPLE_TEXT } from "@/testing/fixtures";
import { getArticleByIdOrThrow } from "./articles";
import { createClaim, getClaimByIdOrThrow, listClaimsForArticle, updateClaim } from "./claims";

// Code-point offsets worked out independently (Python str indices are code
// points): two astral emoji precede the quote, so UTF-16 offsets are +2.
const ZINC = "zinc cures the flu within a day";
const ZINC_START = 114;
const ZINC_END = 145;
const ZINC_UTF16_START = 116;

describe.each(testDialects())("claims on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  it("stores the anchor in code points, with prefix and suffix, after emoji", async () => {
    const { reviewer } = ctx.users;
    const article = await createTestArticle(reviewer.id);
    expect(SAMPLE_TEXT.indexOf(ZINC)).toBe(ZINC_UTF16_START);

    const claim = await createClaim({
      articleId: article.id,
      versionId: article.currentVersionId!,
      start: ZINC_START,
      end: ZINC_END,
      exact: ZINC,
      statement: "  Zinc cures flu in a day  ",
      userId: reviewer.id,
    });
    expect(claim).toMatchObject({
      articleId: article.id,
      versionId: article.currentVersionId,
      exact: ZINC,
      start: ZINC_START,
      end: ZINC_END,
      anchorStatus: "anchored",
      anchorScore: 1,
      statement: "Zinc cures flu in a day",
      status: "open",
      exclusionReason: null,
      currentVerdictId: null,
      createdBy: reviewer.id,
      version: 1,
    });
    // Context: at most 64 code points each side, taken verbatim from around the quote, cut at word edges.
    const before = SAMPLE_TEXT.slice(0, ZINC_UTF16_START);
    const after = SAMPLE_TEXT.slice(ZINC_UTF16_START + ZINC.length);
    expect(before.endsWith(claim.prefix)).toBe(true);
    expect(after.startsWith(claim.suffix)).toBe(true);
    expect(codePointLength(claim.prefix)).toBeLessThanOrEqual(64);
    expect(codePointLength(claim.suffix)).toBeLessThanOrEqual(64);
    // The 64-code-point window starts inside "every", so the prefix starts at the next word.
    expect(claim.prefix).toBe("day prevents 90% of colds, the post says. 🙂 It also claims ");
    // …and ends inside "maker", so the suffix stops after "supplement".
    expect(claim.suffix).toBe(".\n\nThe author adds that the study was funded by a supplement");

    const stored = await getClaimByIdOrThrow({ id: claim.id });
    expect(stored).toEqual(claim);
    expect((await getArticleByIdOrThrow({ id: article.id })).status).toBe("in_review");
    expect(await auditCounts({ entityType: "claim", entityId: claim.id })).toEqual({ "claim.create": 1 });
    expect(await auditCounts({ entityType: "article", entityId: article.id })).toEqual({ "article.create": 1, "article.status": 1 });
  });

  it("accepts a selection that contains an emoji, measuring it as one code point", async () => {
    const { reviewer } = ctx.users;
    const article = await createTestArticle(reviewer.id);
    const claim = await createClaim({ articleId: article.id, versionId: article.currentVersionId!, start: 97, end: 113, exact: "🙂 It also claims", statement: "s", userId: reviewer.id });
    expect(claim.end - claim.start).toBe(16);
    expect(claim.exact).toBe("🙂 It also claims");
  });

  it("refuses a forged quote, UTF-16 offsets and out-of-range selections, writing nothing", async () => {
    const { reviewer } = ctx.users;
    const article = await createTestArticle(reviewer.id);
    const base = { articleId: article.id, versionId: article.currentVersionId!, statement: "s", userId: reviewer.id };
    const attempts = [
      // Right offsets, different words: a client cannot store a quote the article does not contain.
      { ...base, start: ZINC_START, end: ZINC_END, exact: "zinc cures the flu within an hour" },
      // What a DOM selection would give without converting to code points.
      { ...base, start: ZINC_UTF16_START, end: ZINC_UTF16_START + ZINC.length, exact: ZINC },
      { ...base, start: -1, end: 5, exact: "Sunsh" },
      { ...base, start: 200, end: 213, exact: SAMPLE_TEXT.slice(-13) },
      { ...base, start: 10, end: 10, exact: "" },
      { ...base, start: 20, end: 10, exact: "x" },
      // Non-integer offsets would store a fraction on SQLite and crash on Postgres.
      { ...base, start: ZINC_START + 0.5, end: ZINC_END, exact: ZINC.slice(1) },
    ];
    for (const attempt of attempts) {
      const error = await rejection(() => createClaim(attempt));
      expect(error.code, JSON.stringify(attempt)).toBe("invalid:claim");
    }
    expect(await listClaimsForArticle({ articleId: article.id })).toEqual([]);
    expect((await getArticleByIdOrThrow({ id: article.id })).status).toBe("draft");
    expect(await auditCounts({ entityType: "article", entityId: article.id })).toEqual({ "article.create": 1 });
  });

  it("refuses a selection made on a snapshot that is not the current one, or an unknown article", async () => {
    const { reviewer } = ctx.users;
    const article = await createTestArticle(reviewer.id);
    const other = await createTestArticle(reviewer.id);
    const stale = await rejection(() =>
      createClaim({ articleId: article.id, versionId: other.currentVersionId!, start: ZINC_START, end: ZINC_END, exact: ZINC, statement: "s", userId: reviewer.id }),
    );
    expect(stale.code).toBe("conflict:article");
    const missing = await rejection(() =>
      createClaim({ articleId: "missing", versionId: article.currentVersionId!, start: ZINC_START, end: ZINC_END, exact: ZINC, statement: "s", userId: reviewer.id }),
    );
    expect(missing.code).toBe("not_found:article");
  });

  it("lists an article's claims in text order", async () => {
    const { reviewer } = ctx.users;
    const article = await createTestArticle(reviewer.id);
    const later = await createTestClaim(article, ZINC, reviewer.id);
    const earlier = await createTestClaim(article, "vitamin D every day prevents 90% of colds", reviewer.id);
    expect((await listClaimsForArticle({ articleId: article.id })).map((c) => c.id)).toEqual([earlier.id, later.id]);
  });

  it("edits the statement with the current version and refuses a stale one", async () => {
    const { reviewer, editor } = ctx.users;
    const article = await createTestArticle(reviewer.id);
    const claim = await createTestClaim(article, ZINC, reviewer.id);
    const edited = await updateClaim({ id: claim.id, version: claim.version, statement: " Zinc cures flu overnight ", userId: reviewer.id });
    expect(edited).toMatchObject({ statement: "Zinc cures flu overnight", version: 2, status: "open" });

    const error = await rejection(() => updateClaim({ id: claim.id, version: claim.version, statement: "Overwrite", userId: editor.id }));
    expect(error.code).toBe("conflict:claim");
    expect(error.message).toMatch(/changed by someone else/);
    expect((await getClaimByIdOrThrow({ id: claim.id })).statement).toBe("Zinc cures flu overnight");
    expect(await auditCounts({ entityType: "claim", entityId: claim.id })).toEqual({ "claim.create": 1, "claim.update": 1 });
  });

  it("excludes and re-includes a claim, moving the article status with it", async () => {
    const { reviewer } = ctx.users;
    const article = await createTestArticle(reviewer.id);
    const claim = await createTestClaim(article, ZINC, reviewer.id);
    expect((await getArticleByIdOrThrow({ id: article.id })).status).toBe("in_review");

    const excluded = await updateClaim({ id: claim.id, version: claim.version, excluded: { reason: " Opinion, not checkable " }, userId: reviewer.id });
    expect(excluded).toMatchObject({ status: "excluded", exclusionReason: "Opinion, not checkable", version: 2 });
    // Only excluded claims left: nothing to check, back to draft.
    expect((await getArticleByIdOrThrow({ id: article.id })).status).toBe("draft");

    const staleExclude = await rejection(() => updateClaim({ id: claim.id, version: claim.version, excluded: null, userId: reviewer.id }));
    expect(staleExclude.code).toBe("conflict:claim");
    expect((await getClaimByIdOrThrow({ id: claim.id })).status).toBe("excluded");

    const included = await updateClaim({ id: claim.id, version: excluded.version, excluded: null, userId: reviewer.id });
    expect(included).toMatchObject({ status: "open", exclusionReason: null, version: 3 });
    expect((await getArticleByIdOrThrow({ id: article.id })).status).toBe("in_review");
    expect(await auditCounts({ entityType: "claim", entityId: claim.id })).toEqual({ "claim.create": 1, "claim.exclude": 1, "claim.include": 1 });
    expect(await auditCounts({ entityType: "article", entityId: article.id })).toEqual({ "article.create": 1, "article.status": 3 });
  });

  it("refuses a claim beyond the per-article limit with a plain message", async () => {
    const { reviewer } = ctx.users;
    const article = await createTestArticle(reviewer.id, { title: "At the limit" });
    const first = await createTestClaim(article, ZINC, reviewer.id);
    // Fill up to the limit directly: 500 saves through createClaim would only slow the suite.
    const { db, t } = ctx.database;
    const { id: _id, ...row } = first;
    const copies = Array.from({ length: MAX_CLAIMS_PER_ARTICLE - 1 }, (_, i) => ({ ...row, id: `limit-${dialect}-${i}` }));
    for (let i = 0; i < copies.length; i += 100) await db.insert(t.claims).values(copies.slice(i, i + 100));
    const refused = await rejection(() => createTestClaim(article, ZINC, reviewer.id));
    expect(refused.code).toBe("invalid:claim");
    expect(refused.message).toContain(`${MAX_CLAIMS_PER_ARTICLE} claims`);
    expect(await listClaimsForArticle({ articleId: article.id })).toHaveLength(MAX_CLAIMS_PER_ARTICLE);
  });
});
