/**
 * Nothing unpublished reaches an anonymous reader. A reviewer makes desk-only
 * content carrying one run-unique canary (a draft; on a published article an
 * open claim, a proposed but unapproved verdict and revision, an excluded
 * claim; comments), then an anonymous crawler reads every public surface —
 * pages, feed, sitemap, robots, JSON API, permalinks, embeds, OG images — and
 * follows same-origin links. No body or header may hold the canary, a
 * comment or a desk account's email; desk URLs must send it to sign-in.
 * The published article's approved content must be found, so a crawl that
 * saw nothing cannot pass.
 */
import { expect, test } from "@playwright/test";
import { HttpClient } from "../../testing/http-client";
import { addClaim, approve, comment, exclude, importArticle, proposeVerdict, publish, ratingIds, signIn, token, workspace } from "../../testing/seed-http";
import { ACCOUNTS } from "../fixtures/accounts";
import { DESK_PAGES, deskPages } from "../fixtures/desk-pages";

const MAX_URLS = 160;
/** Under a desk page's first segment (/articles, /admin, …), or the desk's own API. */
const DESK = new RegExp(`^/(${[...new Set(DESK_PAGES.map((p) => p.path.split("/")[1]))].join("|")})(/|$)|^/api/articles/`);
const SKIP = /^\/(login|setup)\b|^\/api\/auth\/|^\/_next\//;

