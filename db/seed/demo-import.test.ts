/**
 * The demo's articles come in through the file import a reviewer's upload
 * uses, with its decisions: nothing the import leaves out (breadcrumbs,
 * bylines, injected spam, "related posts", comment prompts) may become
 * claim-able text of a demo article. Checked on the seeded database of
 * both dialects, against the import's own draft of each fixture file.
 */
import { describe, expect, it } from "vitest";
import { listArticles, getArticleVersion } from "@/db/queries/articles";
import { canonicalText } from "@/lib/anchoring/text";
import { keptBlocks } from "@/lib/import-draft";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { ARTICLES, demoDraft } from "./demo-articles";
import { seedDemo } from "./demo";

describe.each(testDialects())("demo seed on %s", (dialect) => {
  useTestDatabase(dialect, { seed: false });

  it("stores each article as the file import keeps it, with every seeded claim anchored", { timeout: 120_000 }, async () => {
    const result = await seedDemo();
    expect(result.seeded).toBe(true);
    const articles = await listArticles();
    expect(articles).toHaveLength(Object.keys(ARTICLES).length);
    let claims = 0;
    for (const spec of Object.values(ARTICLES)) {
      const article = articles.find((a) => a.title === spec.title)!;
      expect(article, spec.title).toBeDefined();
      claims += article.claimCount;
      const snapshot = (await getArticleVersion({ id: article.currentVersionId! }))!;
      const draft = await demoDraft(spec.file);
      expect(snapshot.blocks).toEqual(keptBlocks(draft.blocks));
      const stored = snapshot.blocks.map((b) => b.text);
      for (const left of draft.blocks.filter((b) => b.drop)) expect(stored, `${spec.file}: "${left.text}" (${left.reason})`).not.toContain(left.text);
    }
    // seedDemo throws when a claim's quote is not in its article's text exactly once.
    expect(claims).toBe(result.claims);
  });

  it("leaves the news article's breadcrumb, byline, spam line, related posts and comment prompt out", async () => {
    const news = (await listArticles()).find((a) => a.title === ARTICLES.news.title)!;
    const text = canonicalText((await getArticleVersion({ id: news.currentVersionId! }))!.blocks);
    for (const gone of ["Home News", "by admin", "광양출장안마", "contact us anytime", "related posts", "Leave a Comment"]) expect(text).not.toContain(gone);
    expect(text).toContain("Kratom contains alkaloids that interact with the opioid receptors in the brain.");
  });
});
