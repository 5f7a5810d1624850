import { describe, expect, it } from "vitest";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { auditCounts, createTestArticle, createTestClaim, proposeTestVerdict, rejection } from "@/testing/fixtures";
import { assign } from "./assignments";
import { addComment, listComments } from "./comments";
import { countUnreadNotifications, listNotifications, markNotificationsRead } from "./notifications";
import { reviewVerdict } from "./reviews";

describe.each(testDialects())("assignment, comments and notifications on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  const as = (key: "reviewer" | "editor" | "editor2") => ({ id: ctx.users[key].id, role: ctx.users[key].role, name: ctx.users[key].name });

  it("assigns articles and claims, notifying the assignee and auditing", async () => {
    const { reviewer, editor } = ctx.users;
    const article = await createTestArticle(editor.id);
    await assign({ kind: "article", id: article.id, expectedAssigneeId: null, assigneeId: reviewer.id, actor: as("editor") });
    const claim = await createTestClaim(article, "zinc cures the flu within a day", reviewer.id);
    await assign({ kind: "claim", id: claim.id, expectedAssigneeId: null, assigneeId: reviewer.id, actor: as("editor") });
    const notes = await listNotifications({ userId: reviewer.id });
    expect(notes.map((n) => [n.kind, n.actorName, n.claimId])).toEqual(expect.arrayContaining([["assignment", "Eddie Editor", null], ["assignment", "Eddie Editor", claim.id]]));
    expect(notes.find((n) => n.claimId === claim.id)!.message).toMatch(/assigned you the claim/);
    expect(await auditCounts({ entityType: "article", entityId: article.id })).toMatchObject({ "article.assign": 1 });

    // A competing assignment (the editor saw "nobody") is a conflict, not an overwrite.
    const conflict = await rejection(() => assign({ kind: "claim", id: claim.id, expectedAssigneeId: null, assigneeId: editor.id, actor: as("editor") }));
    expect(conflict.code).toBe("conflict:claim");
    // A reviewer cannot take someone else's work or give work to others.
    const refused = await rejection(() => assign({ kind: "claim", id: claim.id, expectedAssigneeId: reviewer.id, assigneeId: ctx.users.editor2.id, actor: as("reviewer") }));
    expect(refused.code).toBe("forbidden:assign");
    // …but can give back their own.
    expect(await assign({ kind: "claim", id: claim.id, expectedAssigneeId: reviewer.id, assigneeId: null, actor: as("reviewer") })).toEqual({ assigneeId: null });
  });

  it("keeps separate threads per article and claim, and notifies @mentions once", async () => {
    const { reviewer, editor, editor2 } = ctx.users;
    const article = await createTestArticle(reviewer.id);
    const claim = await createTestClaim(article, "zinc cures the flu within a day", reviewer.id);
    const before = await countUnreadNotifications({ userId: editor.id });
    const { mentioned } = await addComment({ articleId: article.id, claimId: claim.id, body: "@Eddie Editor can you check the zinc source? cc @editor2@example.test @Rae", authorId: reviewer.id });
    expect(mentioned.sort()).toEqual([editor.id, editor2.id].sort());
    await addComment({ articleId: article.id, body: "General note on the article.", authorId: editor.id });
    expect((await listComments({ articleId: article.id, claimId: claim.id })).map((c) => [c.authorName, c.body.slice(0, 12)])).toEqual([["Rae Reviewer", "@Eddie Edito"]]);
    expect((await listComments({ articleId: article.id, claimId: null })).map((c) => c.body)).toEqual(["General note on the article."]);
    expect(await countUnreadNotifications({ userId: editor.id })).toBe(before + 1);
    expect((await listNotifications({ userId: editor.id }))[0]).toMatchObject({ kind: "mention", claimId: claim.id, actorName: "Rae Reviewer" });
    expect(await auditCounts({ entityType: "claim", entityId: claim.id })).toMatchObject({ "comment.create": 1 });

    expect((await rejection(() => addComment({ articleId: article.id, body: "   ", authorId: editor.id }))).code).toBe("invalid:comment");
    const other = await createTestArticle(reviewer.id);
    expect((await rejection(() => addComment({ articleId: other.id, claimId: claim.id, body: "wrong thread", authorId: editor.id }))).code).toBe("not_found:claim");
  });

  it("notifies the verdict's author of a review, and marks read only the owner's notifications", async () => {
    const { reviewer, editor } = ctx.users;
    const article = await createTestArticle(reviewer.id);
    const claim = await createTestClaim(article, "zinc cures the flu within a day", reviewer.id);
    const verdict = await proposeTestVerdict(claim.id, ctx.rating("Inaccurate").id, reviewer.id);
    await reviewVerdict({ verdictId: verdict.id, decision: "changes_requested", comment: "Add a second source.", editorId: editor.id });
    const [latest] = await listNotifications({ userId: reviewer.id });
    expect(latest).toMatchObject({ kind: "review", claimId: claim.id });
    expect(latest!.message).toMatch(/requested changes to your verdict.*Add a second source/);

    const unread = await countUnreadNotifications({ userId: reviewer.id });
    expect(unread).toBeGreaterThan(1);
    // Someone else's ids are ignored.
    expect(await markNotificationsRead({ userId: editor.id, ids: [latest!.id] })).toBe(0);
    expect(await markNotificationsRead({ userId: reviewer.id, ids: [latest!.id] })).toBe(1);
    expect(await countUnreadNotifications({ userId: reviewer.id })).toBe(unread - 1);
    expect(await markNotificationsRead({ userId: reviewer.id })).toBe(unread - 1);
    expect(await countUnreadNotifications({ userId: reviewer.id })).toBe(0);
  });
});
