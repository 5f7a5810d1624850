/**
 * Security headers on every kind of response, and a Content-Security-Policy
 * strict enough to matter (nonced scripts only) that still lets every main
 * page load without a single violation and hydrate.
 */
import type { APIRequestContext, Page } from "@playwright/test";
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

function expectStrictScriptPolicy(csp: string, where: string): string {
  const d = directives(csp);
  const scriptSrc = d.get("script-src") ?? "";
  expect(scriptSrc, `${where}: script-src`).toMatch(/^'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'$/);
  expect(csp, `${where}: no inline script or eval`).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  expect(d.get("default-src")).toBe("'self'");
  expect(d.get("object-src")).toBe("'none'");
  expect(d.get("base-uri")).toBe("'self'");
  expect(d.get("form-action")).toBe("'self'");
  expect(d.get("img-src")).toBe("'self' data: blob:");
  return /'nonce-([^']+)'/.exec(scriptSrc)![1]!;
}

test("every kind of response carries nosniff and a referrer policy; pages carry a nonced CSP and refuse framing", async ({ request }) => {
  const { slug, claimId } = await publishedFactCheck(request);
  const html = ["/fact-checks", `/fact-checks/${slug}`, `/fact-checks/${slug}/claims/${claimId}`, "/login", "/about", "/methodology", "/corrections-policy", "/no-such-page"];
  const other = ["/api/health", "/api/public/fact-checks", `/api/public/fact-checks/${slug}`, "/fact-checks/feed.xml", "/robots.txt", "/sitemap.xml", `/fact-checks/${slug}/opengraph-image`, "/api/articles/x/annotations", "/api/auth/csrf"];
  const index = await (await request.get("/fact-checks")).text();
  const chunk = /\/_next\/static\/[^"']+\.js/.exec(index)?.[0];
  expect(chunk, "a script chunk on the index page").toBeTruthy();

  const nonces = new Set<string>();
  for (const path of [...html, ...other, chunk!]) {
    const response = await request.get(path, { maxRedirects: 0 });
    const h = response.headers();
    expect(h["x-content-type-options"], `${path}: nosniff`).toBe("nosniff");
    expect(h["referrer-policy"], `${path}: Referrer-Policy`).toBe("strict-origin-when-cross-origin");
    if (!html.includes(path)) continue;
    expect(h["content-type"], path).toContain("text/html");
    const csp = h["content-security-policy"] ?? "";
    const nonce = expectStrictScriptPolicy(csp, path);
    nonces.add(nonce);
    expect(directives(csp).get("frame-ancestors"), `${path}: frame-ancestors`).toBe("'none'");
    expect(h["x-frame-options"], `${path}: X-Frame-Options`).toBe("DENY");
    // Next put this request's nonce on every script it rendered (JSON-LD blocks are data, never run, and need none).
    const body = await response.text();
    const scripts = (body.match(/<script\b[^>]*>/g) ?? []).filter((tag) => !/type="application\/(ld\+)?json"/.test(tag));
    expect(scripts.length, `${path}: scripts`).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, `${path}: ${tag}`).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size, "a fresh nonce per response").toBe(html.length);

  // The embeddable card is the one page other sites may frame.
  const embed = await request.get(`/embed/claims/${claimId}`);
  expect(embed.status()).toBe(200);
  const embedCsp = embed.headers()["content-security-policy"] ?? "";
  expectStrictScriptPolicy(embedCsp, "embed");
  expect(directives(embedCsp).get("frame-ancestors")).toBe("*");
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

test("public pages, the embed and the login page load with zero CSP violations and hydrate", async ({ anonymous, request }) => {
  const { slug, claimId } = await publishedFactCheck(request);
  await visit(anonymous, "/fact-checks", (p) => p.getByRole("searchbox").or(p.getByRole("textbox")).first());
  // Interactive: the search form navigates with the client router.
  const watch = watchCsp(anonymous);
  await visit(anonymous, `/fact-checks/${slug}`, (p) => p.getByRole("link", { name: "Fact-checks" }).first());
  await anonymous.getByRole("link", { name: "Methodology" }).first().click();
  await expect(anonymous).toHaveURL(/\/methodology$/);
  await expectNoViolations(watch, "client navigation to /methodology");
  await visit(anonymous, `/fact-checks/${slug}/claims/${claimId}`, (p) => p.getByRole("link", { name: "Fact-checks" }).first());
  await visit(anonymous, `/embed/claims/${claimId}`, (p) => p.getByRole("link").first());
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

test("the policy is really enforced: a script that slipped into the HTML without the nonce, and eval, are refused and reported", async ({ anonymous }) => {
  // Simulates markup that escaped escaping: the real response, with two scripts added to its HTML and its CSP header kept.
  await anonymous.route("**/fact-checks", async (route) => {
    const response = await route.fetch();
    const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
    expect(nonce, "the page has a nonce").toBeTruthy();
    const probe =
      `<script nonce="${nonce}">window.__noncedRan = 1; try { eval("window.__evalRan = 1"); } catch (e) { window.__evalBlocked = e.name; }</script>` +
      `<script>window.__injected = 1</script>`;
    await route.fulfill({ response, body: (await response.text()).replace("</body>", `${probe}</body>`) });
  });
  const watch = watchCsp(anonymous);
  await anonymous.goto("/fact-checks");
  const outcome = await anonymous.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return { nonced: w.__noncedRan ?? null, evalRan: w.__evalRan ?? null, evalBlocked: w.__evalBlocked ?? null, injected: w.__injected ?? null };
  });
  expect(outcome).toEqual({ nonced: 1, evalRan: null, evalBlocked: "EvalError", injected: null });
  // The same detector the other tests rely on sees both refusals (so "no violations" there is not vacuous).
  await expect.poll(async () => (await watch.violations()).join("\n")).toMatch(/script-src(-elem)? blocked inline/);
  await expect.poll(async () => (await watch.violations()).join("\n")).toMatch(/script-src blocked eval/);
});
