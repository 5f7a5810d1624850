import { describe, expect, it } from "vitest";
import { canonicalText, sliceCodePoints, type Block } from "@/lib/anchoring/text";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { approveTestClaim, auditCounts, createTestArticle, createTestClaim, locate, rejection, SAMPLE_BLOCKS } from "@/testing/fixtures";
import { getArticleByIdOrThrow, getArticleVersion, hashText } from "./articles";
import { decideClaimAnchor, listPreviousAnchors } from "./claim-anchors";
import { getPublicFactCheck } from "./public-fact-checks";
import { getClaimByIdOrThrow } from "./claims";
import { publishArticle } from "./publications";
import { saveVersionAndReanchorClaims, findDuplicateArticle, getSnapshotByNumber } from "./snapshots";

const ZINC = "zinc cures the flu within a day";
const FUNDED = "the study was funded by a supplement maker";
const NINETY = "Taking vitamin D every day prevents 90% of colds";

/** SAMPLE_BLOCKS edited: a new first paragraph, 90% → 80%, the funding sentence removed. */
const EDITED: Block[] = [
  { kind: "paragraph", text: "Editor's note: this post was updated." },
  SAMPLE_BLOCKS[0]!,
  { kind: "paragraph", text: "Taking vitamin D every day prevents 80% of colds, the post says. 🙂 It also claims zinc cures the flu within a day." },
  { kind: "paragraph", text: "The author adds nothing else." },
];

