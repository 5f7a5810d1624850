/**
 * The authorization matrix: every server action and every route handler ×
 * {anonymous, reviewer, editor, admin, a deactivated admin}, over real HTTP.
 * What each identity should get is computed from lib/permissions.ts with
 * can(): refused → exactly `unauthorized:session` (no or dead session) or
 * `forbidden:<the declared permission>` (role too low), which also proves the
 * server enforces the permission declared in authorization-matrix.data.ts;
 * allowed → anything but those (empty input then fails validation, so the
 * calls change nothing). The declaration must cover the build exactly.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { can, type Role } from "../../lib/permissions";
import { ACTION, HttpClient, parseActionReply, readActionManifest, type WireResult } from "../../testing/http-client";
import { createUser, importArticle, importPdf, ok, ownAccount, signIn, token } from "../../testing/seed-http";
import { ACCOUNTS } from "../fixtures/accounts";
import { ACTIONS, ROUTES, type Access } from "./authorization-matrix.data";

type Identity = { name: string; role: Role | "anonymous"; client: HttpClient; live: boolean };
let identities: Identity[] = [];
const emails = new Map<Role, string>();
let articleId = "";
let originalFileId = "";
let slug = "";

/** Only the file's methods: `export function GET`, `export const POST =`, `export const { GET, POST } =`. */
function routeMethods(file: string): string[] {
  const source = fs.readFileSync(file, "utf8");
  const methods = new Set<string>();
  const verb = "GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS";
  for (const m of source.matchAll(new RegExp(`export\\s+(?:async\\s+)?(?:function|const)\\s+(${verb})\\b`, "g"))) methods.add(m[1]!);
  for (const m of source.matchAll(/export\s+const\s*\{([^}]*)\}/g)) for (const name of m[1]!.split(",").map((s) => s.trim())) if (new RegExp(`^(${verb})$`).test(name)) methods.add(name);
  return [...methods];
}

function routeFiles(dir = "app"): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? routeFiles(full) : /^route\.(ts|tsx|js)$/.test(e.name) ? [full.split(path.sep).join("/")] : [];
  });
}

/** What an identity should get: null = allowed, else the exact refusal. */
function expectedRefusal(identity: Identity, access: Access): string | null {
  if (access === "public") return null;
  if (!identity.live) return "unauthorized:session";
  if (identity.role === "anonymous") return can("anonymous", access) ? null : "unauthorized:session";
  return can(identity.role, access) ? null : `forbidden:${access}`;
}

function emptyArgs(kind: string | undefined): unknown[] {
  if (kind === "form") return [new FormData()];
  if (kind === "state-form") return [null, new FormData()];
  if (kind === "none") return [];
  return [{}];
}

test.beforeAll(async ({}, testInfo) => {
  const base = testInfo.project.use.baseURL!;
  // Accounts of the matrix's own: its last test signs them out, which ends every session of an account.
  const shared = await signIn(base, ACCOUNTS.admin);
  const [reviewer, editor, admin] = await Promise.all((["reviewer", "editor", "admin"] as const).map(async (role) => {
    const own = await ownAccount(shared, role);
    emails.set(role, own.email);
    return own.client;
  }));
  // A user who signs in, then is deactivated by an admin: the session they still hold must be dead everywhere.
  const email = `${token("matrix-")}@factdesk.test`.toLowerCase();
  const password = "matrix-password-1";
  const created = await createUser(admin, { name: "Matrix Former", email, role: "admin", password });
  const former = await signIn(base, { email, password });
  await ok(admin.action(ACTION.setUserActive, [{ id: created.id, version: created.version, active: false }]), "deactivate user");
  await expect(signIn(base, { email, password }), "a deactivated user signed in again").rejects.toThrow();
  identities = [
    { name: "anonymous", role: "anonymous", client: new HttpClient(base), live: true },
    { name: "reviewer", role: "reviewer", client: reviewer, live: true },
    { name: "editor", role: "editor", client: editor, live: true },
    { name: "admin", role: "admin", client: admin, live: true },
    { name: "deactivated admin", role: "admin", client: former, live: false },
  ];
  articleId = await importArticle(reviewer, `Matrix article ${token("")}`, ["Kratom is a tropical tree."]);
  ({ originalFileId } = await importPdf(reviewer, `Matrix report ${token("")}`, `${process.env.E2E_FIXTURE_ORIGIN}/reports/northern-regions.pdf`));
  // The seeded demo fact-check: other specs publish and unpublish their own meanwhile, so "the newest" may vanish.
  const list = (await (await reviewer.fetch("/api/public/fact-checks?q=hair")).json()) as { items: { url: string; title: string }[] };
  const demo = list.items.find((item) => item.title === "Managing Hair Loss During Opioid Withdrawal with Kratom");
  slug = demo?.url.split("/").pop() ?? "";
  expect(slug, "the seeded demo has a published fact-check").not.toBe("");
});

