/**
 * Seeding over real HTTP (testing/http-client.ts): the same server actions
 * the desk UI calls, without a browser, so e2e specs and the benchmarks can
 * make articles, claims, verdicts and publications in seconds. Every helper
 * checks its answer and throws with the server's own message: a set-up that
 * silently failed would make a "nothing leaked" test pass for the wrong
 * reason. Specs that check a refusal call `client.action(ACTION.…)` directly
 * (the input builders below give them the arguments).
 *
 *   const reviewer = await signIn(base, { email, password });
 *   const articleId = await importArticle(reviewer, "Title", ["A sentence.", "Another."]);
 *   const claim = await addClaim(reviewer, articleId, "A sentence.", "Restated");
 *   const { verdictId } = await proposeVerdict(reviewer, claim, ratingId, "Why.", [citation]);
 */
import type { BrowserContext } from "@playwright/test";
import { canonicalText, codePointLength, type Block } from "../lib/anchoring/text";
import { ACTION, HttpClient, type WireResult } from "./http-client";

export type Credentials = { email: string; password: string };
export type Citation = { url: string; title: string; publisher?: string; quote?: string; stance: "supports" | "refutes" | "context"; kind?: string; archiveUrl?: string };
/** A claim as the create and workspace actions answer with it: enough to propose a verdict or edit it. */
export type Claim = { id: string; version: number; statement: string };
export type WorkspaceClaim = Claim & { status: string; currentVerdictId: string | null; verdict: { id: string } | null; reviews: unknown[] };
/** What getWorkspaceAction answers, as far as specs read it. */
export type Workspace = {
  article: { id: string; title: string };
  snapshot: { id: string; blocks: Block[] };
  claims: WorkspaceClaim[];
  publication: { version: number } | null;
};
/** Where a sentence sits in a snapshot, as createClaimAction takes it (code point offsets). */
export type Anchor = { versionId: string; start: number; end: number; exact: string };

/** Signs in over next-auth's credentials endpoint; throws when no session comes back. */
export function signIn(baseURL: string, account: Credentials, headers: Record<string, string> = {}): Promise<HttpClient> {
  return HttpClient.signIn(baseURL, account.email, account.password, headers);
}

/**
 * Signs a browser context in as a login form would, but over HTTP (the CSRF
 * token, then the credentials callback). context.request shares its cookie
 * jar with the context's pages, so every page opened afterwards has the session.
 */
