/**
 * A TLS-terminating reverse proxy as deployments put in front of the app:
 * https on its own port, forwarding to the app over plain http with the
 * Host people used, and no X-Forwarded-Proto (the README lets an https
 * SITE_URL stand in for it). The app therefore sees http requests, and only
 * SITE_URL says that people reach it over https.
 */
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { testCertificate } from "./test-certificate";

export async function startReverseProxy(upstreamPort: number): Promise<{ port: number; stop(): Promise<void> }> {
  const { key, cert } = await testCertificate();
  const server = https.createServer({ key, cert }, (incoming, outgoing) => {
    const forwarded = http.request({ host: "127.0.0.1", port: upstreamPort, method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    forwarded.on("error", () => outgoing.writeHead(502).end());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
