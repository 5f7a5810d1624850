/**
 * Security headers on every kind of response, and a Content-Security-Policy
 * strict enough to matter that still lets every main page load without a
 * single violation: nonced scripts only on pages Next renders per request
 * (the desk, sign-in, error pages, a signed-in reader), and no inline script
 * at all on public pages served to anonymous readers as plain documents.
 */
import type { APIRequestContext, APIResponse, Page } from "@playwright/test";
import { waitForHydration } from "../fixtures/hydration";
import { expect, pages, test, uniqueTitle } from "../fixtures/test";
import { directives, expectNoViolations, watchCsp } from "./csp";

type Published = { slug: string; claimId: string };

async function publishedFactCheck(request: APIRequestContext): Promise<Published> {
  const list = (await (await request.get("/api/public/fact-checks")).json()) as { items: { slug: string }[] };
  const slug = list.items[0]!.slug;
  const detail = (await (await request.get(`/api/public/fact-checks/${slug}`)).json()) as { claims: { id: string }[] };
  return { slug, claimId: detail.claims[0]!.id };
}

/** The directives every page's policy shares; returns script-src. */
function expectStrictPolicy(csp: string, where: string): string {
  const d = directives(csp);
  const scriptSrc = d.get("script-src") ?? "";
  expect(csp, `${where}: no inline script or eval`).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  expect(d.get("default-src")).toBe("'self'");
  expect(d.get("object-src")).toBe("'none'");
  expect(d.get("base-uri")).toBe("'self'");
  expect(d.get("form-action")).toBe("'self'");
  expect(d.get("img-src")).toBe("'self' data: blob:");
  return scriptSrc;
}

function expectNoncePolicy(csp: string, where: string): string {
  const scriptSrc = expectStrictPolicy(csp, where);
  expect(scriptSrc, `${where}: script-src`).toMatch(/^'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'$/);
  return /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
}

/** A plain public document: only the origin's own script files, and the page has no inline script to allow. */
async function expectPlainDocument(response: APIResponse, where: string): Promise<void> {
  expect(expectStrictPolicy(response.headers()["content-security-policy"] ?? "", where), `${where}: script-src`).toBe("'self'");
  const body = await response.text();
  for (const [tag, inline] of (body.match(/<script\b[^>]*>[^<]*/g) ?? []).map((m) => [m.slice(0, m.indexOf(">") + 1), m.slice(m.indexOf(">") + 1)])) {
    if (/type="application\/(ld\+)?json"/.test(tag!)) continue;
    expect(tag, `${where}: only the app's own script files`).toMatch(/^<script src="\/scripts\/[a-z-]+\.js"/);
    expect(inline, `${where}: no inline code`).toBe("");
  }
}

