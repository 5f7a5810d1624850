/**
 * A Node client for a running Factdesk server, for tests and benchmarks that
 * must go through real HTTP: sign in with next-auth's credentials endpoint,
 * call server actions by name (their ids come from the production build's
 * manifest) and read the result out of the RSC reply.
 *
 *   const reviewer = await HttpClient.signIn(base, "reviewer@factdesk.test", "factdesk-demo");
 *   const result = await reviewer.action(ACTION.createClaim, [input]);
 *
 * Set-ups built on it (import an article, mark a claim, propose, approve,
 * publish) are in testing/seed-http.ts.
 */
import fs from "node:fs";
import path from "node:path";

/** What `action()` (server/action.ts) returns, as it arrives over the wire. */
export type WireResult<T = unknown> =
  | { ok: true; data: T }
  | { ok: false; error: string; code: string; fieldErrors?: Record<string, string[]> | string };

/** An action's name: `<source file>#<exported name>`, e.g. `app/(auth)/actions.ts#loginAction`. */
export type ActionRef = string;

/**
 * The server actions tests and benchmarks call, by name. Every call goes
 * through one of these (or, in the authorization matrix, through the build's
 * own list): the id sent is looked up in the build's manifest by this ref.
 */
export const ACTION = {
  login: "app/(auth)/actions.ts#loginAction",
  oidcLogin: "app/(auth)/actions.ts#oidcLoginAction",
  signOut: "app/(auth)/actions.ts#signOutAction",
  setup: "app/(auth)/actions.ts#setupAction",
  saveImport: "app/(desk)/articles/new/actions.ts#saveImportAction",
  previewImport: "app/(desk)/articles/new/actions.ts#previewImportAction",
  workspace: "app/(desk)/articles/[id]/actions.ts#getWorkspaceAction",
  createClaim: "app/(desk)/articles/[id]/actions.ts#createClaimAction",
  updateClaim: "app/(desk)/articles/[id]/actions.ts#updateClaimAction",
  setClaimExclusion: "app/(desk)/articles/[id]/actions.ts#setClaimExclusionAction",
  proposeVerdict: "app/(desk)/articles/[id]/actions.ts#proposeVerdictAction",
  addComment: "app/(desk)/articles/[id]/collaboration-actions.ts#addCommentAction",
  listComments: "app/(desk)/articles/[id]/collaboration-actions.ts#listCommentsAction",
  verdictHistory: "app/(desk)/articles/[id]/collaboration-actions.ts#verdictHistoryAction",
  reviewVerdict: "app/(desk)/approvals/actions.ts#reviewVerdictAction",
  markNotificationsRead: "app/(desk)/notifications/actions.ts#markNotificationsReadAction",
  publishArticle: "app/(desk)/articles/[id]/publishing-actions.ts#publishArticleAction",
  unpublishArticle: "app/(desk)/articles/[id]/publishing-actions.ts#unpublishArticleAction",
  createUser: "app/(desk)/admin/users/actions.ts#createUserAction",
  changeUserRole: "app/(desk)/admin/users/actions.ts#changeUserRoleAction",
  setUserActive: "app/(desk)/admin/users/actions.ts#setUserActiveAction",
  signOutUserEverywhere: "app/(desk)/admin/users/actions.ts#signOutUserEverywhereAction",
  saveOrganisationPage: "app/(desk)/admin/pages/actions.ts#saveOrganisationPageAction",
} as const satisfies Record<string, ActionRef>;

type ManifestEntry = { filename: string; exportedName: string; workers: Record<string, unknown> };

/** Every server action in a production build, by `<file>#<export>`, with its id and a page that serves it. */
export function readActionManifest(buildDir = path.join(process.cwd(), ".next")): Map<ActionRef, { id: string; page: string }> {
  const file = path.join(buildDir, "server", "server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as { node: Record<string, ManifestEntry> };
  const actions = new Map<ActionRef, { id: string; page: string }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    actions.set(`${entry.filename}#${entry.exportedName}`, { id, page: pageUrl(Object.keys(entry.workers)[0] ?? "app/page") });
  }
  return actions;
}

let builtActions: Map<ActionRef, { id: string; page: string }> | undefined;

/** An action of the build in .next (read once per process): its id and a page that serves it; throws when the build lacks it. */
export function builtAction(ref: ActionRef): { id: string; page: string } {
  builtActions ??= readActionManifest();
  const entry = builtActions.get(ref);
  if (!entry) throw new Error(`no server action ${ref} in the build (run next build?)`);
  return entry;
}

