import { describe, expect, it } from "vitest";
import { idempotencyKeyField, newSubmissionKey, submitOnce } from "./submission-key";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A fake server: records the keys it was sent and answers with the queued outcomes. */
function server(...outcomes: ("ok" | "refused" | "lost" | "foreign")[]) {
  const keys: string[] = [];
  const send = async (input: { idempotencyKey: string }) => {
    keys.push(input.idempotencyKey);
    const outcome = outcomes.shift() ?? "ok";
    if (outcome === "lost") throw new TypeError("fetch failed");
    if (outcome === "refused") return { ok: false as const, code: "invalid:comment" };
    if (outcome === "foreign") return { ok: false as const, code: "conflict:idempotency" };
    return { ok: true as const };
  };
  return { keys, send };
}

describe("submission keys", () => {
  it("makes version-4 UUIDs the action schema accepts, and fills in a missing one", () => {
    expect(newSubmissionKey()).toMatch(UUID);
    expect(idempotencyKeyField.parse(undefined)).toMatch(UUID);
    expect(() => idempotencyKeyField.parse("not-a-key")).toThrow(/UUID/);
  });

  it("reuses the key when the same content is sent again after a lost answer or a refusal", async () => {
    const s = server("lost", "refused", "ok");
    await expect(submitOnce("comment", { body: "Lost" }, s.send)).rejects.toThrow("fetch failed");
    await submitOnce("comment", { body: "Lost" }, s.send);
    await submitOnce("comment", { body: "Lost" }, s.send);
    expect(new Set(s.keys).size).toBe(1);
  });

  it("gives the same content a new key once it was confirmed, and different content its own key", async () => {
    const s = server("ok", "ok", "lost");
    await submitOnce("comment", { body: "Agreed." }, s.send);
    await submitOnce("comment", { body: "Agreed." }, s.send);
    await submitOnce("comment", { body: "Something else" }, s.send).catch(() => undefined);
    expect(new Set(s.keys).size).toBe(3);
  });

  it("drops a key the server says belongs to someone else", async () => {
    const s = server("foreign", "ok");
    await submitOnce("claim", { statement: "Zinc" }, s.send);
    await submitOnce("claim", { statement: "Zinc" }, s.send);
    expect(s.keys[0]).not.toBe(s.keys[1]);
  });

  it("keeps kinds apart: the same content sent to two forms gets two keys", async () => {
    const s = server("lost", "lost");
    await submitOnce("claim", { x: 1 }, s.send).catch(() => undefined);
    await submitOnce("verdict", { x: 1 }, s.send).catch(() => undefined);
    expect(s.keys[0]).not.toBe(s.keys[1]);
  });
});
