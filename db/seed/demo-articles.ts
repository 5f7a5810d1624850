/**
 * The five demo articles (fixtures/articles, copies of shared/articles) and
 * how the seed brings them in: through the same file import a reviewer's
 * upload goes through (server/import/files.ts, draftFromFile), keeping
 * exactly the blocks that import keeps. So the demo shows what the product
 * does: the news article's breadcrumb, byline, injected spam line, "related
 * posts" and "Leave a Comment" are left out, and nothing is tidied up that
 * an upload would not tidy up.
 */
import fs from "node:fs";
import path from "node:path";
import { createArticle, type Article } from "@/db/queries/articles";
import type { PublicUser } from "@/db/queries/users";
import { canonicalText } from "@/lib/anchoring/text";
import { keptBlocks, type ImportDraft } from "@/lib/import-draft";
import { draftFromFile } from "@/server/import/files";

const FIXTURES = path.join(process.cwd(), "fixtures", "articles");

/**
 * The title, author and publisher are what a reviewer would type into the
 * import form: a .txt file carries no metadata, and the guessed title of
 * most of these files is their summary paragraph.
 */
export type ArticleSpec = { file: string; title: string; publisher: string | null; author: string | null; sourceUrl: string | null };

export const ARTICLES = {
  hairLoss: { file: "kratom-withdrawal-hair-loss.txt", title: "Managing Hair Loss During Opioid Withdrawal with Kratom", publisher: null, author: null, sourceUrl: null },
  insomnia: { file: "kratom-withdrawal-insomnia.txt", title: "Exploring the Impact on Insomnia During Withdrawal", publisher: null, author: null, sourceUrl: null },
  symptoms: {
    file: "kratom-withdrawal-symptoms.txt",
    title: "Uncovering a Natural Solution: Exploring Kratom for Opioid Withdrawal Symptoms",
    publisher: null,
    author: null,
    sourceUrl: null,
  },
  news: {
    file: "kratom-combating-withdrawal-news.txt",
    title: "Exploring the Role of Kratom in Combating Opioid Withdrawal Symptoms",
    publisher: null,
    // The byline reads "by admin": not a person we can name.
    author: null,
    sourceUrl: null,
  },
  chronicPain: { file: "kratom-chronic-pain-hair-loss.txt", title: "Understanding Kratom for Chronic Pain Relief", publisher: null, author: null, sourceUrl: null },
} satisfies Record<string, ArticleSpec>;

/** The import draft an upload of this fixture file produces, left-out blocks included. */
export function demoDraft(file: string): Promise<ImportDraft> {
  return draftFromFile(file, fs.readFileSync(path.join(FIXTURES, file)));
}

export type ImportedArticle = { article: Article; text: string };

/** Imports a fixture file as a reviewer accepting the import's suggestions would. */
export async function importDemoArticle(spec: ArticleSpec, reviewer: PublicUser): Promise<ImportedArticle> {
  const draft = await demoDraft(spec.file);
  const blocks = keptBlocks(draft.blocks);
  const article = await createArticle({ ...spec, blocks, userId: reviewer.id });
  return { article, text: canonicalText(blocks) };
}