test("the declaration names every server action and route method in the build, and nothing else", () => {
  const built = [...readActionManifest().keys()].sort();
  const declared = Object.keys(ACTIONS).sort();
  expect(built.filter((ref) => !declared.includes(ref)), "actions with no entry in authorization-matrix.data.ts").toEqual([]);
  expect(declared.filter((ref) => !built.includes(ref)), "stale action entries").toEqual([]);
  expect(Object.values(ACTION).filter((ref) => !built.includes(ref)), "ACTION (testing/http-client.ts) names actions the build lacks").toEqual([]);

  const found = routeFiles().flatMap((file) => routeMethods(file).map((m) => `${m} ${file}`)).sort();
  const routes = [...new Set(ROUTES.map((r) => `${r.method} ${r.file}`))].sort();
  expect(found.filter((r) => !routes.includes(r)), "route methods with no entry").toEqual([]);
  expect(routes.filter((r) => !found.includes(r)), "stale route entries").toEqual([]);
});

const guarded = Object.entries(ACTIONS).filter(([, e]) => e.access !== "public");
for (const [ref, entry] of guarded) {
  test(`action ${ref} needs ${entry.access}`, async () => {
    for (const identity of identities) {
      const result: WireResult = await identity.client.action(ref, emptyArgs(entry.args));
      const refusal = expectedRefusal(identity, entry.access);
      const got = result.ok ? "ok" : result.code;
      if (refusal) expect(got, `${identity.name} calling ${ref}`).toBe(refusal);
      else expect(got, `${identity.name} calling ${ref}`).not.toMatch(/^(unauthorized|forbidden):/);
    }
  });
}

for (const entry of ROUTES) {
  test(`route ${entry.method} ${entry.path} needs ${entry.access}`, async () => {
    for (const identity of identities) {
      const url = entry.path.replace(":article", articleId).replace(":original", originalFileId).replace(":slug", slug);
      const init: RequestInit = { method: entry.method };
      if (entry.method === "POST") init.headers = { "content-type": "application/x-www-form-urlencoded" };
      const response = await identity.client.fetch(url, init);
      const body = await response.text();
      const refusal = expectedRefusal(identity, entry.access);
      const what = `${identity.name}: ${entry.method} ${url} → ${response.status} ${body.slice(0, 120)}`;
      if (refusal) {
        expect(response.status, what).toBe(refusal.startsWith("unauthorized") ? 401 : 403);
        expect(JSON.parse(body).code, what).toBe(refusal);
      } else {
        expect(response.status, what).toBeLessThan(400);
      }
      if (entry.path === "/api/auth/session") {
        // Auth.js describes the caller's own session: nobody else's, and none at all for a dead one.
        const session = JSON.parse(body || "null") as { user?: { email?: string } } | null;
        const own = identity.role === "anonymous" || !identity.live ? undefined : emails.get(identity.role);
        expect(session?.user?.email, what).toBe(own);
      }
    }
  });
}

test("sign-in refuses wrong passwords and set-up refuses once users exist, for everyone", async ({}, testInfo) => {
  const base = testInfo.project.use.baseURL!;
  for (const identity of identities) {
    const login = new FormData();
    // An address of its own: failed sign-ins count against the account (server/login-limit.ts),
    // and five of them on a shared account would lock it for every later test.
    login.set("email", `${token("wrong-password-")}@example.test`.toLowerCase());
    login.set("password", "not-the-password");
    const loginReply = await identity.client.actionResponse(ACTION.login, [null, login]);
    expect(loginReply.headers.getSetCookie().join("\n"), `${identity.name}: a session for a wrong password`).not.toContain("session-token=ey");
    const loginResult = parseActionReply<null>(await loginReply.text());
    expect(loginResult).toMatchObject({ ok: false, code: "unauthorized:login" });
    expect(await identity.client.action(ACTION.login, [null, new FormData()])).toMatchObject({ ok: false, code: "invalid:input" });

    const email = `${token("setup-")}@example.test`.toLowerCase();
    const setup = new FormData();
    for (const [k, v] of Object.entries({ name: "Intruder", email, password: "intruder-password-1", confirm: "intruder-password-1" })) setup.set(k, v);
    expect(await identity.client.action(ACTION.setup, [null, setup]), identity.name).toMatchObject({ ok: false, code: "forbidden:setup" });
    await expect(signIn(base, { email, password: "intruder-password-1" }), "set-up created an account").rejects.toThrow();

    // Single sign-on is not configured on the test servers: starting it must not hand out a session either.
    const oidc = await identity.client.actionResponse(ACTION.oidcLogin, [new FormData()]);
    expect(oidc.headers.getSetCookie().join("\n"), `${identity.name}: oidc`).not.toContain("session-token=ey");
  }
});

// Last: signing out ends the clients' sessions.
test("sign-out answers everyone and only ever clears a session", async () => {
  for (const identity of identities) {
    const reply = await identity.client.actionResponse(ACTION.signOut, []);
    expect(reply.status, identity.name).toBeLessThan(500);
    expect(reply.headers.getSetCookie().join("\n"), identity.name).not.toContain("session-token=ey");
  }
});
