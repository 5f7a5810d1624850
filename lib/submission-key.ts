/**
 * Idempotency keys for creates (an import, a claim, a verdict proposal, a
 * comment, a publication). The browser makes one UUID per intended
 * submission and sends it again when it retries that submission, so a retry
 * after a lost answer gets the first result instead of a second copy; the
 * server keeps the keys (db/queries/idempotency.ts).
 */
import { z } from "zod";

/** A version-4 UUID. crypto.randomUUID exists only in secure contexts (HTTPS, localhost); getRandomValues everywhere. */
export function newSubmissionKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The field every create action accepts. A caller that sends no key (a
 * script, an older page) gets a fresh one: it can never be sent again, so it
 * protects nothing, but every create then takes the same path.
 */
export const idempotencyKeyField = z
  .uuid("The request key must be a UUID.")
  .optional()
  .transform((key) => key ?? newSubmissionKey());

/** Keys of submissions whose outcome the browser does not know yet, by kind and content. */
const pending = new Map<string, string>();

/** A short fingerprint of what was submitted (cyrb53), so a large import is not kept twice in memory. */
function fingerprint(payload: unknown): string {
  const text = JSON.stringify(payload) ?? "";
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${(h2 >>> 0).toString(36)}${(h1 >>> 0).toString(36)}`;
}

type Answer = { ok: boolean; code?: string };

/**
 * Sends `payload` with its submission key. Sending the same content again
 * before a success (a TanStack retry, a second click after "could not be
 * reached") is a retry and reuses the key; once the server confirms, the
 * same content again is a new submission (a second "Agreed." comment) and
 * gets a new key. A refusal keeps the key: the refused attempt saved nothing
 * (its transaction rolled back), so reusing it is as safe as a new one, and a
 * failure after the commit is then still answered with the first result.
 */
export async function submitOnce<P extends object, R extends Answer>(kind: string, payload: P, send: (input: P & { idempotencyKey: string }) => Promise<R>): Promise<R> {
  const id = `${kind}:${fingerprint(payload)}`;
  let key = pending.get(id);
  if (!key) {
    key = newSubmissionKey();
    pending.set(id, key);
  }
  const answer = await send({ ...payload, idempotencyKey: key });
  // conflict:idempotency: the key belongs to another user or form (e.g. after signing in as someone else).
  if ((answer.ok || answer.code === "conflict:idempotency") && pending.get(id) === key) pending.delete(id);
  return answer;
}
