/**
 * The route() wrapper refuses cross-site mutations and oversized bodies
 * before it reads the session: the refusal must not depend on who is
 * signed in, and must happen before any handler code runs.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

const requirePermission = vi.fn(async () => ({ id: "u1", role: "editor" }));
vi.mock("./session", () => ({ requirePermission }));

const { route } = await import("./route");

const run = vi.fn(async (input: { id: string }) => Response.json({ saved: input.id }));
const handler = route(z.object({ id: z.string() }), { permission: "write:desk", maxBodyBytes: 1000 }, run);
const call = (init: RequestInit & { headers?: Record<string, string> }) =>
  handler(new Request("http://app.test/api/things/a1", { ...init, headers: { host: "app.test", ...init.headers } }), { params: Promise.resolve({ id: "a1" }) });

describe("route() guards", () => {
  beforeEach(() => {
    run.mockClear();
    requirePermission.mockClear();
  });

  it("answers a cross-site POST with 403 JSON without reading the session or running the handler", async () => {
    const response = await call({ method: "POST", body: "{}", headers: { origin: "https://evil.example" } });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "forbidden:origin" });
    expect(requirePermission).not.toHaveBeenCalled();
    expect(run).not.toHaveBeenCalled();
  });

  it("answers a declared body over the limit with 413", async () => {
    const response = await call({ method: "POST", body: "x".repeat(2000), headers: { origin: "http://app.test", "content-length": "2000" } });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ code: "invalid:too_large" });
    expect(run).not.toHaveBeenCalled();
  });

  it("counts a body streamed without a length: 413 past the limit, the bytes handed on below it", async () => {
    const stream = (bytes: number) => new Blob(["x".repeat(bytes)]).stream();
    const over = await call({ method: "POST", body: stream(2000), duplex: "half", headers: { origin: "http://app.test" } } as RequestInit & { headers: Record<string, string> });
    expect(over.status).toBe(413);
    expect(await over.json()).toMatchObject({ code: "invalid:too_large" });
    expect(requirePermission).not.toHaveBeenCalled();
    expect(run).not.toHaveBeenCalled();

    const reads = vi.fn(async (_input: unknown, _user: unknown, request: Request) => Response.json({ length: (await request.text()).length }));
    const reading = route(z.object({ id: z.string() }), { permission: "write:desk", maxBodyBytes: 1000 }, reads);
    const under = await reading(
      new Request("http://app.test/api/things/a1", { method: "POST", body: stream(900), duplex: "half", headers: { host: "app.test", origin: "http://app.test" } } as RequestInit),
      { params: Promise.resolve({ id: "a1" }) },
    );
    expect(await under.json()).toEqual({ length: 900 });
  });

  it("runs same-origin mutations and any GET", async () => {
    expect((await call({ method: "POST", body: "{}", headers: { origin: "http://app.test" } })).status).toBe(200);
    expect((await call({ method: "GET", headers: { origin: "https://evil.example" } })).status).toBe(200);
    expect(run).toHaveBeenCalledTimes(2);
    expect(requirePermission).toHaveBeenCalledWith("write:desk");
  });
});
