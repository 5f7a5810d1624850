/**
 * A retry after a lost answer must not make a second copy. Each create the
 * desk offers (import, claim, verdict proposal, comment, publication) is
 * called twice over real HTTP with the same idempotency key, the way a
 * browser retries a submission whose answer never arrived; the second call
 * gets the first result and the database holds one row. A key is never
 * honoured for another user.
 */
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ACTION, type HttpClient } from "../../testing/http-client";
import { anchorOf, approve, createClaim, importInput, ok, ratingIds, signIn, token, verdictInput, workspace, type ImportAnswer } from "../../testing/seed-http";
import { ACCOUNTS } from "../fixtures/accounts";

const SENTENCE = "Cold showers double the number of white blood cells.";
const CITATION = { url: "https://example.org/cold-water-study", title: "Cold water immersion and immunity", stance: "refutes" as const };

/** How often `title` appears on the desk's article list: a second copy of an article doubles it. */
async function onDesk(client: HttpClient, title: string): Promise<number> {
  const html = await (await client.fetch("/articles")).text();
  return html.split(title).length - 1;
}

test("each create called twice with the same key makes one row and answers both calls with it", async ({}, testInfo) => {
  const base = testInfo.project.use.baseURL!;
  const [reviewer, editor, editor2] = await Promise.all([signIn(base, ACCOUNTS.reviewer), signIn(base, ACCOUNTS.editor), signIn(base, ACCOUNTS.editor2)]);
  const title = `Idempotent retries ${token("")}`;
  const firstImport = importInput(title, [`${title}. ${SENTENCE}`], { allowDuplicate: false, idempotencyKey: randomUUID() });

  // Import. The retry also passes the duplicate check, which now finds the first attempt's own article.
  const imported = await ok(reviewer.action<ImportAnswer>(ACTION.saveImport, [firstImport]), "import");
  const articleId = imported.articleId!;
  expect(articleId, "the import answers with the new article's id").toBeTruthy();
  const listed = await onDesk(reviewer, title);
  expect(listed).toBeGreaterThan(0);
  expect(await ok(reviewer.action<ImportAnswer>(ACTION.saveImport, [firstImport]), "import retry")).toEqual(imported);
  expect(await ok(reviewer.action<ImportAnswer>(ACTION.saveImport, [{ ...firstImport, allowDuplicate: true }]), "import retry (separate)")).toEqual(imported);
  expect(await onDesk(reviewer, title), "one article on the desk").toBe(listed);

  // Claim: two calls at once, as a double submit would send them.
  const claimInput = { articleId, ...anchorOf(await workspace(reviewer, articleId), SENTENCE), statement: "Cold showers boost immunity", idempotencyKey: randomUUID() };
  const [claim, claimAgain] = await Promise.all([0, 1].map(() => createClaim(reviewer, claimInput)));
  expect(claimAgain!.id).toBe(claim!.id);
  expect((await workspace(reviewer, articleId)).claims.map((c) => c.id)).toEqual([claim!.id]);

  // Verdict proposal: the retry carries the claim version the form had, which the first proposal moved on.
  const ratings = await ratingIds(reviewer, articleId);
  const proposal = verdictInput(claim!, ratings.get("Inaccurate")!, "The trial found no change.", [CITATION], { idempotencyKey: randomUUID() });
  const proposed = await ok(reviewer.action<{ verdictId: string; revision: number }>(ACTION.proposeVerdict, [proposal]), "propose verdict");
  // The same revision; the claim that comes with it is read afresh (its cited page may have been archived in between).
  const retried = await ok(reviewer.action<{ verdictId: string; revision: number }>(ACTION.proposeVerdict, [proposal]), "propose verdict retry");
  expect({ verdictId: retried.verdictId, revision: retried.revision }).toEqual({ verdictId: proposed.verdictId, revision: proposed.revision });
  expect(await ok(reviewer.action<unknown[]>(ACTION.verdictHistory, [{ claimId: claim!.id }]), "history")).toHaveLength(1);

  // Comment.
  const commentInput = { articleId, claimId: null, body: `Is there a second study? ${title}`, idempotencyKey: randomUUID() };
  const comment = await ok(reviewer.action<{ id: string }>(ACTION.addComment, [commentInput]), "comment");
  expect((await ok(reviewer.action<{ id: string }>(ACTION.addComment, [commentInput]), "comment retry")).id).toBe(comment.id);
  const thread = await ok(reviewer.action<{ id: string }[]>(ACTION.listComments, [{ articleId, claimId: null }]), "comments");
  expect(thread.map((c) => c.id)).toEqual([comment.id]);

  // Another user sending someone's key gets a refusal, never their row.
  const stolen = await editor.action(ACTION.addComment, [{ ...commentInput, body: "Someone else's key" }]);
  expect(stolen).toMatchObject({ ok: false, code: "conflict:idempotency" });
  expect(await ok(reviewer.action<unknown[]>(ACTION.listComments, [{ articleId, claimId: null }]), "comments")).toHaveLength(1);

  // Publication: the retry gets the publication instead of "already published"; a new publish is still refused.
  await approve(editor, proposed.verdictId);
  const publishInput = { articleId, summary: "Cold showers do not boost immunity.", headlineRatingId: ratings.get("Inaccurate")!, idempotencyKey: randomUUID() };
  const published = await ok(editor.action<{ slug: string }>(ACTION.publishArticle, [publishInput]), "publish");
  expect(await ok(editor.action<{ slug: string }>(ACTION.publishArticle, [publishInput]), "publish retry")).toEqual(published);
  expect(await editor.action(ACTION.publishArticle, [{ ...publishInput, idempotencyKey: randomUUID() }])).toMatchObject({ ok: false, code: "conflict:publish" });
  expect(await editor2.action(ACTION.publishArticle, [publishInput])).toMatchObject({ ok: false, code: "conflict:idempotency" });
  const api = await reviewer.fetch(`/api/public/fact-checks/${published.slug}`);
  expect(api.status).toBe(200);
  expect((await api.json()).claims).toHaveLength(1);
});

test("a key that is not a UUID is refused before anything is saved", async ({}, testInfo) => {
  const reviewer = await signIn(testInfo.project.use.baseURL!, ACCOUNTS.reviewer);
  const title = `Bad key ${token("")}`;
  const refused = await reviewer.action(ACTION.saveImport, [importInput(title, [SENTENCE], { idempotencyKey: "retry-1" })]);
  expect(refused).toMatchObject({ ok: false, code: "invalid:input" });
  expect(await onDesk(reviewer, title)).toBe(0);
});
