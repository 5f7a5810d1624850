import { describe, expect, it } from "vitest";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { createTestArticle, createTestClaim, proposeTestVerdict, testCitation } from "@/testing/fixtures";
import { describeHistory } from "@/lib/verdict-history";
import { assign } from "./assignments";
import { getClaimByIdOrThrow } from "./claims";
import { publishArticle } from "./publications";
import { getQueues } from "./queues";
import { reviewVerdict } from "./reviews";
import { listVerdictHistory, proposeVerdict } from "./verdicts";

describe.each(testDialects())("desk queues and verdict history on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  it("puts each item in the right person's queue as the work moves", async () => {
    const { reviewer, editor, editor2 } = ctx.users;
    const article = await createTestArticle(editor.id, { title: "Queue test article" });
    const claim = await createTestClaim(article, "zinc cures the flu within a day", reviewer.id);
    await assign({ kind: "claim", id: claim.id, expectedAssigneeId: null, assigneeId: reviewer.id, actor: { id: editor.id, role: "editor", name: editor.name } });
    const ids = (items: { id: string }[]) => items.map((i) => i.id);

    let r = await getQueues(reviewer);
    expect(ids(r.mine)).toContain(claim.id);
    expect(r.awaiting).toEqual([]); // reviewers approve nothing

    const v1 = await proposeTestVerdict(claim.id, ctx.rating("Inaccurate").id, reviewer.id);
    const e = await getQueues(editor);
    expect(ids(e.awaiting)).toContain(claim.id);
    expect(e.awaiting.find((i) => i.id === claim.id)).toMatchObject({ kind: "claim", articleTitle: "Queue test article", assigneeName: "Rae Reviewer", status: "verdict_proposed" });
    expect(ids((await getQueues(reviewer)).awaiting)).toEqual([]);

    await reviewVerdict({ verdictId: v1.id, decision: "changes_requested", comment: "Second source please.", editorId: editor.id });
    r = await getQueues(reviewer);
    expect(ids(r.changes)).toContain(claim.id);
    expect(ids((await getQueues(editor)).awaiting)).not.toContain(claim.id);

    const current = await getClaimByIdOrThrow({ id: claim.id });
    const v2 = await proposeVerdict({
      claimId: claim.id,
      claimVersion: current.version,
      ratingId: ctx.rating("Misleading").id,
      rationale: "The cited trial found no effect, and a second review agrees.",
      citations: [testCitation(), testCitation({ url: "https://example.test/review", title: "A systematic review" })],
      userId: reviewer.id,
    });
    expect(ids((await getQueues(reviewer)).changes)).not.toContain(claim.id);
    await reviewVerdict({ verdictId: v2.id, decision: "approved", comment: "", editorId: editor2.id });
    expect(ids((await getQueues(reviewer)).mine)).not.toContain(claim.id); // approved work leaves "My work"

    await publishArticle({ articleId: article.id, summary: "Zinc does not cure the flu.", editorId: editor.id });
    const published = (await getQueues(reviewer)).published;
    expect(published[0]).toMatchObject({ kind: "article", id: article.id, status: "published" });

    // The history shows both revisions with who, what changed, newest first.
    const history = await listVerdictHistory({ claimId: claim.id });
    expect(history.map((h) => [h.revision, h.authorName, h.ratingLabel, h.citations.length])).toEqual([
      [1, "Rae Reviewer", "Inaccurate", 1],
      [2, "Rae Reviewer", "Misleading", 2],
    ]);
    const changes = describeHistory(history.map((h) => ({ ...h, ratingLabel: h.ratingLabel })));
    expect(changes[0]!.summary).toMatch(/^Rating Inaccurate → Misleading · rationale \+\d+\/−0 words · 1 citation added$/);
  });
});
