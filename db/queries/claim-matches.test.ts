import { and, eq, isNull, or } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { seedDemo } from "@/db/seed/demo";
import { canonicalText, codePointLength } from "@/lib/anchoring/text";
import { MODEL_VERSION } from "@/lib/check-worthy";
import { newId } from "@/lib/ids";
import { testDialects, useTestDatabase } from "@/testing/databases";
import { createTestArticle, createTestClaim, locate } from "@/testing/fixtures";
import { getDatabase } from "../client";
import { getArticleChangeStamp } from "./article-changes";
import { getArticleVersion } from "./articles";
import { listAuditEvents } from "./audit";
import { linkClaims, unlinkClaims } from "./claim-links";
import { findClaimMatches, findMatchesForText, fullTextCandidates } from "./claim-matches";
import { createClaim, getClaimByIdOrThrow, listClaimsForArticle, updateClaim, type Claim } from "./claims";
import { getWorkspace } from "./claim-details";
import { dismissSuggestion, listDismissedSuggestions } from "./suggestions";

/**
 * Labelled pairs on the demo data: claims that say the same thing in
 * different articles (statements as seeded in db/seed/demo.ts, plus two
 * claims this test adds to the chronic-pain draft, as a reviewer would).
 * Judgement: same subject, same predicate, same polarity. "Reduces hair
 * loss" and "causes hair loss" are different claims; "safe treatment" and
 * "safer approach" are the same claim (kratom is a safe way off opioids).
 */
const RECEPTORS = [
  "Kratom contains compounds that act on opioid receptors in the brain.",
  "Kratom's alkaloids mitragynine and 7-hydroxymitragynine act on opioid receptors.",
  "Kratom acts on the same opioid receptors as traditional opioids, with weaker effects.",
  "Kratom contains alkaloids that act on opioid receptors in the brain.",
  "Kratom's alkaloids mitragynine and 7-hydroxymitragynine interact with opioid receptors.",
];
const SAFE_FOR_WITHDRAWAL = ["Kratom is a safe, holistic treatment for opioid withdrawal.", "Kratom is a safer approach to opioid withdrawal than conventional medications."];
const LONG_TERM_HARM = ["Long-term kratom use can cause hair loss, faster heart rate and addiction.", "Long-term kratom use can lead to addiction and liver damage."];
const CAUSES_HAIR_LOSS = ["Long-term kratom use can cause hair loss, faster heart rate and addiction.", "Kratom can cause hair thinning or hair loss as a side effect."];
const SAME_CLAIM = [RECEPTORS, SAFE_FOR_WITHDRAWAL, LONG_TERM_HARM, CAUSES_HAIR_LOSS];

const CHRONIC_PAIN_CLAIMS = [
  {
    exact: "Its various alkaloids, including mitragynine and 7-hydroxymitragynine, interact with opioid receptors, offering a natural alternative to prescription painkillers.",
    statement: RECEPTORS[4]!,
  },
  {
    exact: "While kratom has shown promise in alleviating chronic pain, it’s essential to recognize its potential side effects, including temporary hair thinning or loss.",
    statement: CAUSES_HAIR_LOSS[1]!,
  },
];

/** Top-3 quality: for each claim with true partners, how many of min(3, partners) appear in its top 3. */
async function matchQuality(claims: Claim[]): Promise<{ found: number; possible: number; firstIsTrue: number; queries: number }> {
  const byStatement = new Map(claims.map((c) => [c.statement, c]));
  let found = 0;
  let possible = 0;
  let firstIsTrue = 0;
  let queries = 0;
  for (const query of claims) {
    const partners = new Set(SAME_CLAIM.filter((group) => group.includes(query.statement)).flatMap((group) => group.filter((s) => s !== query.statement)).map((s) => byStatement.get(s)!.id));
    if (partners.size === 0) continue;
    queries++;
    const top = (await findClaimMatches({ claimId: query.id, limit: 3 })).map((m) => m.claim.id);
    found += top.filter((id) => partners.has(id)).length;
    possible += Math.min(3, partners.size);
    if (top[0] && partners.has(top[0])) firstIsTrue++;
  }
  return { found, possible, firstIsTrue, queries };
}

