/**
 * A minimal round-robin HTTP proxy, to measure two app instances behind one
 * address. No health checks, no retries: a benchmark should see every error.
 * Runs as its own process (so its CPU is not autocannon's):
 *   tsx bench/lib/round-robin.ts <port> <upstream> <upstream>…
 */
import http from "node:http";
import { pathToFileURL } from "node:url";

/** Cycles through `items` forever; pure, so it is unit-tested. */
export function roundRobin<T>(items: readonly T[]): () => T {
  if (items.length === 0) throw new Error("roundRobin needs at least one item");
  let next = 0;
  return () => {
    const item = items[next]!;
    next = (next + 1) % items.length;
    return item;
  };
}

export function createRoundRobinProxy(upstreams: readonly string[]): http.Server {
  const pick = roundRobin(upstreams.map((u) => new URL(u)));
  // Keep-alive to the upstreams, as a real load balancer would: no TCP handshake per request.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  return http.createServer((req, res) => {
    const target = pick();
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host }, agent },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.headers);
        reply.pipe(res);
      },
    );
    upstream.on("error", (error) => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end(`proxy: ${error.message}`);
    });
    req.pipe(upstream);
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [port, ...upstreams] = process.argv.slice(2);
  createRoundRobinProxy(upstreams).listen(Number(port), "127.0.0.1");
}
