/**
 * The CLEF-2020 CheckThat! Task 2 data (fixtures/claim-matching, with its source) as Factdesk claims, for
 * training the re-ranker (scripts/train-matching.ts) and evaluating it (`npm run bench -- matching`).
 *
 * Each verified claim becomes an article of its own, titled with the fact-check's headline, whose one claim
 * quotes the claim as the fact-checker worded it and restates it as the headline (cut to the restatement's
 * 120 characters): the index then searches the claim and the headline, as the lab's baselines do. Rows go in
 * with multi-row INSERTs; the database's own triggers and generated columns build the full-text index.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { Database } from "../db/client";
import { hashText } from "../db/queries/articles";
import { newId } from "../lib/ids";
import { codePointLength, normalizeText } from "../lib/anchoring/text";
import { defaultStatement } from "../lib/validation/claim";

const DIR = path.join(process.cwd(), "fixtures", "claim-matching");

export type VerifiedClaim = { id: string; claim: string; title: string };
/** A post and the verified claim it repeats. */
export type Query = { id: string; text: string; target: string };

function tsv(file: string): string[][] {
  return parse(fs.readFileSync(path.join(DIR, file), "utf8"), { delimiter: "\t", relax_quotes: true, relax_column_count: true, skip_empty_lines: true, from_line: 2 }) as string[][];
}

export function verifiedClaims(): VerifiedClaim[] {
  return tsv("verified-claims.tsv").map(([id, claim, title]) => ({ id: id!, claim: normalizeText(claim ?? ""), title: normalizeText(title ?? "") }));
}

/** The training (800 posts) or development (197) split: posts with their one matching claim. */
export function queries(split: "train" | "dev"): Query[] {
  const texts = new Map(tsv(`${split}-tweets.tsv`).map(([id, text]) => [id!, text ?? ""]));
  const lines = fs.readFileSync(path.join(DIR, `${split}-pairs.qrels`), "utf8").trim().split("\n");
  return lines.map((line) => {
    const [id, , target] = line.split("\t");
    return { id: id!, text: texts.get(id!)!, target: target! };
  });
}

/** Loads the verified claims into an empty, migrated database; returns claim id → verified claim id. */
export async function loadVerifiedClaims(database: Database, userId: string): Promise<Map<string, string>> {
  const { t } = database;
  const byClaim = new Map<string, string>();
  const all = verifiedClaims().filter((v) => v.claim);
  // The collection's ids number the checks in the order they were gathered: each claim is made a second after
  // the one before, so a claim checked twice has its original first, as on a desk (ties go to the earlier check).
  const start = Date.parse("2020-01-01T00:00:00Z");
  for (let i = 0; i < all.length; i += 500) {
    const part = all.slice(i, i + 500);
    const articles: (typeof t.articles.$inferInsert)[] = [];
    const versions: (typeof t.articleVersions.$inferInsert)[] = [];
    const claims: (typeof t.claims.$inferInsert)[] = [];
    for (const [j, v] of part.entries()) {
      const now = new Date(start + (i + j) * 1000);
      const articleId = newId();
      const versionId = newId();
      const claimId = newId();
      const blocks = [{ kind: "paragraph" as const, text: v.claim }];
      articles.push({ id: articleId, title: v.title || v.claim.slice(0, 200), status: "draft" as const, currentVersionId: versionId, createdBy: userId, createdAt: now, updatedAt: now });
      versions.push({ id: versionId, articleId, number: 1, blocks, textHash: hashText(v.claim), createdBy: userId, createdAt: now });
      claims.push({ id: claimId, articleId, versionId, exact: v.claim, prefix: "", suffix: "", start: 0, end: codePointLength(v.claim), anchorStatus: "anchored" as const, anchorScore: 1, statement: defaultStatement(v.title || v.claim), status: "open" as const, number: 1, createdBy: userId, createdAt: now, updatedAt: now });
      byClaim.set(claimId, v.id);
    }
    await database.transaction(async (tx) => {
      await tx.insert(t.articles).values(articles);
      await tx.insert(t.articleVersions).values(versions);
      for (let j = 0; j < claims.length; j += 250) await tx.insert(t.claims).values(claims.slice(j, j + 250));
    });
  }
  return byClaim;
}

/** MAP@5, Recall@1 and Recall@5 of rankings (verified claim ids, best first) against each query's target. */
export function scoreRankings(rankings: { target: string; ranked: string[] }[]): { map5: number; recall1: number; recall5: number } {
  let ap = 0;
  let r1 = 0;
  let r5 = 0;
  for (const { target, ranked } of rankings) {
    const at = ranked.slice(0, 5).indexOf(target);
    // One relevant claim per query: average precision at 5 is 1/rank when found in the top 5.
    if (at >= 0) ap += 1 / (at + 1);
    if (at === 0) r1++;
    if (at >= 0) r5++;
  }
  const n = Math.max(1, rankings.length);
  return { map5: ap / n, recall1: r1 / n, recall5: r5 / n };
}
