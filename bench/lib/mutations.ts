/**
 * Signed-in writes over real HTTP: BENCH_USERS editors at once, each creating
 * claims in their own draft, proposing a verdict on each, and approving the
 * verdicts their neighbour proposed (nobody may approve their own). Latency
 * is per server action call, as the browser would see it.
 */
import { performance } from "node:perf_hooks";
import { describeAnchor } from "../../lib/anchoring/anchor";
import type { HttpClient } from "../../testing/http-client";
import { approve, createClaim, proposeVerdict, signIn, type Citation } from "../../testing/seed-http";
import type { GeneratedData } from "../generate";

const CITATIONS: Citation[] = [
  { url: "https://example.org/a", title: "A study", stance: "refutes", kind: "study" },
  { url: "https://example.org/b", title: "An agency page", stance: "context", kind: "agency" },
];

export type MutationTimes = { create: number[]; propose: number[]; approve: number[]; failures: string[] };

/** Sentence spans of a draft whose anchor the server will accept as they are (the server re-derives the quote). */
function claimSpans(text: string): { start: number; end: number; exact: string }[] {
  const spans: { start: number; end: number; exact: string }[] = [];
  for (const m of text.matchAll(/[A-Z][^.]*\./g)) {
    // The drafts are ASCII, so UTF-16 indexes are code point offsets.
    const start = m.index;
    const anchor = describeAnchor(text, start, start + m[0].length);
    if (anchor.exact === m[0]) spans.push({ start, end: start + m[0].length, exact: m[0] });
  }
  return spans;
}

/** Times one call, failed ones too (the seeding helpers throw on a refusal). */
async function timed<T>(into: number[], call: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await call();
  } finally {
    into.push(performance.now() - t0);
  }
}

/**
 * One unmeasured round per user (warm-up), then one user alone for a third of
 * `seconds`, then every user's loop at once for `seconds`, with no pause
 * between calls (a closed loop: the worst case for queueing).
 */
export async function runMutations(base: string, data: GeneratedData, seconds: number): Promise<{ concurrent: MutationTimes; single: MutationTimes }> {
  const clients = await Promise.all(data.users.map((u) => signIn(base, u)));
  const times: MutationTimes = { create: [], propose: [], approve: [], failures: [] };
  const warm: MutationTimes = { create: [], propose: [], approve: [], failures: [] };
  // inbox[i]: verdicts user i may approve (proposed by user i+1).
  const inbox: string[][] = clients.map(() => []);
  const spans = data.drafts.map((d) => claimSpans(d.text));
  let deadline = 0;

  const round = async (i: number, n: number, into: MutationTimes, approver?: HttpClient) => {
    const client = clients[i]!;
    const draft = data.drafts[i]!;
    const span = spans[i]![n % spans[i]!.length]!;
    const claim = await timed(into.create, () => createClaim(client, { articleId: draft.articleId, versionId: draft.versionId, ...span, statement: `Bench claim ${n + 1}` }));
    const ratingId = data.ratingIds[n % data.ratingIds.length];
    const verdict = await timed(into.propose, () => proposeVerdict(client, claim, ratingId, "Checked against the two sources below.", CITATIONS));
    if (approver) {
      await timed(into.approve, () => approve(approver, verdict.verdictId, ""));
      return;
    }
    inbox[(i + clients.length - 1) % clients.length]!.push(verdict.verdictId);
    const mine = inbox[i]!.shift();
    if (mine) await timed(into.approve, () => approve(client, mine, ""));
  };

  const loop = async (i: number) => {
    for (let n = 1; performance.now() < deadline; n++) {
      try {
        await round(i, n, times);
      } catch (error) {
        times.failures.push(error instanceof Error ? error.message : String(error));
        if (times.failures.length > 20) throw new Error(`mutations keep failing: ${times.failures.slice(0, 3).join(" | ")}`);
      }
    }
  };
  // Everyone's warm-up round first, then the measured window for all at once.
  await Promise.all(clients.map((_, i) => round(i, 0, warm).catch((e: unknown) => warm.failures.push(String(e)))));
  if (warm.failures.length === clients.length) throw new Error(`every mutation warm-up failed: ${warm.failures[0]}`);
  // One user alone first (its approvals by the next user): the cost of a call without queueing behind others.
  const single: MutationTimes = { create: [], propose: [], approve: [], failures: [] };
  const singleUntil = performance.now() + Math.max(2, seconds / 3) * 1000;
  for (let n = 1000; performance.now() < singleUntil; n++) await round(0, n, single, clients[1]);
  deadline = performance.now() + seconds * 1000;
  await Promise.all(clients.map((_, i) => loop(i)));
  return { concurrent: times, single };
}
