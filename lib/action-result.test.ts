import { describe, expect, it } from "vitest";
import { ActionFailure, unwrap, type ActionResult } from "./action-result";

const answer = <T>(result: ActionResult<T>) => Promise.resolve(result);

describe("unwrap", () => {
  it("gives the data of a successful action", async () => {
    await expect(unwrap(answer({ ok: true, data: { id: "a1" } }))).resolves.toEqual({ id: "a1" });
  });

  it("throws a refusal as an ActionFailure with the server's message, code and field errors", async () => {
    const error = await unwrap(answer({ ok: false, error: "Choose a rating.", code: "invalid:verdict", fieldErrors: { ratingId: ["Choose a rating."] } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionFailure);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ message: "Choose a rating.", code: "invalid:verdict", fieldErrors: { ratingId: ["Choose a rating."] } });
  });

  it("turns an action that never answered into code network, with the caller's message when it has one", async () => {
    await expect(unwrap(Promise.reject(new TypeError("Failed to fetch")))).rejects.toMatchObject({
      message: "Factdesk could not be reached. Check your connection and try again.",
      code: "network",
    });
    await expect(unwrap(Promise.reject(new TypeError("Failed to fetch")), "Import again.")).rejects.toMatchObject({ message: "Import again.", code: "network" });
  });
});