describe.each(testDialects())("claim matching on %s", (dialect) => {
  const ctx = useTestDatabase(dialect, { seed: false });
  let all: Claim[] = [];

  it("finds the demo articles' repeated claims in the top 3", async () => {
    await seedDemo();
    const { db, t } = await getDatabase();
    const [chronic] = await db.select().from(t.articles).where(eq(t.articles.title, "Understanding Kratom for Chronic Pain Relief"));
    const [reviewer] = await db.select().from(t.users).where(eq(t.users.role, "reviewer"));
    // The text as the seed's import stored it: claims are located in the snapshot, as the workspace does.
    const text = canonicalText((await getArticleVersion({ id: chronic!.currentVersionId! }))!.blocks);
    for (const c of CHRONIC_PAIN_CLAIMS) {
      await createClaim({ articleId: chronic!.id, versionId: chronic!.currentVersionId!, ...locate(text, c.exact), exact: c.exact, statement: c.statement, userId: reviewer!.id });
    }
    all = (await db.select().from(t.claims)).filter((c) => c.status !== "excluded");
    expect(all.length).toBe(15);
    const quality = await matchQuality(all);
    console.info(`[match quality ${dialect}] true partners in top 3: ${quality.found}/${quality.possible}; best match true for ${quality.firstIsTrue}/${quality.queries} claims`);
    // Floors (measured 21/21 and 9/10 on both dialects): 90 % of the true partners that fit in the top 3, the best match right for 80 % of claims.
    expect(quality.found / quality.possible).toBeGreaterThanOrEqual(0.9);
    expect(quality.firstIsTrue / quality.queries).toBeGreaterThanOrEqual(0.8);
  });

  it("never returns claims from the same article, and shows verdict, citations and article title", async () => {
    const receptor = all.find((c) => c.statement === RECEPTORS[3])!; // the news article's open claim
    const matches = await findClaimMatches({ claimId: receptor.id });
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.every((m) => m.claim.articleId !== receptor.articleId)).toBe(true);
    const published = matches.find((m) => m.claim.statement === RECEPTORS[0])!;
    expect(published.articleTitle).toBe("Managing Hair Loss During Opioid Withdrawal with Kratom");
    expect(published.claim.status).toBe("approved");
    expect(published.claim.verdict?.rating.label).toBe("Mostly accurate");
    expect(published.claim.verdict?.citations.length).toBe(3);
    expect(published.score).toBeGreaterThan(0.5);
  });

  it("folds accents, case and apostrophes the same way in the index and the query", async () => {
    const { db, t } = await getDatabase();
    const [reviewer] = await db.select().from(t.users).where(eq(t.users.role, "reviewer"));
    const article = await createTestArticle(reviewer!.id, { title: "Café", blocks: [{ kind: "paragraph", text: "Le CAFÉ can’t cure Naïve drinkers of gout." }] });
    const claim = await createTestClaim(article, "Le CAFÉ can’t cure Naïve drinkers of gout.", reviewer!.id, "Café can’t cure naïve drinkers of gout");
    for (const text of ["cafe naive gout", "CAFÉ NAÏVE GOUT", "café can't cure naive drinkers"]) {
      expect((await fullTextCandidates({ text, excludeArticleId: "" })).map((c) => c.id), text).toContain(claim.id);
    }
    const [match] = await findMatchesForText({ query: { statement: "Cafe cant cure naive drinkers of gout", exact: "" } });
    expect(match?.id).toBe(claim.id);
    expect(match?.reasons[0]).toMatch(/^shares /);
  });

  it("keeps the full-text index in step with edits", async () => {
    const claim = all.find((c) => c.statement === SAFE_FOR_WITHDRAWAL[1])!;
    const other = all.find((c) => c.articleId !== claim.articleId)!;
    expect((await fullTextCandidates({ text: "zeolite", excludeArticleId: other.articleId })).map((c) => c.id)).not.toContain(claim.id);
    const current = await getClaimByIdOrThrow({ id: claim.id });
    await updateClaim({ id: claim.id, version: current.version, statement: "Zeolite clay is a safer approach to withdrawal.", userId: current.createdBy });
    expect((await fullTextCandidates({ text: "zeolite", excludeArticleId: other.articleId })).map((c) => c.id)).toContain(claim.id);
    const again = await getClaimByIdOrThrow({ id: claim.id });
    await updateClaim({ id: claim.id, version: again.version, statement: SAFE_FOR_WITHDRAWAL[1]!, userId: current.createdBy });
    expect((await fullTextCandidates({ text: "zeolite", excludeArticleId: other.articleId })).map((c) => c.id)).not.toContain(claim.id);
  });

  it("reuses a matched verdict as a new proposal, records the link with an audit event, and undoes the link", async () => {
    const target = all.find((c) => c.statement === RECEPTORS[3])!;
    const source = all.find((c) => c.statement === RECEPTORS[0])!;
    const before = await getClaimByIdOrThrow({ id: target.id });
    const stampBefore = await getArticleChangeStamp({ articleId: target.articleId });
    const link = await linkClaims({ claimId: target.id, claimVersion: before.version, matchedClaimId: source.id, reuse: true, userId: before.createdBy });
    const after = await getWorkspace({ articleId: target.articleId });
    const reused = after.claims.find((c) => c.id === target.id)!;
    const original = (await getWorkspace({ articleId: source.articleId })).claims.find((c) => c.id === source.id)!;
    // A starting point, not an approval: the copy is a new proposal with its own id, same rating, rationale and citations.
    expect(reused.status).toBe("verdict_proposed");
    expect(reused.verdict!.id).toBe(link.reusedVerdictId);
    expect(reused.verdict!.id).not.toBe(original.verdict!.id);
    expect(reused.verdict!.ratingId).toBe(original.verdict!.ratingId);
    expect(reused.verdict!.rationale).toBe(original.verdict!.rationale);
    expect(reused.verdict!.citations.map((c) => [c.url, c.stance, c.quote])).toEqual(original.verdict!.citations.map((c) => [c.url, c.stance, c.quote]));
    expect(reused.reviews).toEqual([]);
    expect((await findClaimMatches({ claimId: target.id })).find((m) => m.claim.id === source.id)?.linkId).toBe(link.id);
    expect(await getArticleChangeStamp({ articleId: target.articleId })).toBeGreaterThan(stampBefore);

    // Stale version: refused, nothing written.
    await expect(linkClaims({ claimId: target.id, claimVersion: before.version, matchedClaimId: source.id, reuse: true, userId: before.createdBy })).rejects.toThrow(/changed by someone else/);

    await unlinkClaims({ linkId: link.id, userId: before.createdBy });
    const { db, t } = await getDatabase();
    const activeLinks = await db
      .select()
      .from(t.claimLinks)
      .where(and(isNull(t.claimLinks.removedAt), or(eq(t.claimLinks.claimId, target.id), eq(t.claimLinks.matchedClaimId, target.id))));
    expect(activeLinks).toEqual([]);
    await expect(unlinkClaims({ linkId: link.id, userId: before.createdBy })).rejects.toThrow(/already undone/);
    const actions = (await listAuditEvents({ entityType: "claim", entityId: target.id })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["claim.link_reuse", "claim.unlink", "verdict.propose"]));
  });

  it("refuses links within one article and plain double links", async () => {
    const [a, b] = (await listClaimsForArticle({ articleId: all.find((c) => c.statement === RECEPTORS[0])!.articleId })).slice(0, 2);
    await expect(linkClaims({ claimId: a!.id, claimVersion: a!.version, matchedClaimId: b!.id, reuse: false, userId: a!.createdBy })).rejects.toThrow(/same one/);
    const other = all.find((c) => c.statement === RECEPTORS[1])!;
    await linkClaims({ claimId: other.id, claimVersion: other.version, matchedClaimId: a!.id, reuse: false, userId: a!.createdBy });
    await expect(linkClaims({ claimId: a!.id, claimVersion: a!.version, matchedClaimId: other.id, reuse: false, userId: a!.createdBy })).rejects.toThrow(/already linked/);
  });

  it("stores dismissed suggestions once per span and audits them", async () => {
    const { db, t } = await getDatabase();
    const [article] = await db.select().from(t.articles).where(eq(t.articles.title, "Understanding Kratom for Chronic Pain Relief"));
    const [user] = await db.select().from(t.users).where(eq(t.users.role, "reviewer"));
    const stamp = await getArticleChangeStamp({ articleId: article!.id });
    const span = { articleId: article!.id, versionId: article!.currentVersionId!, start: 0, end: 20, userId: user!.id };
    const first = await dismissSuggestion(span);
    const second = await dismissSuggestion(span);
    expect(second.id).toBe(first.id);
    expect(await listDismissedSuggestions({ versionId: span.versionId })).toHaveLength(1);
    expect(await getArticleChangeStamp({ articleId: article!.id })).toBe(stamp + 1);
    const snapshot = await getWorkspace({ articleId: article!.id });
    const length = codePointLength(canonicalText(snapshot.snapshot.blocks));
    await expect(dismissSuggestion({ ...span, start: length - 1, end: length + 5 })).rejects.toThrow(/outside the article/);
    // Dismissed under the rules that came before the model: a new model offers the sentence again.
    await db.insert(t.dismissedSuggestions).values({ id: newId(), articleId: article!.id, versionId: span.versionId, start: 40, end: 60, modelVersion: "rules", createdBy: user!.id });
    expect((await listDismissedSuggestions({ versionId: span.versionId })).map((d) => [d.start, d.modelVersion])).toEqual([[0, MODEL_VERSION]]);
    void ctx;
  });
});
