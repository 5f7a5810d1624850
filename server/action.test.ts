/**
 * The action() wrapper invalidates public data when the action declares it
 * (`invalidates`), after a successful run only, so no action calls
 * invalidatePublicData() by hand.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { redirect } from "next/navigation";
import { z } from "zod";
import { AppError } from "@/lib/errors";

const requirePermission = vi.fn(async () => ({ id: "u1", role: "editor" }));
vi.mock("./session", () => ({ requirePermission }));
const invalidatePublicData = vi.fn();
vi.mock("./public-cache", () => ({ invalidatePublicData }));

const { action } = await import("./action");

const schema = z.object({ n: z.int() });

describe("action() invalidation", () => {
  beforeEach(() => {
    invalidatePublicData.mockClear();
    requirePermission.mockClear();
  });

  it('invalidates after every successful run with "public", and never without the option', async () => {
    const always = action(schema, { permission: "write:desk", invalidates: "public" }, async ({ n }) => n + 1);
    expect(await always({ n: 1 })).toEqual({ ok: true, data: 2 });
    expect(invalidatePublicData).toHaveBeenCalledTimes(1);
    const never = action(schema, { permission: "write:desk" }, async ({ n }) => n);
    await never({ n: 1 });
    expect(invalidatePublicData).toHaveBeenCalledTimes(1);
  });

  it("invalidates when the function of the result says so", async () => {
    const when = action(schema, { permission: "write:desk", invalidates: (result: { publicChanged: boolean }) => result.publicChanged }, async ({ n }) => ({ publicChanged: n > 0 }));
    await when({ n: 0 });
    expect(invalidatePublicData).not.toHaveBeenCalled();
    await when({ n: 1 });
    expect(invalidatePublicData).toHaveBeenCalledTimes(1);
  });

  it("invalidates nothing when the run fails, the input is invalid or the permission is missing", async () => {
    const failing = action(schema, { permission: "write:desk", invalidates: "public" }, async () => {
      throw new AppError("conflict:claim", "Changed by someone else.");
    });
    expect(await failing({ n: 1 })).toMatchObject({ ok: false, code: "conflict:claim" });
    const run = vi.fn(async () => 1);
    const guarded = action(schema, { permission: "write:desk", invalidates: "public" }, run);
    expect(await guarded({ n: "one" } as unknown as { n: number })).toMatchObject({ ok: false, code: "invalid:input" });
    requirePermission.mockRejectedValueOnce(new AppError("forbidden:write:desk", "Only reviewers and above can do this."));
    expect(await guarded({ n: 1 })).toMatchObject({ ok: false, code: "forbidden:write:desk" });
    expect(run).not.toHaveBeenCalled();
    expect(invalidatePublicData).not.toHaveBeenCalled();
  });

  it('counts a run that ends in redirect() as successful for "public", and lets the redirect through', async () => {
    const redirecting = action(schema, { permission: "write:desk", invalidates: "public" }, async () => redirect("/articles/a1/versions/2"));
    await expect(redirecting({ n: 1 })).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;/) });
    expect(invalidatePublicData).toHaveBeenCalledTimes(1);
  });
});
