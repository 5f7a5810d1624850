/**
 * Stored XSS: every payload in xss-payloads.ts goes into every text a user
 * can write — article title and text (pasted through the import page, in the
 * browser), claim statements, an exclusion reason, verdict rationales and
 * correction notes, citation title/publisher/quote/URLs, review and desk
 * comments, the publication summary, an organisation page (admin markdown) —
 * then Chromium renders every page that shows them, desk and public, with a
 * hook that records any payload that runs, and a check for handlers or
 * javascript: URLs left armed in the DOM. A dialog fails the test too.
 * A `javascript:` citation URL must be refused.
 */
import type { Page } from "@playwright/test";
import { ORGANISATION_PAGE_DEFAULTS } from "../../lib/organisation-pages";
import { ACTION } from "../../testing/http-client";
import { addClaim, approve, comment, exclude, ok, publish, ratingIds, signIn, token, verdictInput, workspace, type Citation } from "../../testing/seed-http";
import { ACCOUNTS } from "../fixtures/accounts";
import { expect, pages, test } from "../fixtures/test";
import { ALL, armPage, chunks, PAYLOADS, ranOrArmed } from "./xss-payloads";

const SENTENCES = ["Kratom is a tropical tree.", "Kratom leaves are chewed.", "Kratom is sold online.", "Kratom tastes bitter."];

