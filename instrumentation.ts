/**
 * Runs once when the Node server starts (Next's instrumentation hook).
 * It starts the background-job worker (server/jobs/in-app.ts).
 *
 * It watches the database for public-data changes made by other instances
 * (db/change-signal.ts), so this one drops its cached public pages and data
 * at once (server/page-cache/generation.ts).
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
  await refuseInvalidEnvironment();
  await watchOtherInstances();
  // Background jobs (archiving cited sources, link checks) run here unless JOBS_IN_APP=0 leaves them to `npm run worker`.
  // Not awaited: opening the queue (pg-boss creates its schema) must not hold up serving; it never throws.
  void import("./server/jobs/in-app").then(({ startInAppWorker }) => startInAppWorker());
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

/**
 * A setting with a value that is not one (TRUST_PROXY, JOBS_IN_APP, a limit that is no number) stops the server
 * here, naming it. Otherwise Next logs the failed hook and goes on listening, and every request that reads the
 * settings fails with a 500: an operator would see a broken site, not the reason.
 */
async function refuseInvalidEnvironment(): Promise<void> {
  // `next build` loads this too, without the settings the server will run with.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { env } = await import("./server/env");
  try {
    env();
  } catch (error) {
    console.error(`Factdesk cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

async function watchOtherInstances(): Promise<void> {
  // `next build` loads this too; there is nothing to watch then.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { defaultDatabaseUrl } = await import("./db/client");
  const { watchPublicChanges } = await import("./db/change-signal");
  const { bumpPublicDataGeneration } = await import("./server/page-cache/generation");
  try {
    await watchPublicChanges(defaultDatabaseUrl(), bumpPublicDataGeneration);
  } catch (error) {
    // The app still serves; cached public data then follows changes made elsewhere only when its copies expire.
    console.error("Not watching for changes made by other instances:", error instanceof Error ? error.message : error);
  }
}
