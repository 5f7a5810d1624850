/**
 * Signed-in writes over real HTTP: BENCH_USERS editors at once, each creating
 * claims in their own draft, proposing a verdict on each, and approving the
 * verdicts their neighbour proposed (nobody may approve their own). Latency
 * is per server action call, as the browser would see it.
 */
import { performance } from "node:perf_hooks";
import { describeAnchor } from "../../lib/anchoring/anchor";
import { HttpClient, type WireResult } from "../../testing/http-client";
import type { GeneratedData } from "../generate";

const CREATE = "app/(desk)/articles/[id]/actions.ts#createClaimAction";
const PROPOSE = "app/(desk)/articles/[id]/actions.ts#proposeVerdictAction";
const APPROVE = "app/(desk)/approvals/actions.ts#reviewVerdictAction";

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

async function timed<T>(into: number[], call: () => Promise<WireResult<T>>): Promise<T> {
  const t0 = performance.now();
  const result = await call();
  into.push(performance.now() - t0);
  if (!result.ok) throw new Error(`${result.code}: ${result.error}`);
  return result.data;
}

/**
 * One unmeasured round per user (warm-up), then one user alone for a third of
 * `seconds`, then every user's loop at once for `seconds`, with no pause
 * between calls (a closed loop: the worst case for queueing).
 */
export async function runMutations(base: string, data: GeneratedData, seconds: number): Promise<{ concurrent: MutationTimes; single: MutationTimes }> {
  const clients = await Promise.all(data.users.map((u) => HttpClient.signIn(base, u.email, u.password)));
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
    const claim = await timed(into.create, () =>
      client.action<{ id: string; version: number }>(CREATE, [{ articleId: draft.articleId, versionId: draft.versionId, ...span, statement: `Bench claim ${n + 1}` }]),
    );
    const verdict = await timed(into.propose, () =>
      client.action<{ verdictId: string }>(PROPOSE, [
        {
          claimId: claim.id,
          claimVersion: claim.version,
          ratingId: data.ratingIds[n % data.ratingIds.length],
          rationale: "Checked against the two sources below.",
          citations: [
            { url: "https://example.org/a", title: "A study", stance: "refutes", kind: "study" },
            { url: "https://example.org/b", title: "An agency page", stance: "context", kind: "agency" },
          ],
        },
      ]),
    );
    if (approver) {
      await timed(into.approve, () => approver.action(APPROVE, [{ verdictId: verdict.verdictId, decision: "approved", comment: "" }]));
      return;
    }
    inbox[(i + clients.length - 1) % clients.length]!.push(verdict.verdictId);
    const mine = inbox[i]!.shift();
    if (mine) await timed(into.approve, () => client.action(APPROVE, [{ verdictId: mine, decision: "approved", comment: "" }]));
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
