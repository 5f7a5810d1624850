/**
 * Small builders for query tests: an article with a known text, claims found
 * by their quote, citations, and the propose → approve steps. Each helper goes
 * through the real query functions, so fixtures obey the same rules as users;
 * only putTestSetting writes its table directly.
 */
import { eq } from "drizzle-orm";
import { getDatabase, type Db } from "@/db/client";
import { createArticle, type Article } from "@/db/queries/articles";
import { listAuditEvents } from "@/db/queries/audit";
import { createClaim, getClaimByIdOrThrow, type Claim } from "@/db/queries/claims";
import { publishArticle, type Publication } from "@/db/queries/publications";
import { reviewVerdict } from "@/db/queries/reviews";
import type { SettingKey } from "@/db/queries/settings";
import { proposeVerdict, type CitationInput, type Verdict } from "@/db/queries/verdicts";
import { canonicalText, codePointLength, normalizeBlocks, type Block } from "@/lib/anchoring/text";
import type { TestDatabaseContext } from "./databases";

/**
 * The default test article. The emoji (astral, two UTF-16 units each) sit
 * before the claims, so code-point and UTF-16 offsets differ for every claim.
 */
export const SAMPLE_BLOCKS: Block[] = [
  { kind: "heading", text: "Sunshine 🌞 and the common cold" },
  { kind: "paragraph", text: "Taking  vitamin D\u00a0every day prevents 90% of colds, the post says. 🙂 It also claims zinc cures the flu within a day." },
  { kind: "paragraph", text: "The author adds that the study was funded by a supplement maker." },
];

/** SAMPLE_BLOCKS as stored: normalized (the double space and NBSP collapse) and joined. */
export const SAMPLE_TEXT = canonicalText(normalizeBlocks(SAMPLE_BLOCKS));

export async function createTestArticle(userId: string, overrides: Partial<Parameters<typeof createArticle>[0]> = {}): Promise<Article> {
  return createArticle({
    title: "Vitamin D prevents colds",
    sourceUrl: "https://example.test/post",
    publisher: "Example Blog",
    author: "A. Writer",
    sourcePublishedOn: "2025-01-15",
    blocks: SAMPLE_BLOCKS,
    userId,
    ...overrides,
  });
}

/** Code-point range of the nth occurrence of `exact` in `text` (throws when absent, so tests cannot silently pass). */
export function locate(text: string, exact: string, occurrence = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(exact, at + 1);
    if (at < 0) throw new Error(`"${exact}" does not occur ${occurrence + 1} time(s) in the text`);
  }
  const start = codePointLength(text.slice(0, at));
  return { start, end: start + codePointLength(exact) };
}

/** Creates a claim on the article's current snapshot for the quote `exact`. */
export async function createTestClaim(article: Article, exact: string, userId: string, statement = `Claim: ${exact}`): Promise<Claim> {
  const { db, t } = await getDatabase();
  const [snapshot] = await db.select().from(t.articleVersions).where(eq(t.articleVersions.id, article.currentVersionId!));
  const { start, end } = locate(canonicalText(snapshot!.blocks), exact);
  return createClaim({ articleId: article.id, versionId: article.currentVersionId!, start, end, exact, statement, userId });
}

export function testCitation(overrides: Partial<CitationInput> = {}): CitationInput {
  return {
    url: "https://example.test/study",
    title: "A randomised trial of vitamin D",
    publisher: "Journal of Examples",
    publishedOn: "2024-06-01",
    quote: "No effect on the incidence of colds was found.",
    locator: null,
    stance: "refutes",
    kind: "study",
    archiveUrl: null,
    ...overrides,
  };
}

/** Proposes a verdict on the claim's current version (re-read, so callers need not track versions). */
export async function proposeTestVerdict(
  claimId: string,
  ratingId: string,
  userId: string,
  rationale = "The cited trial found no effect.",
  correctionNote?: string,
): Promise<Verdict> {
  const claim = await getClaimByIdOrThrow({ id: claimId });
  return proposeVerdict({ claimId, claimVersion: claim.version, ratingId, rationale, citations: [testCitation()], userId, correctionNote });
}

/** Proposes (as `authorId`) and approves (as `editorId`) a verdict: the claim ends approved with quorum 1. */
export async function approveTestClaim(claimId: string, ratingId: string, authorId: string, editorId: string): Promise<Verdict> {
  const verdict = await proposeTestVerdict(claimId, ratingId, authorId);
  await reviewVerdict({ verdictId: verdict.id, decision: "approved", comment: "Checked the sources.", editorId });
  return verdict;
}

/**
 * A published fact-check of the sample article, titled `title`: the zinc claim
 * ("Zinc cures flu in a day", rated Inaccurate by verdict `v1`) and the
 * vitamin D claim ("Vitamin D prevents most colds", Misleading), proposed by
 * the reviewer and approved by the editor; summary "Two claims.", headline
 * verdict Inaccurate.
 */
export async function publishTestArticle(
  ctx: Pick<TestDatabaseContext, "users" | "rating">,
  title: string,
): Promise<{ article: Article; zinc: Claim; vitamin: Claim; v1: Verdict; publication: Publication }> {
  const { reviewer, editor } = ctx.users;
  const article = await createTestArticle(reviewer.id, { title });
  const zinc = await createTestClaim(article, "zinc cures the flu within a day", reviewer.id, "Zinc cures flu in a day");
  const vitamin = await createTestClaim(article, "vitamin D every day prevents 90% of colds", reviewer.id, "Vitamin D prevents most colds");
  const v1 = await approveTestClaim(zinc.id, ctx.rating("Inaccurate").id, reviewer.id, editor.id);
  await approveTestClaim(vitamin.id, ctx.rating("Misleading").id, reviewer.id, editor.id);
  const publication = await publishArticle({ articleId: article.id, summary: "Two claims.", editorId: editor.id, headlineRatingId: ctx.rating("Inaccurate").id });
  return { article, zinc, vitamin, v1, publication };
}

/**
 * How many audit events of each action exist, optionally for one entity.
 * Counts, not a sequence: events written in one transaction share a
 * millisecond, so their relative order is not defined.
 */
export async function auditCounts(filter: { entityType?: string; entityId?: string } = {}): Promise<Record<string, number>> {
  const events = await listAuditEvents({ ...filter, limit: 10_000 });
  const counts: Record<string, number> = {};
  for (const e of events) counts[e.action] = (counts[e.action] ?? 0) + 1;
  return counts;
}

/** Runs `fn` and returns the AppError-like error it throws (fails the test when it does not throw). */
export async function rejection(fn: () => Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await fn();
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error("Expected the call to be refused, but it succeeded");
}

/** The summary and headline of an article's publication as they stand: what an editor confirms when approving a correction. */
export async function currentPublicationCheck(articleId: string): Promise<{ summary: string; headlineRatingId: string | null; version: number }> {
  const { db, t } = await getDatabase();
  const [publication] = await db.select().from(t.publications).where(eq(t.publications.articleId, articleId));
  if (!publication) throw new Error("The article has no publication");
  return { summary: publication.summary, headlineRatingId: publication.headlineRatingId, version: publication.version };
}

/**
 * Stores a setting's value straight in the table (inside `tx`), for tests that
 * need a quorum or organisation name in place. Admins change settings through
 * updateApprovalQuorum and updateSsoOnly, which also audit and apply them.
 */
export async function putTestSetting(tx: Db, key: SettingKey, value: string): Promise<void> {
  const { t } = await getDatabase();
  await tx
    .insert(t.settings)
    .values({ key, value })
    .onConflictDoUpdate({ target: t.settings.key, set: { value } });
}
