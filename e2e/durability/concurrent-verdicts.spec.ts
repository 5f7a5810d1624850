/**
 * Two editors saving one verdict at the same moment, over real HTTP against
 * the project's server (SQLite or Postgres): both requests carry the same
 * expected version and are sent together. One save wins; the other gets a
 * conflict with a readable message; nothing is lost or half-written.
 */
import { expect, test } from "@playwright/test";
import { HttpClient, type WireResult } from "../../testing/http-client";
import { ACCOUNTS } from "../fixtures/accounts";
import { importedArticleId } from "../security/desk-http";

const SENTENCE = "Zinc lozenges cure the common cold within a day.";
const WS = "app/(desk)/articles/[id]/actions.ts#getWorkspaceAction";
type Workspace = { snapshot: { id: string }; claims: { id: string; version: number; status: string; currentVerdictId: string | null; reviews: unknown[] }[] };
type Failure = Extract<WireResult, { ok: false }>;

async function articleWithClaim(client: HttpClient, title: string): Promise<{ articleId: string; claimId: string; version: number }> {
  const text = `${title}. ${SENTENCE}`;
  const response = await client.actionResponse("app/(desk)/articles/new/actions.ts#saveImportAction", [
    { title, sourceUrl: null, canonicalUrl: null, publisher: null, author: null, sourcePublishedOn: null, language: "en", blocks: [{ kind: "paragraph", text }], sourceHtml: null, origin: "paste: e2e", allowDuplicate: true },
  ]);
  const articleId = await importedArticleId(response);
  const ws = await client.action<Workspace>(WS, [{ articleId }]);
  if (!ws.ok) throw new Error(ws.error);
  const start = text.indexOf(SENTENCE);
  const claim = await client.action<{ id: string; version: number }>("app/(desk)/articles/[id]/actions.ts#createClaimAction", [
    { articleId, versionId: ws.data.snapshot.id, start, end: start + SENTENCE.length, exact: SENTENCE, statement: "Zinc cures colds" },
  ]);
  if (!claim.ok) throw new Error(claim.error);
  return { articleId, claimId: claim.data.id, version: claim.data.version };
}

/** The rating scale's ids, read off the workspace page's props (escaped or not, depending on how the payload is inlined). */
async function ratingIds(client: HttpClient, articleId: string): Promise<string[]> {
  const html = await (await client.fetch(`/articles/${articleId}`)).text();
  return [...new Set([...html.matchAll(/\\?"id\\?":\\?"([^"\\]+)\\?",\\?"label\\?":\\?"(?:Accurate|Inaccurate|Misleading|Unsupported)/g)].map((m) => m[1]!))];
}

test.describe("two editors saving one verdict at the same moment", () => {
  let editor: HttpClient;
  let editor2: HttpClient;
  let reviewer: HttpClient;

  test.beforeAll(async ({ baseURL }) => {
    [editor, editor2, reviewer] = await Promise.all([
      HttpClient.signIn(baseURL!, ACCOUNTS.editor.email, ACCOUNTS.editor.password),
      HttpClient.signIn(baseURL!, ACCOUNTS.editor2.email, ACCOUNTS.editor2.password),
      HttpClient.signIn(baseURL!, ACCOUNTS.reviewer.email, ACCOUNTS.reviewer.password),
    ]);
  });

  const verdictInput = (claimId: string, claimVersion: number, ratingId: string, rationale: string) => ({
    claimId,
    claimVersion,
    ratingId,
    rationale,
    citations: [{ url: "https://example.test/trial", title: "A trial", stance: "refutes", kind: "study" }],
  });

  test("proposals with the same claim version: one revision saved, the other told to reload", async () => {
    const { articleId, claimId, version } = await articleWithClaim(reviewer, `Concurrent proposal ${Date.now()}`);
    const [ratingId] = await ratingIds(reviewer, articleId);
    expect(ratingId, "a rating id on the workspace page").toBeTruthy();
    const propose = (client: HttpClient, rationale: string) => client.action<{ verdictId: string }>("app/(desk)/articles/[id]/actions.ts#proposeVerdictAction", [verdictInput(claimId, version, ratingId!, rationale)]);
    const results = await Promise.all([propose(editor, "First editor's rationale."), propose(editor2, "Second editor's rationale.")]);
    const won = results.filter((r) => r.ok);
    const lost = results.filter((r): r is Failure => !r.ok);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.code).toBe("conflict:claim");
    expect(lost[0]!.error).toMatch(/changed by someone else.*Reload/);

    const ws = await editor.action<Workspace>(WS, [{ articleId }]);
    if (!ws.ok) throw new Error(ws.error);
    const claim = ws.data.claims.find((c) => c.id === claimId)!;
    expect(claim.currentVerdictId).toBe((won[0] as { data: { verdictId: string } }).data.verdictId);
    expect(claim.version).toBe(version + 1);
  });

  test("approve and send back by two editors at once: one decision stands, the other is refused", async () => {
    const { articleId, claimId, version } = await articleWithClaim(reviewer, `Concurrent review ${Date.now()}`);
    const [ratingId] = await ratingIds(reviewer, articleId);
    const proposed = await reviewer.action<{ verdictId: string }>("app/(desk)/articles/[id]/actions.ts#proposeVerdictAction", [verdictInput(claimId, version, ratingId!, "No trial shows it.")]);
    if (!proposed.ok) throw new Error(proposed.error);
    const review = (client: HttpClient, decision: string, comment: string) =>
      client.action<{ claimStatus: string }>("app/(desk)/approvals/actions.ts#reviewVerdictAction", [{ verdictId: proposed.data.verdictId, decision, comment }]);
    const results = await Promise.all([review(editor, "approved", ""), review(editor2, "changes_requested", "Add a second source.")]);
    const won = results.filter((r): r is Extract<WireResult<{ claimStatus: string }>, { ok: true }> => r.ok);
    const lost = results.filter((r): r is Failure => !r.ok);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.code).toMatch(/^conflict:/);
    expect(lost[0]!.error.length).toBeGreaterThan(20);

    const ws = await editor.action<Workspace>(WS, [{ articleId }]);
    if (!ws.ok) throw new Error(ws.error);
    const claim = ws.data.claims.find((c) => c.id === claimId)!;
    expect(claim.status).toBe(won[0]!.data.claimStatus);
    expect(claim.reviews).toHaveLength(1);
  });
});
