/**
 * Two editors saving one verdict at the same moment, over real HTTP against
 * the project's server (SQLite or Postgres): both requests carry the same
 * expected version and are sent together. One save wins; the other gets a
 * conflict with a readable message; nothing is lost or half-written.
 */
import { expect, test } from "@playwright/test";
import { ACTION, type HttpClient, type WireResult } from "../../testing/http-client";
import { addClaim, importArticle, proposeVerdict, ratingIds, reviewInput, signIn, verdictInput, workspace, type Citation } from "../../testing/seed-http";
import { ACCOUNTS } from "../fixtures/accounts";

const SENTENCE = "Zinc lozenges cure the common cold within a day.";
const CITATIONS: Citation[] = [{ url: "https://example.test/trial", title: "A trial", stance: "refutes", kind: "study" }];
type Failure = Extract<WireResult, { ok: false }>;

/** A new article with one claim, and a rating to propose for it. */
async function articleWithClaim(client: HttpClient, title: string) {
  const articleId = await importArticle(client, title, [`${title}. ${SENTENCE}`]);
  const claim = await addClaim(client, articleId, SENTENCE, "Zinc cures colds");
  const ratingId = (await ratingIds(client, articleId)).get("Inaccurate")!;
  expect(ratingId, "a rating id on the workspace page").toBeTruthy();
  return { articleId, claim, ratingId };
}

test.describe("two editors saving one verdict at the same moment", () => {
  let editor: HttpClient;
  let editor2: HttpClient;
  let reviewer: HttpClient;

  test.beforeAll(async ({ baseURL }) => {
    [editor, editor2, reviewer] = await Promise.all([signIn(baseURL!, ACCOUNTS.editor), signIn(baseURL!, ACCOUNTS.editor2), signIn(baseURL!, ACCOUNTS.reviewer)]);
  });

  test("proposals with the same claim version: one revision saved, the other told to reload", async () => {
    const { articleId, claim, ratingId } = await articleWithClaim(reviewer, `Concurrent proposal ${Date.now()}`);
    const propose = (client: HttpClient, rationale: string) => client.action<{ verdictId: string }>(ACTION.proposeVerdict, [verdictInput(claim, ratingId, rationale, CITATIONS)]);
    const results = await Promise.all([propose(editor, "First editor's rationale."), propose(editor2, "Second editor's rationale.")]);
    const won = results.filter((r) => r.ok);
    const lost = results.filter((r): r is Failure => !r.ok);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.code).toBe("conflict:claim");
    expect(lost[0]!.error).toMatch(/changed by someone else.*Reload/);

    const saved = (await workspace(editor, articleId)).claims.find((c) => c.id === claim.id)!;
    expect(saved.currentVerdictId).toBe((won[0] as { data: { verdictId: string } }).data.verdictId);
    expect(saved.version).toBe(claim.version + 1);
  });

  test("approve and send back by two editors at once: one decision stands, the other is refused", async () => {
    const { articleId, claim, ratingId } = await articleWithClaim(reviewer, `Concurrent review ${Date.now()}`);
    const { verdictId } = await proposeVerdict(reviewer, claim, ratingId, "No trial shows it.", CITATIONS);
    const review = (client: HttpClient, decision: "approved" | "changes_requested", comment: string) =>
      client.action<{ claimStatus: string }>(ACTION.reviewVerdict, [reviewInput(verdictId, decision, comment)]);
    const results = await Promise.all([review(editor, "approved", ""), review(editor2, "changes_requested", "Add a second source.")]);
    const won = results.filter((r): r is Extract<WireResult<{ claimStatus: string }>, { ok: true }> => r.ok);
    const lost = results.filter((r): r is Failure => !r.ok);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.code).toMatch(/^conflict:/);
    expect(lost[0]!.error.length).toBeGreaterThan(20);

    const saved = (await workspace(editor, articleId)).claims.find((c) => c.id === claim.id)!;
    expect(saved.status).toBe(won[0]!.data.claimStatus);
    expect(saved.reviews).toHaveLength(1);
  });
});
