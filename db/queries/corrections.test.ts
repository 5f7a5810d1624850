import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { auditCounts, currentPublicationCheck, proposeTestVerdict, publishTestArticle, rejection } from "@/testing/fixtures";
import { getDatabase } from "../client";
import { listAuditEvents } from "./audit";
import { getClaimByIdOrThrow } from "./claims";
import { getPublicFactCheck } from "./public-fact-checks";
import { getPublicationForArticle, publishArticle, unpublishArticle } from "./publications";
import { reviewVerdict } from "./reviews";

describe.each(testDialects())("publishing and corrections on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  it("stores the headline verdict and refuses one that is not on the scale", async () => {
    const { publication, article } = await publishTestArticle(ctx, "Headline verdict");
    expect(publication.headlineRatingId).toBe(ctx.rating("Inaccurate").id);
    expect((await getPublicFactCheck({ slug: publication.slug }))!.headlineRating?.label).toBe("Inaccurate");
    await unpublishArticle({ articleId: article.id, version: publication.version, editorId: ctx.users.editor.id });
    const error = await rejection(() => publishArticle({ articleId: article.id, summary: "s", editorId: ctx.users.editor.id, headlineRatingId: "no-such-rating" }));
    expect(error.code).toBe("invalid:publish");
  });

  it("requires a correction note for a verdict revised after publication", async () => {
    const { zinc } = await publishTestArticle(ctx, "Correction note required");
    const error = await rejection(() => proposeTestVerdict(zinc.id, ctx.rating("Accurate").id, ctx.users.reviewer.id));
    expect(error.code).toBe("invalid:verdict");
    expect(error.message).toMatch(/correction note/);
    expect((await getClaimByIdOrThrow({ id: zinc.id })).status).toBe("approved");
  });

  it("keeps the approved verdict public until the correction is approved, then records a dated correction", async () => {
    const { editor, editor2 } = ctx.users;
    const { zinc, v1, publication } = await publishTestArticle(ctx, "Corrected later");

    const v2 = await proposeTestVerdict(zinc.id, ctx.rating("Mostly accurate").id, editor.id, "New trial.", "A 2025 trial changed our rating.");
    const pending = (await getPublicFactCheck({ slug: publication.slug }))!;
    expect(pending.claims.find((c) => c.id === zinc.id)?.verdict.id).toBe(v1.id);
    expect(pending.corrections).toEqual([]);
    expect(pending.publication.updatedAt.getTime()).toBe(publication.updatedAt.getTime());

    // The author cannot approve their own correction; another editor can.
    expect((await rejection(() => reviewVerdict({ verdictId: v2.id, decision: "approved", comment: "", editorId: editor.id }))).code).toBe("forbidden:review");
    // The approving editor must confirm the summary and headline verdict still fit the corrected fact-check.
    const unconfirmed = await rejection(() => reviewVerdict({ verdictId: v2.id, decision: "approved", comment: "OK", editorId: editor2.id }));
    expect(unconfirmed.code).toBe("invalid:review");
    await reviewVerdict({ verdictId: v2.id, decision: "approved", comment: "OK", editorId: editor2.id, publicationCheck: await currentPublicationCheck(zinc.articleId) });

    const after = (await getPublicFactCheck({ slug: publication.slug }))!;
    const claim = after.claims.find((c) => c.id === zinc.id)!;
    expect(claim.verdict.id).toBe(v2.id);
    expect(after.corrections.map((c) => [c.note, c.claimId])).toEqual([["A 2025 trial changed our rating.", zinc.id]]);
    expect(after.publication.updatedAt.getTime()).toBeGreaterThan(publication.updatedAt.getTime());
    expect(claim.history.map((h) => [h.label, h.note])).toEqual([
      ["Inaccurate", null],
      ["Mostly accurate", "A 2025 trial changed our rating."],
    ]);
    expect(await auditCounts({ entityType: "publication", entityId: publication.id })).toEqual({ "publication.correct": 1 });

    // The stored correction ties the note to the claim, the revision readers now see and the one they saw before, and to the approving editor.
    const { db, t } = await getDatabase();
    const stored = await db.select().from(t.corrections).where(eq(t.corrections.publicationId, publication.id));
    expect(stored).toEqual([
      expect.objectContaining({ claimId: zinc.id, verdictId: v2.id, previousVerdictId: v1.id, createdBy: editor2.id, note: "A 2025 trial changed our rating." }),
    ]);
    expect(stored[0]!.createdAt.getTime()).toBe(after.publication.updatedAt.getTime());
    expect(after.publication.version).toBe(publication.version + 1);
    const [event] = await listAuditEvents({ entityType: "publication", entityId: publication.id });
    expect(event).toMatchObject({
      actorId: editor2.id,
      action: "publication.correct",
      before: { verdictId: v1.id },
      after: { verdictId: v2.id, claimId: zinc.id, note: "A 2025 trial changed our rating.", withdrawn: false },
    });
  });

  it("unpublishes with a version check and an audit event, keeping the slug", async () => {
    const { editor } = ctx.users;
    const { article, publication } = await publishTestArticle(ctx, "Taken down and back");
    const stale = await rejection(() => unpublishArticle({ articleId: article.id, version: publication.version - 1, editorId: editor.id }));
    expect(stale.code).toBe("conflict:publication");
    const down = await unpublishArticle({ articleId: article.id, version: publication.version, editorId: editor.id });
    expect(down).toMatchObject({ live: false, slug: publication.slug });
    expect(await getPublicFactCheck({ slug: publication.slug })).toBeNull();
    expect((await rejection(() => unpublishArticle({ articleId: article.id, version: down.version, editorId: editor.id }))).code).toBe("conflict:publish");
    expect(await auditCounts({ entityType: "article", entityId: article.id })).toMatchObject({ "article.unpublish": 1, "article.publish": 1 });
    const again = await publishArticle({ articleId: article.id, summary: "Back", editorId: editor.id });
    expect(again.slug).toBe(publication.slug);
    expect((await getPublicationForArticle({ articleId: article.id }))!.live).toBe(true);
  });
});