/** "app/(desk)/articles/[id]/page" → "/articles/x": any page of the build can take the POST; Next forwards it. */
function pageUrl(worker: string): string {
  const segments = worker.replace(/^app\//, "").replace(/\/?page$/, "").split("/").filter(Boolean);
  const kept = segments.filter((s) => !/^\(.*\)$/.test(s)).map((s) => (s.startsWith("[") ? "x" : s));
  return `/${kept.join("/")}`;
}

/** Reads an action's result out of a Flight reply: row 0 points at the row holding the return value. */
export function parseActionReply<T>(body: string): WireResult<T> | undefined {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) rows.set(line.slice(0, colon), line.slice(colon + 1));
  }
  const head = rows.get("0");
  if (!head) return undefined;
  const pointer = (JSON.parse(head) as { a?: string }).a;
  const row = typeof pointer === "string" && pointer.startsWith("$@") ? rows.get(pointer.slice(2)) : undefined;
  return row === undefined ? undefined : (JSON.parse(row) as WireResult<T>);
}

/**
 * FormData arguments travel as React's reply format does it: the form's
 * fields as "_1_<name>", then field "0" with the arguments, where "$K1"
 * points at them. "0" must come last: Next decodes multipart bodies as they
 * stream in, and "$K1" only sees the fields that arrived before it.
 * A string of the arguments' own that starts with "$" ("$3.2 million") is
 * written "$$…", as React does, or the server would read it as a reference.
 */
function encodeArguments(args: unknown[]): { body: string | FormData; contentType?: string } {
  const escape = (_key: string, value: unknown) => (typeof value === "string" && value.startsWith("$") ? `$${value}` : value);
  const formIndex = args.findIndex((a) => a instanceof FormData);
  if (formIndex < 0) return { body: JSON.stringify(args, escape), contentType: "text/plain;charset=UTF-8" };
  const body = new FormData();
  for (const [key, value] of (args[formIndex] as FormData).entries()) body.append(`_1_${key}`, value);
  const escaped = JSON.parse(JSON.stringify(args.map((a, i) => (i === formIndex ? null : a)), escape)) as unknown[];
  body.append("0", JSON.stringify(escaped.map((a, i) => (i === formIndex ? "$K1" : a))));
  return { body };
}

export class HttpClient {
  constructor(
    readonly baseUrl: string,
    private cookie = "",
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  /** Signs in through next-auth's credentials callback; throws if the server does not hand out a session. */
  static async signIn(baseUrl: string, email: string, password: string, headers: Record<string, string> = {}): Promise<HttpClient> {
    const client = new HttpClient(baseUrl, "", headers);
    const csrf = await client.fetch("/api/auth/csrf");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await client.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password }).toString(),
    });
    if (!client.cookie.includes("session-token=")) throw new Error(`sign-in as ${email} failed (HTTP ${response.status})`);
    return client;
  }

  /** The same session, sending these headers too (e.g. a foreign Origin, X-Forwarded-Proto). */
  withHeaders(headers: Record<string, string>): HttpClient {
    return new HttpClient(this.baseUrl, this.cookie, { ...this.extraHeaders, ...headers });
  }

  /** A fetch that keeps this client's cookies, never follows redirects and never throws on a status. */
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    for (const [name, value] of Object.entries(this.extraHeaders)) if (!headers.has(name)) headers.set(name, value);
    if (this.cookie) headers.set("cookie", this.cookie);
    const response = await fetch(new URL(url, this.baseUrl), { ...init, headers, redirect: "manual" });
    this.keepCookies(response);
    return response;
  }

  /** Calls a server action by name and returns what it returned, or throws with the HTTP status and body start. */
  async action<T = unknown>(ref: ActionRef, args: unknown[], pagePath?: string): Promise<WireResult<T>> {
    const reply = await this.actionResponse(ref, args, pagePath);
    const text = await reply.text();
    const result = parseActionReply<T>(text);
    if (!result) throw new Error(`${ref}: HTTP ${reply.status}, no action result in: ${text.slice(0, 200)}`);
    return result;
  }

  /** The raw HTTP response of a server action call (for status and header checks). */
  async actionResponse(ref: ActionRef, args: unknown[], pagePath?: string): Promise<Response> {
    const entry = builtAction(ref);
    const { body, contentType } = encodeArguments(args);
    const headers: Record<string, string> = { "next-action": entry.id, accept: "text/x-component" };
    if (contentType) headers["content-type"] = contentType;
    return this.fetch(pagePath ?? entry.page, { method: "POST", headers, body });
  }

  private keepCookies(response: Response): void {
    const jar = new Map(this.cookie ? this.cookie.split("; ").map((c) => [c.slice(0, c.indexOf("=")), c] as const) : []);
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(";")[0]!;
      const name = pair.slice(0, pair.indexOf("="));
      if (/expires=thu, 01 jan 1970/i.test(line) || pair.endsWith("=")) jar.delete(name);
      else jar.set(name, pair);
    }
    this.cookie = [...jar.values()].join("; ");
  }
}
