import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { createRoundRobinProxy, roundRobin } from "./round-robin";

describe("roundRobin", () => {
  it("cycles through the items in order, forever", () => {
    const next = roundRobin(["a", "b", "c"]);
    expect(Array.from({ length: 7 }, next)).toEqual(["a", "b", "c", "a", "b", "c", "a"]);
  });

  it("refuses an empty list", () => {
    expect(() => roundRobin([])).toThrow();
  });
});

describe("createRoundRobinProxy", () => {
  const servers: http.Server[] = [];
  const listen = (server: http.Server) =>
    new Promise<string>((resolve) => {
      servers.push(server);
      server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
    });
  afterAll(() => {
    for (const s of servers) s.close();
  });

  it("alternates requests between the upstreams and passes status, headers, path and body through", async () => {
    const upstream = (name: string) =>
      http.createServer((req, res) => {
        let body = "";
        req.on("data", (c: Buffer) => (body += c.toString()));
        req.on("end", () => {
          res.writeHead(201, { "x-upstream": name });
          res.end(`${name} ${req.method} ${req.url} ${body}`);
        });
      });
    const a = await listen(upstream("a"));
    const b = await listen(upstream("b"));
    const proxy = await listen(createRoundRobinProxy([a, b]));
    const replies = [];
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${proxy}/x?i=${i}`, { method: "POST", body: `n${i}` });
      replies.push([response.status, response.headers.get("x-upstream"), await response.text()]);
    }
    expect(replies).toEqual([
      [201, "a", "a POST /x?i=0 n0"],
      [201, "b", "b POST /x?i=1 n1"],
      [201, "a", "a POST /x?i=2 n2"],
    ]);
  });
});