export async function signInContext(context: BrowserContext, account: Credentials): Promise<void> {
  const csrf = await context.request.get("/api/auth/csrf");
  if (!csrf.ok()) throw new Error(`GET /api/auth/csrf answered ${csrf.status()}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await context.request.post("/api/auth/callback/credentials", {
    form: { email: account.email, password: account.password, csrfToken, callbackUrl: "/articles" },
    maxRedirects: 0,
  });
  const location = response.headers()["location"] ?? "";
  // Auth.js answers a sign-in with a redirect; a failed one redirects to the error page (/login?error=…).
  if (response.status() >= 400 || /[?&]error=/.test(location)) throw new Error(`Sign-in as ${account.email} failed: ${response.status()} ${location}`);
  const cookies = await context.cookies();
  if (!cookies.some((c) => /session-token/.test(c.name))) throw new Error(`no session cookie after signing in as ${account.email}`);
}

/** The data of a successful call; anything else throws with the server's code and message. */
export async function ok<T>(pending: Promise<WireResult<T>>, what: string): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new Error(`${what}: ${result.code} ${result.error}`);
  return result.data;
}

/** A run-unique token, so parallel projects and reruns never see each other's data. */
export function token(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** What saveImportAction answers: the new article's id, or the existing article it would duplicate. */
export type ImportAnswer = { articleId: string; duplicate: null } | { articleId: null; duplicate: { id: string; title: string } };

/** saveImportAction's input for a pasted article: a title and one paragraph block per string. */
export function importInput(title: string, paragraphs: string[], extra: Record<string, unknown> = {}) {
  return { title, blocks: paragraphs.map((text) => ({ kind: "paragraph", text })), allowDuplicate: true, ...extra };
}

/** Saves a pasted article the way the import page does; returns its id. */
export async function importArticle(client: HttpClient, title: string, paragraphs: string[], extra: Record<string, unknown> = {}): Promise<string> {
  const answer = await ok(client.action<ImportAnswer>(ACTION.saveImport, [importInput(title, paragraphs, extra)]), `import "${title}"`);
  if (answer.articleId === null) throw new Error(`import "${title}" was offered the existing article ${answer.duplicate.id} instead`);
  return answer.articleId;
}

type FilePreview = { draft: { blocks: { kind: string; text: string; drop: boolean }[]; originalFileId?: string | null } };

/** Imports a PDF from its web address and saves it the way the import page does; returns the article and its kept original. */
export async function importPdf(client: HttpClient, title: string, url: string): Promise<{ articleId: string; originalFileId: string }> {
  const { draft } = await ok(client.action<FilePreview>(ACTION.previewImport, [{ source: "url", url }]), `preview ${url}`);
  if (!draft.originalFileId) throw new Error(`the preview of ${url} kept no original`);
  // Without their pages: the reply shares one place object between blocks as Flight references, which this plain parse does not follow.
  const blocks = draft.blocks.filter((b) => !b.drop).map(({ kind, text }) => ({ kind, text }));
  const answer = await ok(client.action<ImportAnswer>(ACTION.saveImport, [{ title, blocks, allowDuplicate: true, originalFileId: draft.originalFileId }]), `import "${title}"`);
  if (answer.articleId === null) throw new Error(`import "${title}" was offered an existing article`);
  return { articleId: answer.articleId, originalFileId: draft.originalFileId };
}

export function workspace(client: HttpClient, articleId: string): Promise<Workspace> {
  return ok(client.action<Workspace>(ACTION.workspace, [{ articleId }]), "workspace");
}

/** Where `sentence` is in the workspace's current snapshot; throws when it is not there. */
export function anchorOf(ws: Workspace, sentence: string): Anchor {
  const text = canonicalText(ws.snapshot.blocks);
  const at = text.indexOf(sentence);
  if (at < 0) throw new Error(`"${sentence}" is not in the article`);
  const start = codePointLength(text.slice(0, at));
  return { versionId: ws.snapshot.id, start, end: start + codePointLength(sentence), exact: sentence };
}

/** createClaimAction with a ready anchor (no workspace round trip: the benchmark times this call alone). */
export function createClaim(client: HttpClient, input: Anchor & { articleId: string; statement: string; idempotencyKey?: string }): Promise<Claim> {
  return ok(client.action<Claim>(ACTION.createClaim, [input]), "create claim");
}

/** Highlights `sentence` (which must be in the article's text) as a claim restated as `statement`. */
export async function addClaim(client: HttpClient, articleId: string, sentence: string, statement: string): Promise<Claim> {
  return createClaim(client, { articleId, ...anchorOf(await workspace(client, articleId), sentence), statement });
}

/** Rating ids by label, read from the workspace page's props (no action lists them). */
export async function ratingIds(client: HttpClient, articleId: string): Promise<Map<string, string>> {
  const html = await (await client.fetch(`/articles/${articleId}`)).text();
  const ids = new Map<string, string>();
  for (const m of html.replace(/\\"/g, '"').matchAll(/"id":"([A-Za-z0-9_-]+)","label":"([^"]+)"/g)) ids.set(m[2]!, m[1]!);
  if (ids.size === 0) throw new Error(`no ratings found on /articles/${articleId}`);
  return ids;
}

/** proposeVerdictAction's input for the claim at the version the caller last saw. */
export function verdictInput(claim: { id: string; version: number }, ratingId: string, rationale: string, citations: Citation[], extra: Record<string, unknown> = {}) {
  return { claimId: claim.id, claimVersion: claim.version, ratingId, rationale, citations, ...extra };
}

export function proposeVerdict(client: HttpClient, claim: { id: string; version: number }, ratingId: string, rationale: string, citations: Citation[], extra: Record<string, unknown> = {}) {
  return ok(client.action<{ verdictId: string; revision: number }>(ACTION.proposeVerdict, [verdictInput(claim, ratingId, rationale, citations, extra)]), "propose verdict");
}

/** reviewVerdictAction's input: approve or send back a proposed verdict. */
export function reviewInput(verdictId: string, decision: "approved" | "changes_requested", comment: string, extra: Record<string, unknown> = {}) {
  return { verdictId, decision, comment, ...extra };
}

export function approve(editor: HttpClient, verdictId: string, comment = "Checked.") {
  return ok(editor.action<{ claimStatus: string }>(ACTION.reviewVerdict, [reviewInput(verdictId, "approved", comment)]), "approve verdict");
}

export function publish(editor: HttpClient, articleId: string, summary: string, headlineRatingId: string) {
  return ok(editor.action<{ slug: string }>(ACTION.publishArticle, [{ articleId, summary, headlineRatingId }]), "publish");
}

/** Takes a live fact-check off the public site, at the publication's current version. */
export async function unpublish(editor: HttpClient, articleId: string) {
  const { publication } = await workspace(editor, articleId);
  if (!publication) throw new Error(`unpublish: article ${articleId} was never published`);
  return ok(editor.action<{ slug: string }>(ACTION.unpublishArticle, [{ articleId, version: publication.version }]), "unpublish");
}

export function comment(client: HttpClient, articleId: string, claimId: string | null, body: string) {
  return ok(client.action<{ id: string }>(ACTION.addComment, [{ articleId, claimId, body }]), "comment");
}

export function exclude(client: HttpClient, claim: Claim, reason: string, extra: Record<string, unknown> = {}) {
  return ok(client.action(ACTION.setClaimExclusion, [{ claimId: claim.id, version: claim.version, excluded: true, reason, ...extra }]), "exclude claim");
}

export type NewUser = { name: string; email: string; role: "reviewer" | "editor" | "admin"; password: string };

/** An account made by `admin` (createUserAction); returns its id and version. */
export function createUser(admin: HttpClient, user: NewUser): Promise<{ id: string; version: number }> {
  return ok(admin.action<{ id: string; version: number }>(ACTION.createUser, [user]), `create ${user.role} ${user.email}`);
}

/**
 * A fresh account of `role`, made by `admin` and signed in. Specs that sign out use one:
 * signing out ends every session of the account, so signing out a shared demo account would
 * sign out every other spec running as it.
 */
export async function ownAccount(admin: HttpClient, role: NewUser["role"]): Promise<{ client: HttpClient; email: string }> {
  const email = `${token(`own-${role}-`)}@factdesk.test`.toLowerCase();
  const password = `own-password-${token("")}`;
  await createUser(admin, { name: `Own ${role}`, email, role, password });
  return { client: await signIn(admin.baseUrl, { email, password }), email };
}
