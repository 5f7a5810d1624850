/**
 * Runs once when the Node server starts (Next's instrumentation hook).
 *
 * Without a trusted proxy (TRUST_PROXY unset), forwarding headers can only
 * come from the client. Next records the socket address in X-Forwarded-For
 * only when the request has none, so a client sending one made-up address
 * would be counted as that address by the sign-in limits. Dropping the
 * client's forwarding headers before Next reads the request makes Next record
 * the real socket address (server/security/client-ip.ts explains the rest).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { subscribe } = await import("node:diagnostics_channel");
  const { env } = await import("./server/env");
  if (env().TRUST_PROXY.kind !== "none") return;
  subscribe("http.server.request.start", (message) => {
    const { request } = message as { request: import("node:http").IncomingMessage };
    delete request.headers["x-forwarded-for"];
    delete request.headers["x-forwarded-host"];
    delete request.headers["x-real-ip"];
  });
}