describe.each(testDialects())("snapshots on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  it("adds a snapshot and re-anchors every claim, keeping old anchors and auditing each change", async () => {
    const { reviewer } = ctx.users;
    const article = await createTestArticle(reviewer.id);
    const zinc = await createTestClaim(article, ZINC, reviewer.id);
    const funded = await createTestClaim(article, FUNDED, reviewer.id);
    const ninety = await createTestClaim(article, NINETY, reviewer.id);

    const { snapshot, summary } = await saveVersionAndReanchorClaims({ articleId: article.id, basedOnVersionId: article.currentVersionId!, blocks: EDITED, origin: "url: https://example.test/post", userId: reviewer.id });
    expect(snapshot.number).toBe(2);
    expect(summary).toEqual({ anchored: 1, moved: 0, needs_review: 1, orphaned: 1 });
    const text = canonicalText(EDITED);

    const z = await getClaimByIdOrThrow({ id: zinc.id });
    expect(z).toMatchObject({ versionId: snapshot.id, anchorStatus: "anchored", exact: ZINC, ...locate(text, ZINC), version: zinc.version + 1 });
    expect(sliceCodePoints(text, z.start, z.end)).toBe(ZINC);
    expect(await getClaimByIdOrThrow({ id: ninety.id })).toMatchObject({ anchorStatus: "needs_review", exact: "Taking vitamin D every day prevents 80% of colds" });
    expect(await getClaimByIdOrThrow({ id: funded.id })).toMatchObject({ anchorStatus: "orphaned", exact: FUNDED, start: funded.start });

    const previous = await listPreviousAnchors({ claimIds: [zinc.id] });
    expect(previous).toHaveLength(1);
    expect(previous[0]).toMatchObject({ versionId: article.currentVersionId, exact: ZINC, start: zinc.start, end: zinc.end, anchorStatus: "anchored" });
    expect((await getArticleByIdOrThrow({ id: article.id })).currentVersionId).toBe(snapshot.id);
    expect(await auditCounts({ entityType: "claim", entityId: zinc.id })).toMatchObject({ "claim.reanchor": 1 });
    expect(await auditCounts({ entityType: "article", entityId: article.id })).toMatchObject({ "article.snapshot": 1 });
    expect((await getSnapshotByNumber({ articleId: article.id, number: 2 }))?.origin).toBe("url: https://example.test/post");
  });

  it("refuses a snapshot based on a stale version, and an unchanged text", async () => {
    const { reviewer } = ctx.users;
    const article = await createTestArticle(reviewer.id);
    const stale = await rejection(() => saveVersionAndReanchorClaims({ articleId: article.id, basedOnVersionId: "other", blocks: EDITED, userId: reviewer.id }));
    expect(stale.code).toBe("conflict:article");
    const same = await rejection(() => saveVersionAndReanchorClaims({ articleId: article.id, basedOnVersionId: article.currentVersionId!, blocks: SAMPLE_BLOCKS, userId: reviewer.id }));
    expect(same.message).toMatch(/same as snapshot 1/);
  });

  it("lets the reviewer confirm a move, re-attach an orphan, or keep a claim on the old snapshot", async () => {
    const { reviewer } = ctx.users;
    const article = await createTestArticle(reviewer.id);
    const funded = await createTestClaim(article, FUNDED, reviewer.id);
    const ninety = await createTestClaim(article, NINETY, reviewer.id);
    const zinc = await createTestClaim(article, ZINC, reviewer.id);
    const { snapshot } = await saveVersionAndReanchorClaims({ articleId: article.id, basedOnVersionId: article.currentVersionId!, blocks: EDITED, userId: reviewer.id });
    const text = canonicalText(EDITED);

    let n = await getClaimByIdOrThrow({ id: ninety.id });
    const stale = await rejection(() => decideClaimAnchor({ claimId: n.id, version: n.version - 1, decision: { kind: "confirm" }, userId: reviewer.id }));
    expect(stale.code).toBe("conflict:claim");
    n = await decideClaimAnchor({ claimId: n.id, version: n.version, decision: { kind: "confirm" }, userId: reviewer.id });
    expect(n).toMatchObject({ anchorStatus: "anchored", anchorScore: 1, versionId: snapshot.id });

    let f = await getClaimByIdOrThrow({ id: funded.id });
    const cannotConfirm = await rejection(() => decideClaimAnchor({ claimId: f.id, version: f.version, decision: { kind: "confirm" }, userId: reviewer.id }));
    expect(cannotConfirm.message).toMatch(/not found/);
    const where = locate(text, "The author adds nothing else.");
    const wrong = await rejection(() => decideClaimAnchor({ claimId: f.id, version: f.version, decision: { kind: "reattach", ...where, exact: "something else" }, userId: reviewer.id }));
    expect(wrong.code).toBe("invalid:anchor");
    f = await decideClaimAnchor({ claimId: f.id, version: f.version, decision: { kind: "reattach", ...where, exact: "The author adds nothing else." }, userId: reviewer.id });
    expect(f).toMatchObject({ anchorStatus: "anchored", exact: "The author adds nothing else.", versionId: snapshot.id });

    let z = await getClaimByIdOrThrow({ id: zinc.id });
    z = await decideClaimAnchor({ claimId: z.id, version: z.version, decision: { kind: "keep_old" }, userId: reviewer.id });
    expect(z).toMatchObject({ versionId: article.currentVersionId, exact: ZINC, start: zinc.start, anchorStatus: "anchored" });
    expect(await auditCounts({ entityType: "claim", entityId: z.id })).toMatchObject({ "claim.anchor_keep_old": 1 });
  });

  it("keeps the public page on the published snapshot after a re-import", async () => {
    const { reviewer, editor } = ctx.users;
    const article = await createTestArticle(reviewer.id, { title: "Pinned public snapshot" });
    const zinc = await createTestClaim(article, ZINC, reviewer.id, "Zinc cures flu in a day");
    await approveTestClaim(zinc.id, ctx.rating("Inaccurate").id, reviewer.id, editor.id);
    const publication = await publishArticle({ articleId: article.id, summary: "Zinc does not cure flu.", editorId: editor.id });
    await saveVersionAndReanchorClaims({ articleId: article.id, basedOnVersionId: article.currentVersionId!, blocks: EDITED, userId: reviewer.id });

    const page = (await getPublicFactCheck({ slug: publication.slug }))!;
    expect(page.snapshot.id).toBe(article.currentVersionId);
    expect(page.claims).toHaveLength(1);
    const published = canonicalText((await getArticleVersion({ id: article.currentVersionId! }))!.blocks);
    expect(sliceCodePoints(published, page.claims[0]!.start, page.claims[0]!.end)).toBe(ZINC);
    expect(page.claims[0]!.start).toBe(zinc.start);
  });

  it("finds duplicates by canonical or source URL and by text hash", async () => {
    const { reviewer } = ctx.users;
    const article = await createTestArticle(reviewer.id, { sourceUrl: "https://dup.example/a?utm=1", canonicalUrl: "https://dup.example/a", blocks: [{ kind: "paragraph", text: "A unique text for duplicate detection." }] });
    expect((await findDuplicateArticle({ urls: ["https://dup.example/a"], textHash: null }))?.id).toBe(article.id);
    expect((await findDuplicateArticle({ urls: ["https://dup.example/a?utm=1"], textHash: null }))?.id).toBe(article.id);
    expect((await findDuplicateArticle({ urls: [], textHash: hashText("A unique text for duplicate detection.") }))?.id).toBe(article.id);
    expect(await findDuplicateArticle({ urls: ["https://dup.example/b"], textHash: hashText("Another text.") })).toBeNull();
  });
});
