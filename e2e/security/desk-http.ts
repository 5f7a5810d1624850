/**
 * Desk set-ups over real HTTP (testing/http-client.ts): the same server
 * actions the UI calls, without a browser, so the security specs can make
 * many articles, claims and verdicts in seconds. Every call is checked: a
 * set-up that silently failed would make a "nothing leaked" test pass for
 * the wrong reason.
 */
import { expect } from "@playwright/test";
import { HttpClient, parseActionReply, type WireResult } from "../../testing/http-client";
import { canonicalText, codePointLength, type Block } from "../../lib/anchoring/text";
import { ACCOUNTS, type RoleKey } from "../fixtures/accounts";

export const A = {
  importArticle: "app/(desk)/articles/new/actions.ts#saveImportAction",
  workspace: "app/(desk)/articles/[id]/actions.ts#getWorkspaceAction",
  createClaim: "app/(desk)/articles/[id]/actions.ts#createClaimAction",
  exclude: "app/(desk)/articles/[id]/actions.ts#setClaimExclusionAction",
  proposeVerdict: "app/(desk)/articles/[id]/actions.ts#proposeVerdictAction",
  comment: "app/(desk)/articles/[id]/collaboration-actions.ts#addCommentAction",
  review: "app/(desk)/approvals/actions.ts#reviewVerdictAction",
  publish: "components/publishing/actions.ts#publishArticleAction",
  createUser: "app/(desk)/admin/users/actions.ts#createUserAction",
  setUserActive: "app/(desk)/admin/users/actions.ts#setUserActiveAction",
  savePage: "app/(desk)/admin/pages/actions.ts#saveOrganisationPageAction",
} as const;

export type Citation = { url: string; title: string; publisher?: string; quote?: string; stance: "supports" | "refutes" | "context" };
type Claim = { id: string; version: number; statement: string };
type Workspace = { article: { id: string; title: string }; snapshot: { id: string; blocks: Block[] }; claims: (Claim & { verdict: { id: string } | null })[] };

export function signIn(baseURL: string, role: RoleKey): Promise<HttpClient> {
  return HttpClient.signIn(baseURL, ACCOUNTS[role].email, ACCOUNTS[role].password);
}

/** The data of a successful call; anything else fails the test with the server's own message. */
export async function ok<T>(pending: Promise<WireResult<T>>, what: string): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new Error(`${what}: ${result.code} ${result.error}`);
  return result.data;
}

/** What saveImportAction answers: the new article's id, or the existing article it would duplicate. */
type ImportAnswer = { articleId: string; duplicate: null } | { articleId: null; duplicate: { id: string; title: string } };

/** Saves a pasted article (title + paragraphs) the way the import page does; returns its id. */
export async function importArticle(client: HttpClient, title: string, paragraphs: string[], extra: Record<string, unknown> = {}): Promise<string> {
  const blocks = paragraphs.map((text) => ({ kind: "paragraph", text }));
  const answer = await ok(client.action<ImportAnswer>(A.importArticle, [{ title, blocks, allowDuplicate: true, ...extra }]), `import "${title}"`);
  if (answer.articleId === null) throw new Error(`import "${title}" was offered the existing article ${answer.duplicate.id} instead`);
  return answer.articleId;
}

/**
 * The new article's id from a raw saveImportAction response (for callers of
 * client.actionResponse). The action answers with the id once the write
 * commits; it no longer redirects (a redirect rendered the article page into
 * the same answer). Throws with the status and body start otherwise.
 */
export async function importedArticleId(response: Response): Promise<string> {
  const text = await response.text();
  const result = parseActionReply<ImportAnswer>(text);
  if (result?.ok && result.data.articleId) return result.data.articleId;
  throw new Error(`import: HTTP ${response.status}, no new article in: ${text.slice(0, 300)}`);
}

export function workspace(client: HttpClient, articleId: string): Promise<Workspace> {
  return ok(client.action<Workspace>(A.workspace, [{ articleId }]), "workspace");
}

/** Highlights `sentence` (which must be in the article's text) as a claim restated as `statement`. */
export async function addClaim(client: HttpClient, articleId: string, sentence: string, statement: string): Promise<Claim> {
  const ws = await workspace(client, articleId);
  const text = canonicalText(ws.snapshot.blocks);
  const at = text.indexOf(sentence);
  expect(at, `"${sentence}" is not in the article`).toBeGreaterThanOrEqual(0);
  const start = codePointLength(text.slice(0, at));
  const input = { articleId, versionId: ws.snapshot.id, start, end: start + codePointLength(sentence), exact: sentence, statement };
  return ok(client.action<Claim>(A.createClaim, [input]), "create claim");
}

/** Rating ids by label, read from the workspace page's props (no action lists them). */
export async function ratingIds(client: HttpClient, articleId: string): Promise<Map<string, string>> {
  const html = await (await client.fetch(`/articles/${articleId}`)).text();
  const ids = new Map<string, string>();
  for (const m of html.replace(/\\"/g, '"').matchAll(/"id":"([A-Za-z0-9_-]+)","label":"([^"]+)"/g)) ids.set(m[2]!, m[1]!);
  expect(ids.size, "no ratings found in the workspace page").toBeGreaterThan(0);
  return ids;
}

export async function proposeVerdict(client: HttpClient, claim: Claim, ratingId: string, rationale: string, citations: Citation[]) {
  const input = { claimId: claim.id, claimVersion: claim.version, ratingId, rationale, citations };
  return ok(client.action<{ verdictId: string }>(A.proposeVerdict, [input]), "propose verdict");
}

export function approve(editor: HttpClient, verdictId: string, comment = "Checked.") {
  return ok(editor.action(A.review, [{ verdictId, decision: "approved", comment }]), "approve verdict");
}

export function publish(editor: HttpClient, articleId: string, summary: string, headlineRatingId: string) {
  return ok(editor.action<{ slug: string }>(A.publish, [{ articleId, summary, headlineRatingId }]), "publish");
}

export function comment(client: HttpClient, articleId: string, claimId: string | null, body: string) {
  return ok(client.action(A.comment, [{ articleId, claimId, body }]), "comment");
}

export function exclude(client: HttpClient, claim: Claim, reason: string) {
  return ok(client.action(A.exclude, [{ claimId: claim.id, version: claim.version, excluded: true, reason }]), "exclude claim");
}

/**
 * A fresh account of `role`, made by the shared admin and signed in. Specs that sign out use one:
 * signing out ends every session of the account, so signing out a shared demo account would
 * sign out every other spec running as it.
 */
export async function ownAccount(baseURL: string, role: "reviewer" | "editor" | "admin", admin?: HttpClient): Promise<{ client: HttpClient; email: string }> {
  const creator = admin ?? (await signIn(baseURL, "admin"));
  const email = `${token(`own-${role}-`)}@factdesk.test`.toLowerCase();
  const password = `own-password-${token("")}`;
  await ok(creator.action(A.createUser, [{ name: `Own ${role}`, email, role, password }]), `create ${role}`);
  return { client: await HttpClient.signIn(baseURL, email, password), email };
}

/** A run-unique token, so parallel projects and reruns never see each other's data. */
export function token(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