test("every kind of response carries nosniff and a referrer policy; pages carry a strict CSP and refuse framing", async ({ request }) => {
  const { slug, claimId } = await publishedFactCheck(request);
  const plain = ["/fact-checks", `/fact-checks/${slug}`, `/fact-checks/${slug}/claims/${claimId}`, "/about", "/methodology", "/corrections-policy"];
  const rendered = ["/login", "/no-such-page"];
  const html = [...plain, ...rendered];
  const other = ["/api/health", "/api/public/fact-checks", `/api/public/fact-checks/${slug}`, "/fact-checks/feed.xml", "/robots.txt", "/sitemap.xml", `/fact-checks/${slug}/opengraph-image`, "/api/articles/x/annotations", "/api/auth/csrf"];
  const login = await (await request.get("/login")).text();
  const chunk = /\/_next\/static\/[^"']+\.js/.exec(login)?.[0];
  expect(chunk, "a script chunk on the login page").toBeTruthy();

  const nonces = new Set<string>();
  for (const path of [...html, ...other, chunk!, "/scripts/claim-navigation.js"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const h = response.headers();
    expect(h["x-content-type-options"], `${path}: nosniff`).toBe("nosniff");
    expect(h["referrer-policy"], `${path}: Referrer-Policy`).toBe("strict-origin-when-cross-origin");
    if (!html.includes(path)) continue;
    expect(h["content-type"], path).toContain("text/html");
    const csp = h["content-security-policy"] ?? "";
    expect(directives(csp).get("frame-ancestors"), `${path}: frame-ancestors`).toBe("'none'");
    expect(h["x-frame-options"], `${path}: X-Frame-Options`).toBe("DENY");
    if (plain.includes(path)) {
      await expectPlainDocument(response, path);
      continue;
    }
    const nonce = expectNoncePolicy(csp, path);
    nonces.add(nonce);
    // Next put this request's nonce on every script it rendered (JSON-LD blocks are data, never run, and need none).
    const body = await response.text();
    const scripts = (body.match(/<script\b[^>]*>/g) ?? []).filter((tag) => !/type="application\/(ld\+)?json"/.test(tag));
    expect(scripts.length, `${path}: scripts`).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, `${path}: ${tag}`).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size, "a fresh nonce per response").toBe(rendered.length);

  // The embeddable card is the one page other sites may frame.
  const embed = await request.get(`/embed/claims/${claimId}`);
  expect(embed.status()).toBe(200);
  await expectPlainDocument(embed, "embed");
  expect(directives(embed.headers()["content-security-policy"] ?? "").get("frame-ancestors")).toBe("*");
  expect(embed.headers()["x-frame-options"]).toBeUndefined();
  expect(embed.headers()["x-content-type-options"]).toBe("nosniff");
});

/** Opens a page, checks it hydrated (an element React owns) and that no CSP violation occurred. */
async function visit(page: Page, path: string, hydrated: (page: Page) => ReturnType<Page["getByRole"]>): Promise<void> {
  const watch = watchCsp(page);
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await waitForHydration(hydrated(page));
  await expectNoViolations(watch, path);
}

/** Opens a public page as an anonymous reader and checks that no CSP violation occurred. */
async function read(page: Page, path: string): Promise<void> {
  const watch = watchCsp(page);
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await expectNoViolations(watch, path);
}

test("public pages and the embed load with zero CSP violations and work without Next's runtime; the login page hydrates", async ({ anonymous, request }) => {
  const { slug, claimId } = await publishedFactCheck(request);
  await read(anonymous, "/fact-checks");
  // The search form is a plain GET form.
  await anonymous.getByRole("searchbox").fill("kratom");
  await anonymous.getByRole("searchbox").press("Enter");
  await expect(anonymous).toHaveURL(/\/fact-checks\?q=kratom(&|$)/);
  await expect(anonymous.getByRole("heading", { level: 1 })).toBeVisible();
  await read(anonymous, `/fact-checks/${slug}`);
  // The page's one script (public/scripts) ran: "Show in article" flashes the claim's highlight in the text.
  const watch = watchCsp(anonymous);
  await anonymous.getByRole("button", { name: "Show in article" }).first().click();
  await expect(anonymous.locator("mark[data-flash]").first()).toBeAttached();
  await expectNoViolations(watch, `/fact-checks/${slug} after "Show in article"`);
  await anonymous.getByRole("link", { name: "Methodology" }).first().click();
  await expect(anonymous).toHaveURL(/\/methodology$/);
  await read(anonymous, `/fact-checks/${slug}/claims/${claimId}`);
  await read(anonymous, `/embed/claims/${claimId}`);
  await visit(anonymous, "/login", (p) => p.getByRole("button", { name: "Sign in", exact: true }));
});

test("desk pages (workspace, import with its sandboxed preview, admin) load with zero CSP violations and stay interactive", async ({ reviewer, pageAs }, testInfo) => {
  const watch = watchCsp(reviewer);
  const importPage = pages.import(reviewer);
  await importPage.goto();
  // Interactive: switching tabs is client-side state.
  await reviewer.getByRole("tab", { name: "Paste" }).click();
  await expect(reviewer.getByLabel("Article text")).toBeVisible();
  await importPage.previewSource({ url: `${process.env.E2E_FIXTURE_ORIGIN}/pages/with-article.html` });
  await reviewer.getByText("Show the page as imported").click();
  const frame = reviewer.frameLocator("iframe[sandbox]");
  await expect(frame.locator("p").first()).toBeVisible();
  await expectNoViolations(watch, "/articles/new and its preview");
  await reviewer.getByLabel("Title", { exact: true }).fill(uniqueTitle(testInfo, "CSP workspace"));
  const id = await importPage.submit();
  await waitForHydration(reviewer.getByRole("heading", { level: 1 }));
  await expectNoViolations(watch, `/articles/${id}`);
  await visit(reviewer, "/articles", (p) => p.getByRole("link", { name: /CSP workspace/ }).first());
  await visit(reviewer, "/queues", (p) => p.getByRole("heading", { level: 1 }));

  const admin = await pageAs("admin");
  for (const path of ["/admin/users", "/admin/pages", "/admin/rating-scale", "/admin/settings"]) {
    await visit(admin, path, (p) => p.getByRole("button").first());
  }
});

test("the policy is really enforced on a rendered page: a script that slipped into the HTML without the nonce, and eval, are refused and reported", async ({ anonymous }) => {
  // Simulates markup that escaped escaping: the real response, with two scripts added to its HTML and its CSP header kept.
  await anonymous.route("**/login", async (route) => {
    const response = await route.fetch();
    const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
    expect(nonce, "the page has a nonce").toBeTruthy();
    const probe =
      `<script nonce="${nonce}">window.__noncedRan = 1; try { eval("window.__evalRan = 1"); } catch (e) { window.__evalBlocked = e.name; }</script>` +
      `<script>window.__injected = 1</script>`;
    await route.fulfill({ response, body: (await response.text()).replace("</body>", `${probe}</body>`) });
  });
  const watch = watchCsp(anonymous);
  await anonymous.goto("/login");
  const outcome = await anonymous.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return { nonced: w.__noncedRan ?? null, evalRan: w.__evalRan ?? null, evalBlocked: w.__evalBlocked ?? null, injected: w.__injected ?? null };
  });
  expect(outcome).toEqual({ nonced: 1, evalRan: null, evalBlocked: "EvalError", injected: null });
  // The same detector the other tests rely on sees both refusals (so "no violations" there is not vacuous).
  await expect.poll(async () => (await watch.violations()).join("\n")).toMatch(/script-src(-elem)? blocked inline/);
  await expect.poll(async () => (await watch.violations()).join("\n")).toMatch(/script-src blocked eval/);
});

test("the policy is really enforced on a plain public page: no inline script, no script from elsewhere", async ({ anonymous }) => {
  await anonymous.route("**/fact-checks", async (route) => {
    const response = await route.fetch();
    expect(response.headers()["content-security-policy"]).not.toContain("nonce");
    const probe = `<script>window.__injected = 1</script><script src="data:text/javascript,window.__data=1"></script>`;
    await route.fulfill({ response, body: (await response.text()).replace("</body>", `${probe}</body>`) });
  });
  const watch = watchCsp(anonymous);
  await anonymous.goto("/fact-checks");
  const outcome = await anonymous.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return { injected: w.__injected ?? null, data: w.__data ?? null };
  });
  expect(outcome).toEqual({ injected: null, data: null });
  await expect.poll(async () => (await watch.violations()).join("\n")).toMatch(/script-src(-elem)? blocked inline/);
  await expect.poll(async () => (await watch.violations()).join("\n")).toMatch(/script-src(-elem)? blocked data/);
});
