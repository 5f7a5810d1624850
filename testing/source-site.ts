/**
 * A cited website for archive and link-check tests: each path answers what
 * the test last set for it (a page, an error status, a redirect, no answer
 * at all), so a test can make a page change, vanish, move or go down and
 * come back between two checks. Binds to
 * 127.0.0.1 only and records every request, so a test can assert that a
 * refused or disabled fetch never reached it.
 */
import http from "node:http";
import { getVerdictsWithCitations, proposeVerdict } from "@/db/queries/verdicts";
import type { TestDatabaseContext } from "./databases";
import { createTestArticle, createTestClaim, testCitation } from "./fixtures";

type SourceAnswer =
  | { html: string }
  | { body: Buffer | string; type: string }
  | { status: number }
  | { redirect: string }
  /** The connection is closed without an answer: the archiver finds the site unreachable. */
  | { hangUp: true };

export type SourceSite = {
  origin: string;
  /** The host rule that lets the archiver fetch this site ("127.0.0.1:port"). */
  hostRule: string;
  /** Paths requested so far, in order. */
  hits: string[];
  url: (path: string) => string;
  /** What `path` answers from now on; unset paths answer 404. */
  set: (path: string, answer: SourceAnswer) => void;
  close: () => Promise<void>;
};

/** A plain article page whose readable text is `paragraphs`. */
export function articlePage(title: string, paragraphs: string[]): { html: string } {
  const body = paragraphs.map((p) => `<p>${p}</p>`).join("\n");
  return { html: `<!doctype html><html lang="en"><head><title>${title}</title></head><body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>\n${body}</article></body></html>` };
}

export async function startSourceSite(): Promise<SourceSite> {
  const hits: string[] = [];
  const answers = new Map<string, SourceAnswer>();
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://site").pathname;
    hits.push(path);
    const answer = answers.get(path) ?? { status: 404 };
    if ("hangUp" in answer) return void req.socket.destroy();
    if ("redirect" in answer) {
      res.writeHead(302, { location: answer.redirect });
      return res.end();
    }
    if ("status" in answer) {
      res.writeHead(answer.status, { "content-type": "text/html" });
      return res.end(`<h1>${answer.status}</h1>`);
    }
    const [type, body] = "html" in answer ? ["text/html; charset=utf-8", answer.html] : [answer.type, answer.body];
    res.writeHead(200, { "content-type": type });
    res.end(body);
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    hostRule: `127.0.0.1:${port}`,
    hits,
    url: (path) => `${origin}${path}`,
    set: (path, answer) => void answers.set(path, answer),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * A verdict citing `sources` (on a new article and claim, proposed by the
 * reviewer): its citations in order, ready to archive.
 */
export async function citeSources(ctx: Pick<TestDatabaseContext, "users" | "rating">, sources: { url: string; quote?: string | null }[]) {
  const { reviewer } = ctx.users;
  const article = await createTestArticle(reviewer.id, { title: `Sources ${sources[0]?.url ?? ""}` });
  const claim = await createTestClaim(article, "zinc cures the flu within a day", reviewer.id);
  const verdict = await proposeVerdict({
    claimId: claim.id,
    claimVersion: claim.version,
    ratingId: ctx.rating("Inaccurate").id,
    rationale: "The cited sources say otherwise.",
    citations: sources.map((s) => testCitation({ url: s.url, quote: s.quote ?? null })),
    userId: reviewer.id,
  });
  const citations = (await getVerdictsWithCitations({ ids: [verdict.id] })).get(verdict.id)!.citations;
  return { article, claim, verdict, citations };
}
