/**
 * Every desk write that touches a published claim, called over real HTTP with
 * realistic arguments (the ids, versions and fields the UI would send), not
 * empty input: whatever each identity gets back, the public JSON API, page
 * and ClaimReview must not change until an editor other than the change's
 * author approves it.
 */
import { expect, test } from "@playwright/test";
import { ACTION, type HttpClient } from "../../testing/http-client";
import { addClaim, approve, importArticle, ok, proposeVerdict, publish, ratingIds, reviewInput, signIn, token, verdictInput, workspace } from "../../testing/seed-http";
import { ACCOUNTS } from "../fixtures/accounts";

const SENTENCES = ["Kratom contains alkaloids that act on opioid receptors.", "Kratom use can raise the heart rate."];
const CITATION = { url: "https://nida.nih.gov/research-topics/kratom", title: "Kratom", publisher: "National Institute on Drug Abuse", stance: "supports" as const };

test("no desk write changes a published fact-check without a second person's approval", async ({}, testInfo) => {
  const base = testInfo.project.use.baseURL!;
  const [reviewer, editor, admin] = await Promise.all([signIn(base, ACCOUNTS.reviewer), signIn(base, ACCOUNTS.editor), signIn(base, ACCOUNTS.admin)]);
  const articleId = await importArticle(reviewer, `Published writes ${token("")}`, SENTENCES);
  const ratings = await ratingIds(reviewer, articleId);
  const accurate = ratings.get("Accurate")!;
  for (const [i, sentence] of SENTENCES.entries()) {
    const claim = await addClaim(reviewer, articleId, sentence, `Claim ${i + 1}: ${sentence}`);
    const { verdictId } = await proposeVerdict(reviewer, claim, accurate, "The agency says so.", [CITATION]);
    await approve(editor, verdictId);
  }
  const { slug } = await publish(editor, articleId, "Both claims hold up.", accurate);
  const reader = async () => {
    const api = await (await reviewer.fetch(`/api/public/fact-checks/${slug}`)).json();
    const html = await (await reviewer.fetch(`/fact-checks/${slug}`)).text();
    const jsonLd = [...html.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    return { api, jsonLd };
  };
  const published = await reader();
  expect(published.api.claims).toHaveLength(2);
  const claimOf = async (client: HttpClient, n: number) => (await workspace(client, articleId)).claims[n]!;

  // Each write, by each desk identity, with what the UI would send.
  for (const [who, client] of [["reviewer", reviewer], ["editor", editor], ["admin", admin]] as const) {
    const note = `A correction proposed by the ${who}.`;
    const first = await claimOf(client, 0);
    const silent = await client.action(ACTION.updateClaim, [{ claimId: first.id, version: first.version, statement: `Rewritten by the ${who}` }]);
    expect(silent, `${who}: a statement edit without a correction note`).toMatchObject({ ok: false, code: "invalid:claim" });
    await ok(client.action(ACTION.updateClaim, [{ claimId: first.id, version: first.version, statement: `Rewritten by the ${who}`, correctionNote: note }]), `${who} edits`);
    const again = await claimOf(client, 0);
    const claimant = { claimantName: `Someone named by the ${who}`, claimantKind: "person", claimantRole: null, appearanceUrl: null, appearanceDate: null };
    await ok(client.action(ACTION.updateClaim, [{ claimId: again.id, version: again.version, claimant, correctionNote: note }]), `${who} names a claimant`);
    const second = await claimOf(client, 1);
    if (who === "reviewer") {
      await ok(client.action(ACTION.setClaimExclusion, [{ claimId: second.id, version: second.version, excluded: true, reason: "Not checkable.", correctionNote: note }]), `${who} excludes`);
    }
    const latest = await claimOf(client, 0);
    await ok(client.action(ACTION.proposeVerdict, [verdictInput(latest, ratings.get("Inaccurate")!, "Re-rated.", [CITATION], { correctionNote: note })]), `${who} re-rates`);
    // The author of the latest revision cannot approve it, whatever their role.
    const current = (await claimOf(client, 0)).verdict!.id;
    const own = await client.action(ACTION.reviewVerdict, [reviewInput(current, "approved", "Mine.", { publicationCheck: null })]);
    expect(own.ok, `${who} approving their own revision`).toBe(false);
    await refreshPublicCaches(editor, reviewer, accurate);
    expect(await reader(), `after the ${who}'s writes`).toEqual(published);
  }

  // An editor other than the author approves (confirming the summary): now readers see it, with a correction.
  const pending = (await claimOf(editor, 0)).verdict!.id;
  const { version } = (await workspace(editor, articleId)).publication!;
  const publicationCheck = { summary: "Both claims hold up.", headlineRatingId: accurate, version };
  await ok(editor.action(ACTION.reviewVerdict, [reviewInput(pending, "approved", "Fine.", { publicationCheck })]), "second editor approves");
  const after = await reader();
  expect(after.api.claims[0]).toMatchObject({ statement: "Rewritten by the admin", verdict: { label: "Inaccurate" }, claimant: { name: "Someone named by the admin" } });
  // The removal proposed for the second claim was never approved: it is still there, as published.
  expect(after.api.claims[1]).toEqual(published.api.claims[1]);
  expect(after.api.corrections.map((c: { note: string }) => c.note)).toEqual(["A correction proposed by the admin."]);
});

/**
 * Public reads are cached until a public change: a leak would hide behind a
 * warm cache. Publishing an unrelated fact-check clears every cache, so the
 * next read shows what the database would give a reader now.
 */
async function refreshPublicCaches(editor: HttpClient, reviewer: HttpClient, ratingId: string): Promise<void> {
  const id = await importArticle(reviewer, `Cache refresh ${token("")}`, ["Kratom is a tropical tree."]);
  const claim = await addClaim(reviewer, id, "Kratom is a tropical tree.", "Kratom is a tree.");
  const { verdictId } = await proposeVerdict(reviewer, claim, ratingId, "Botany.", [CITATION]);
  await approve(editor, verdictId);
  await publish(editor, id, "A tree.", ratingId);
}