test("an anonymous crawl of the public site finds published content and nothing else", async ({}, testInfo) => {
  test.setTimeout(120_000);
  const base = testInfo.project.use.baseURL!;
  const canary = token("cnry").toLowerCase();
  const publicWord = token("approvedcontent").toLowerCase();
  const [reviewer, editor] = await Promise.all([signIn(base, ACCOUNTS.reviewer), signIn(base, ACCOUNTS.editor)]);
  const c = (what: string) => `${what} ${canary}-${what.replace(/\W+/g, "")}`;

  // A draft: canaries in its title, text, claim and comment.
  const draftSentence = `Kratom cures everything, says ${c("draft text")}.`;
  const draftId = await importArticle(reviewer, c("Draft title"), [draftSentence, "Kratom grows in Southeast Asia."]);
  const draftClaim = await addClaim(reviewer, draftId, draftSentence, c("draft claim"));
  await comment(reviewer, draftId, null, c("draft comment"));
  await comment(reviewer, draftId, draftClaim.id, c("draft claim comment"));

  // A published article; its approved claim is the positive control.
  const approvedSentence = "Kratom contains alkaloids that interact with the opioid receptors in the brain.";
  const excludedSentence = "Some people say kratom tastes bitter.";
  const laterSentence = "Kratom is sold in many shops.";
  const publishedTitle = `Published ${publicWord}`;
  const pubId = await importArticle(reviewer, publishedTitle, [approvedSentence, excludedSentence, laterSentence]);
  const ratings = await ratingIds(reviewer, pubId);
  const accurate = ratings.get("Accurate")!;
  const cite = (title: string) => ({ url: "https://example.org/evidence", title, stance: "supports" as const });
  const approvedClaim = await addClaim(reviewer, pubId, approvedSentence, `Kratom acts on opioid receptors ${publicWord}.`);
  const { verdictId } = await proposeVerdict(reviewer, approvedClaim, accurate, `Rationale ${publicWord}.`, [cite(`Source ${publicWord}`)]);
  const excluded = await addClaim(reviewer, pubId, excludedSentence, c("excluded claim"));
  await exclude(reviewer, excluded, c("exclusion reason"));
  await approve(editor, verdictId, c("approval comment"));
  const { slug } = await publish(editor, pubId, `Summary ${publicWord}.`, accurate);

  // After publication: an open claim with a proposed verdict, a new unapproved revision, comments.
  const openClaim = await addClaim(reviewer, pubId, laterSentence, c("open claim"));
  await proposeVerdict(reviewer, openClaim, accurate, c("open rationale"), [cite(c("open citation"))], { correctionNote: c("open note") });
  const current = (await workspace(reviewer, pubId)).claims.find((x) => x.id === approvedClaim.id)!;
  await proposeVerdict(reviewer, current, accurate, c("revision rationale"), [cite(c("revision citation"))], { correctionNote: c("correction note") });
  await comment(reviewer, pubId, null, c("published comment"));
  await comment(reviewer, pubId, openClaim.id, c("claim comment @reviewer"));

  // The crawl.
  const anonymous = new HttpClient(base);
  const claims = [approvedClaim.id, excluded.id, openClaim.id, draftClaim.id];
  const seeds = [
    "/", "/fact-checks", "/fact-checks?page=2", "/fact-checks?q=kratom", "/fact-checks?rating=accurate", "/sitemap.xml", "/robots.txt",
    "/fact-checks/feed.xml", "/api/public/fact-checks", "/api/public/fact-checks?page=2", `/api/public/fact-checks/${slug}`,
    "/about", "/methodology", "/corrections-policy", `/fact-checks/${slug}`, `/fact-checks/${slug}/opengraph-image`,
    ...claims.flatMap((id) => [`/fact-checks/${slug}/claims/${id}`, `/embed/claims/${id}`]),
  ];
  // Every desk page, those of both articles too: each must send the crawler to sign in.
  const desk = [...new Set([...deskPages(draftId), ...deskPages(pubId)].map((p) => p.path)), `/api/articles/${draftId}/annotations`];
  const queue = [...seeds, ...desk];
  const seen = new Set<string>();
  const leaks: string[] = [];
  let positive = "";
  while (queue.length && seen.size < MAX_URLS) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const response = await anonymous.fetch(url);
    const type = response.headers.get("content-type") ?? "";
    const body = /image|font|octet/.test(type) ? "" : await response.text();
    const headers = [...response.headers].map(([k, v]) => `${k}: ${v}`).join("\n");
    const text = `${headers}\n${body}`.toLowerCase();
    for (const needle of [canary, "@factdesk.test"]) if (text.includes(needle)) leaks.push(`${url} contains ${needle}: …${text.slice(Math.max(0, text.indexOf(needle) - 80), text.indexOf(needle) + 40)}…`);
    const path = url.split("?")[0]!;
    if (DESK.test(path)) {
      const location = response.headers.get("location") ?? "";
      expect(response.status === 401 || (response.status >= 300 && response.status < 400 && location.includes("/login")), `${url} → ${response.status} ${location}`).toBe(true);
      continue;
    }
    expect(response.status, url).toBeLessThan(500);
    if (url === `/fact-checks/${slug}`) positive = body;
    if (response.status >= 300 && response.status < 400) queue.push(...sameOrigin(base, [response.headers.get("location") ?? ""]));
    queue.push(...sameOrigin(base, links(body)).filter((u) => !seen.has(u) && !SKIP.test(u)));
  }
  console.log(`[no-leaks] ${seen.size} URLs crawled anonymously`);
  testInfo.annotations.push({ type: "crawled", description: `${seen.size} URLs` });
  expect(leaks).toEqual([]);
  // The positive control: the approved claim, its rationale and source, the summary are all public.
  for (const shown of [publishedTitle, `Kratom acts on opioid receptors ${publicWord}.`, `Rationale ${publicWord}.`, `Source ${publicWord}`, `Summary ${publicWord}.`]) {
    expect(positive, `the fact-check page shows "${shown}"`).toContain(shown);
  }
  expect([...seen].some((u) => u.includes(`/fact-checks/${slug}/claims/${approvedClaim.id}`))).toBe(true);
  expect(seen.size, "the crawl reached most of the site").toBeGreaterThan(40);
});

/** href/src/content attributes, sitemap <loc>s, feed links and JSON "url"s. */
function links(body: string): string[] {
  const out: string[] = [];
  for (const m of body.matchAll(/(?:href|src|content)="([^"]+)"|<loc>([^<]+)<\/loc>|"(?:url|next|image)":"([^"]+)"|^Sitemap: (\S+)/gim)) out.push((m[1] ?? m[2] ?? m[3] ?? m[4]!).replace(/&amp;/g, "&"));
  return out;
}

function sameOrigin(base: string, urls: string[]): string[] {
  const origin = new URL(base).origin;
  return urls.flatMap((u) => {
    try {
      const url = new URL(u, base);
      return url.origin === origin ? [url.pathname + url.search] : [];
    } catch {
      return [];
    }
  });
}
