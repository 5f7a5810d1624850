import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it, vi } from "vitest";

/** A real receiver on loopback: what an operator's purger would get. */
const received: { method?: string; type?: string; body: string }[] = [];
const receiver = http.createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => (body += chunk));
  request.on("end", () => {
    received.push({ method: request.method, type: request.headers["content-type"], body });
    response.end("ok");
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  vi.stubEnv("PURGE_WEBHOOK_URL", `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/purge?token=s3cret`);
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await new Promise((resolve) => receiver.close(resolve));
});

it("posts the public paths to the operator's purge URL when public data changes", async () => {
  const { PURGE_PATHS, requestPurge } = await import("./purge-hook");
  requestPurge();
  await vi.waitFor(() => expect(received).toHaveLength(1));
  const [call] = received;
  expect(call!.method).toBe("POST");
  expect(call!.type).toBe("application/json");
  const payload = JSON.parse(call!.body) as { event: string; at: string; paths: string[] };
  expect(payload.event).toBe("public-data-changed");
  expect(Date.parse(payload.at)).not.toBeNaN();
  expect(payload.paths).toEqual([...PURGE_PATHS]);
  // Every public route the page cache serves lies under one of the prefixes.
  for (const path of ["/fact-checks", "/fact-checks/a-b", "/fact-checks/a-b/claims/x", "/fact-checks/feed.xml", "/embed/claims/x", "/api/public/fact-checks/a", "/about", "/sitemaps/claims-1.xml"]) {
    expect(payload.paths.some((prefix) => path.startsWith(prefix)), path).toBe(true);
  }
});