test("stored payloads never run on any desk or public page", async ({ pageAs, anonymous, browser }, testInfo) => {
  test.setTimeout(150_000);
  const base = testInfo.project.use.baseURL!;
  const reviewerPage = await pageAs("reviewer");
  await armPage(reviewerPage);
  const tag = token("xss");

  // In the browser: the import page's paste form (title and text; a paste's first line can become a heading).
  const title = `${PAYLOADS.img} ${PAYLOADS.jsonld} ${PAYLOADS.attr} ${tag}`;
  const articleId = await pages.import(reviewerPage).importArticle({ title, text: ["Kratom and safety", ...SENTENCES, ...Object.values(PAYLOADS)].join("\n\n") });
  expect(await ranOrArmed(reviewerPage), "import and workspace").toEqual([]);

  // Over HTTP, the same actions the workspace calls.
  const [reviewer, editor, admin] = await Promise.all([signIn(base, ACCOUNTS.reviewer), signIn(base, ACCOUNTS.editor), signIn(base, ACCOUNTS.admin)]);
  const accurate = (await ratingIds(reviewer, articleId)).get("Accurate")!;
  const statements = chunks(120);
  const claims: Awaited<ReturnType<typeof addClaim>>[] = [];
  for (let i = 0; i < 3; i++) claims.push(await addClaim(reviewer, articleId, SENTENCES[i]!, statements[i % statements.length]!));
  const hostileCitation: Citation = { url: "https://example.org/a?q=%22%3E%3Csvg%20onload%3D__xssFired(1)%3E", title: PAYLOADS.svg + PAYLOADS.script, publisher: PAYLOADS.iframe, quote: ALL.slice(0, 4900), stance: "supports" };
  const verdict = (claim: { id: string; version: number }, rationale: string, extra: Record<string, unknown> = {}) =>
    reviewer.action<{ verdictId: string }>(ACTION.proposeVerdict, [verdictInput(claim, accurate, rationale, [hostileCitation], extra)]);

  // javascript: (and friends) as a citation or archive URL: refused by validation.
  for (const url of [PAYLOADS.jsUrl, ` JavaScript:${"__xssFired('u')"}`, "data:text/html,<script>__xssFired('d')</script>"]) {
    expect(await verdict(claims[0]!, "x", { citations: [{ ...hostileCitation, url }] }), url).toMatchObject({ ok: false, code: "invalid:input" });
    expect(await verdict(claims[0]!, "x", { citations: [{ ...hostileCitation, archiveUrl: url }] }), url).toMatchObject({ ok: false, code: "invalid:input" });
  }

  const first = await ok(verdict(claims[0]!, ALL), "verdict");
  const second = await ok(verdict(claims[1]!, `${PAYLOADS.mdLink} ${PAYLOADS.mdImage}`), "verdict 2");
  await exclude(reviewer, claims[2]!, PAYLOADS.details + PAYLOADS.mathml);
  await approve(editor, first.verdictId, ALL.slice(0, 4900));
  await approve(editor, second.verdictId, PAYLOADS.attrSingle);
  const { slug } = await publish(editor, articleId, `${PAYLOADS.img}${PAYLOADS.jsonld}`.slice(0, 1000), accurate);

  // After publication: a pending revision with a correction note (the approvals queue shows it), comments with mentions.
  const current = (await workspace(reviewer, articleId)).claims.find((c) => c.id === claims[0]!.id)!;
  await ok(verdict(current, `${PAYLOADS.htmlLink} pending`, { correctionNote: PAYLOADS.svg + PAYLOADS.template }), "pending revision");
  await comment(reviewer, articleId, null, `@editor ${ALL}`.slice(0, 2000));
  await comment(reviewer, articleId, claims[0]!.id, `@editor ${PAYLOADS.iframe} ${PAYLOADS.img}`);

  // An organisation page in markdown, restored afterwards (other specs read the defaults).
  const pagesHtml = (await (await admin.fetch("/admin/pages")).text()).replace(/\\"/g, '"');
  const at = pagesHtml.indexOf('"slug":"corrections-policy"');
  const version = Number(/"version":(\d+)/.exec(pagesHtml.slice(at))?.[1]);
  expect(at >= 0 && Number.isInteger(version), "the corrections policy's version").toBe(true);
  const saved = await ok(admin.action<{ version: number }>(ACTION.saveOrganisationPage, [{ slug: "corrections-policy", title: `Policy ${PAYLOADS.img}`, body: ALL, version }]), "save page");

  try {
    const editorPage = await pageAs("editor");
    const adminPage = await pageAs("admin");
    const readers = [anonymous, await (await browser.newContext({ baseURL: base })).newPage()];
    for (const p of [editorPage, adminPage, ...readers]) await armPage(p);
    const claimIds = claims.map((c) => c.id);
    const visits: [Page, string][] = [
      [reviewerPage, `/articles/${articleId}`],
      [reviewerPage, "/articles"],
      [reviewerPage, "/queues"],
      [reviewerPage, `/articles/${articleId}/audit`],
      [editorPage, "/approvals"],
      [editorPage, "/notifications"],
      [editorPage, "/audit"],
      [editorPage, `/articles/${articleId}`],
      [adminPage, "/admin/pages"],
      [anonymous, `/fact-checks/${slug}`],
      [anonymous, "/fact-checks"],
      [anonymous, `/fact-checks?q=${encodeURIComponent(tag)}`],
      ...claimIds.map((id): [Page, string] => [anonymous, `/fact-checks/${slug}/claims/${id}`]),
      ...claimIds.map((id): [Page, string] => [anonymous, `/embed/claims/${id}`]),
      [anonymous, "/corrections-policy"],
      [anonymous, "/fact-checks/feed.xml"],
      [anonymous, `/api/public/fact-checks/${slug}`],
      [anonymous, "/api/public/fact-checks"],
      [readers[1]!, "/sitemap.xml"],
    ];
    const problems: string[] = [];
    for (const [page, url] of visits) {
      await page.goto(url);
      problems.push(...(await ranOrArmed(page)).map((p) => `${url}: ${p}`));
    }
    // The workspace: open each claim's panel and its verdict history, where the rationale and citations render.
    await reviewerPage.goto(`/articles/${articleId}`);
    for (const claim of claims) {
      await pages.article(reviewerPage).openClaim(claim.statement);
      problems.push(...(await ranOrArmed(reviewerPage)).map((p) => `workspace claim ${claim.id}: ${p}`));
    }
    expect(problems).toEqual([]);
    // The payloads arrived as text (so the pages really showed them).
    await anonymous.goto(`/fact-checks/${slug}`);
    await expect(anonymous.getByText(PAYLOADS.script.slice(0, 20), { exact: false }).first()).toBeAttached();
    await anonymous.goto("/corrections-policy");
    await expect(anonymous.getByText("__xssFired('svg')", { exact: false }).first()).toBeAttached();
  } finally {
    const original = ORGANISATION_PAGE_DEFAULTS["corrections-policy"];
    await ok(admin.action(ACTION.saveOrganisationPage, [{ slug: "corrections-policy", title: original.title, body: original.body, version: saved.version }]), "restore page");
  }
});
