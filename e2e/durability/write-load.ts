/**
 * Concurrent write load over real HTTP: signed-in clients each loop
 * "import an article → mark a claim → propose a verdict", recording every
 * write the server acknowledged (a 2xx reply with ok: true; a saved import
 * answers with the new article's id). Unacknowledged writes (in flight when the
 * server died) may or may not be there; acknowledged ones must be.
 */
import type { HttpClient } from "../../testing/http-client";
import { addClaim, importArticle, proposeVerdict } from "../../testing/seed-http";

export type Acknowledged = { articles: string[]; claims: { id: string; articleId: string }[]; verdicts: { id: string; claimId: string }[] };

const SENTENCE = "Zinc lozenges cure the common cold within a day.";

/** Runs `clients` loops until `stop()` says so; every error just ends that iteration (the server may be gone). */
export function startWriteLoad(clients: HttpClient[], ratingId: string, stop: () => boolean): { ack: Acknowledged; done: Promise<void>; attempts: () => number } {
  const ack: Acknowledged = { articles: [], claims: [], verdicts: [] };
  let attempts = 0;
  const loop = async (client: HttpClient, n: number) => {
    for (let i = 0; !stop(); i++) {
      attempts++;
      try {
        const title = `Durability ${n}-${i}`;
        const articleId = await importArticle(client, title, [`${title}. ${SENTENCE} Nothing else.`], { origin: "paste: durability" });
        ack.articles.push(articleId);
        const claim = await addClaim(client, articleId, SENTENCE, `Zinc cures colds (${n}-${i})`);
        ack.claims.push({ id: claim.id, articleId });
        const verdict = await proposeVerdict(client, claim, ratingId, "Trials show no such effect.", [{ url: "https://example.test/trial", title: "A trial", stance: "refutes", kind: "study" }]);
        ack.verdicts.push({ id: verdict.verdictId, claimId: claim.id });
      } catch (error) {
        if (!stop()) throw error;
      }
    }
  };
  const done = Promise.all(clients.map((c, n) => loop(c, n))).then(() => undefined);
  return { ack, done, attempts: () => attempts };
}
