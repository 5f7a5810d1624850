/**
 * Concurrent write load over real HTTP: signed-in clients each loop
 * "import an article → mark a claim → propose a verdict", recording every
 * write the server acknowledged (a 2xx reply with ok: true; a saved import
 * answers with the new article's id). Unacknowledged writes (in flight when the
 * server died) may or may not be there; acknowledged ones must be.
 */
import { HttpClient } from "../../testing/http-client";
import { importedArticleId } from "../security/desk-http";

export type Acknowledged = { articles: string[]; claims: { id: string; articleId: string }[]; verdicts: { id: string; claimId: string }[] };

const SENTENCE = "Zinc lozenges cure the common cold within a day.";

type Workspace = { snapshot: { id: string }; claims: { id: string; version: number }[] };

async function importArticle(client: HttpClient, title: string): Promise<string> {
  const input = { title, sourceUrl: null, canonicalUrl: null, publisher: null, author: null, sourcePublishedOn: null, language: "en", blocks: [{ kind: "paragraph", text: `${title}. ${SENTENCE} Nothing else.` }], sourceHtml: null, origin: "paste: durability", allowDuplicate: true };
  const response = await client.actionResponse("app/(desk)/articles/new/actions.ts#saveImportAction", [input]);
  // Success answers with the new article's id as soon as the import commits.
  return importedArticleId(response);
}

/** Runs `clients` loops until `stop()` says so; every error just ends that iteration (the server may be gone). */
export function startWriteLoad(clients: HttpClient[], ratingId: string, stop: () => boolean): { ack: Acknowledged; done: Promise<void>; attempts: () => number } {
  const ack: Acknowledged = { articles: [], claims: [], verdicts: [] };
  let attempts = 0;
  const loop = async (client: HttpClient, n: number) => {
    for (let i = 0; !stop(); i++) {
      attempts++;
      try {
        const articleId = await importArticle(client, `Durability ${n}-${i}`);
        ack.articles.push(articleId);
        const ws = await client.action<Workspace>("app/(desk)/articles/[id]/actions.ts#getWorkspaceAction", [{ articleId }]);
        if (!ws.ok) throw new Error(ws.error);
        const text = `Durability ${n}-${i}. ${SENTENCE} Nothing else.`;
        const start = text.indexOf(SENTENCE);
        const claim = await client.action<{ id: string; version: number }>("app/(desk)/articles/[id]/actions.ts#createClaimAction", [
          { articleId, versionId: ws.data.snapshot.id, start, end: start + SENTENCE.length, exact: SENTENCE, statement: `Zinc cures colds (${n}-${i})` },
        ]);
        if (!claim.ok) throw new Error(claim.error);
        ack.claims.push({ id: claim.data.id, articleId });
        const verdict = await client.action<{ verdictId: string }>("app/(desk)/articles/[id]/actions.ts#proposeVerdictAction", [
          { claimId: claim.data.id, claimVersion: claim.data.version, ratingId, rationale: "Trials show no such effect.", citations: [{ url: "https://example.test/trial", title: "A trial", stance: "refutes", kind: "study" }] },
        ]);
        if (!verdict.ok) throw new Error(verdict.error);
        ack.verdicts.push({ id: verdict.data.verdictId, claimId: claim.data.id });
      } catch (error) {
        if (!stop()) throw error;
      }
    }
  };
  const done = Promise.all(clients.map((c, n) => loop(c, n))).then(() => undefined);
  return { ack, done, attempts: () => attempts };
}
