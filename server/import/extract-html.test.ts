import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { draftFromHtml } from "./extract-html";
import { blocksFromDom } from "./html-blocks";

const fixture = (name: string) => fs.readFileSync(path.resolve(import.meta.dirname, "../../fixtures/web", name), "utf8");
const fromPage = (name: string) => draftFromHtml(fixture(name), { url: "https://news.example/story?id=1", source: { kind: "url", label: name }, readerView: true, keepHtml: true });
const kept = (d: ReturnType<typeof fromPage>) => d.blocks.filter((b) => !b.drop);

describe("draftFromHtml", () => {
  it("finds the article inside <article> and pre-marks navigation, ads, related posts, comments and footer", () => {
    const draft = fromPage("with-article.html");
    expect(kept(draft).map((b) => b.kind)).toEqual(["paragraph", "paragraph", "heading", "paragraph", "list_item", "list_item", "quote", "paragraph", "paragraph"]);
    expect(kept(draft)[0]!.text).toMatch(/^Kratom, a tropical evergreen tree/);
    const reasons = new Map(draft.blocks.filter((b) => b.drop).map((b) => [b.text, b.reason]));
    expect(reasons.get("Home")).toBe("Page header");
    expect(reasons.get("Advertisement: Buy premium kratom capsules today, 20% off!")).toBe("Advertisement");
    expect(reasons.get("by admin")).toMatch(/Byline/);
    expect(reasons.get("For me information on 광양출장안마-광양출장마사지 contact us anytime.")).toMatch(/spam/);
    expect(reasons.get("Related posts")).toBe("Related posts");
    expect(reasons.get("Leave a Comment")).toBe("Comments");
    expect(reasons.get("© 2024 Daily Health Wire. All rights reserved.")).toBe("Page footer");
  });

  it("reads metadata from JSON-LD (inside @graph), the canonical link and <html lang>", () => {
    expect(fromPage("with-article.html").metadata).toEqual({
      title: "Kratom and opioid withdrawal: what the evidence says",
      author: "Dana Reyes",
      publisher: "Daily Health Wire",
      publishedOn: "2024-03-05",
      sourceUrl: "https://news.example/story?id=1",
      canonicalUrl: "https://dailyhealthwire.example/news/kratom-opioid-withdrawal",
      language: "en-GB",
    });
  });

  it("finds the article on a page without <article> and reads Open Graph metadata", () => {
    const draft = fromPage("no-article.html");
    expect(kept(draft).map((b) => b.text.slice(0, 30))).toEqual(["Insomnia is one of the most st", "Some users say that a small do", "Kratom is not approved by the ", "Anyone struggling with sleep d"]);
    expect(draft.metadata).toMatchObject({ title: "Can kratom fix withdrawal insomnia?", author: "Sam Lee", publisher: "Natural Remedies Blog", publishedOn: "2023-11-20", canonicalUrl: "https://remedies.example/kratom-withdrawal-insomnia" });
  });

  it("keeps only text from hostile markup, and sanitizes the kept HTML", () => {
    const draft = fromPage("xss.html");
    const text = draft.blocks.map((b) => b.text).join("\n");
    expect(text).not.toMatch(/__xss='(inline-script|js-url|iframe|svg|img-onerror|late-img)'/);
    expect(text).toContain("<script>window.__xss='escaped-text'</script>"); // visible text, shown as text
    const html = draft.sourceHtml!;
    for (const bad of [/<script/i, /onerror/i, /onload/i, /javascript:/i, /<iframe/i, /<form/i, /<input/i, /style=/i, /<style/i, /<svg/i, /<img/i]) expect(html).not.toMatch(bad);
    expect(html).toContain("Regulators disagree");
  });

  it("pasted fragments become blocks with headings and paragraphs kept, without the reader view", () => {
    const draft = draftFromHtml("<h2>Claim</h2><p>Kratom <b>cures</b> anxiety.</p><p>Second<br>line.</p><ul><li>One</li></ul>", { url: null, source: { kind: "paste", label: "Pasted" }, readerView: false, keepHtml: false });
    expect(draft.blocks.map((b) => [b.kind, b.text])).toEqual([["heading", "Claim"], ["paragraph", "Kratom cures anxiety."], ["paragraph", "Second line."], ["list_item", "One"]]);
    expect(draft.sourceHtml).toBeNull();
  });

  it("reads a section id made from its heading as a topic, not as a role: 'sharing-…' is no share bar", () => {
    const page = `<html><body><div class="section" id="sharing-with-a-single-developer"><h2>Sharing with a single developer</h2>
      <p>Amending a changeset you already pushed needs care.</p></div><div id="share-bar"><p>Elsewhere on the web</p></div></body></html>`;
    const blocks = blocksFromDom(parseHTML(page).document.body as unknown as Element, { markChrome: true });
    const reason = (start: string) => blocks.find((b) => b.text.startsWith(start))?.reason;
    expect(reason("Amending")).toBeNull();
    expect(reason("Sharing")).toBeNull();
    expect(reason("Elsewhere")).toBe("Share buttons");
  });
});
