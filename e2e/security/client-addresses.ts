/**
 * HTTP from chosen client addresses, for the sign-in limit specs. Every
 * address in 127.0.0.0/8 is this machine, so a socket bound to 127.0.0.7
 * reaches the server on 127.0.0.1 and the server sees 127.0.0.7 as the
 * client: distinct real addresses without any header, which is what the
 * limits must key on. Browsers and `fetch` always come from 127.0.0.1.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import { NEXT_START_FLAGS } from "../../scripts/lib/next-start-flags";
import os from "node:os";
import path from "node:path";

type Reply = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One request from `localAddress`; never follows redirects. */
export function requestFrom(localAddress: string, url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: init.method ?? "GET", headers: init.headers, localAddress, agent: false }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on("error", reject);
    request.end(init.body);
  });
}

export type SignInOutcome = "signed_in" | "invalid" | "rate_limited";

/**
 * A credentials sign-in through the Auth.js endpoint from `localAddress`,
 * with `headers` on both requests (e.g. forged X-Forwarded-For). The answer
 * is a redirect: with a session cookie on success, else to the login page
 * with `code=rate_limited` or another refusal code.
 */
export async function signInFrom(base: string, localAddress: string, email: string, password: string, headers: Record<string, string> = {}): Promise<SignInOutcome> {
  const csrf = await requestFrom(localAddress, `${base}/api/auth/csrf`, { headers });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const reply = await requestFrom(localAddress, `${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/articles" }).toString(),
  });
  if ((reply.headers["set-cookie"] ?? []).some((c) => /session-token=[^;]/.test(c))) return "signed_in";
  const location = String(reply.headers.location ?? "");
  if (/[?&]code=rate_limited\b/.test(location)) return "rate_limited";
  if (/[?&]error=CredentialsSignin/.test(location)) return "invalid";
  throw new Error(`unexpected sign-in answer: HTTP ${reply.status} ${location} ${reply.body.slice(0, 200)}`);
}

/**
 * A server of this checkout's build with its own environment and a fresh
 * SQLite database seeded like the suite's, for settings the shared servers
 * cannot have (TRUST_PROXY, tight per-address limits). Started the way
 * playwright.config.ts starts its servers.
 */
export async function startServer(port: number, env: Record<string, string>): Promise<{ base: string; stop: () => Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factdesk-addr-"));
  const base = `http://127.0.0.1:${port}`;
  const bin = (name: string) => path.join(process.cwd(), "node_modules", ".bin", name);
  const child: ChildProcess = spawn("sh", ["-c", `${bin("tsx")} --conditions=react-server e2e/setup/seed.ts && exec ${bin("next")} start -H 127.0.0.1 -p ${port} ${NEXT_START_FLAGS.join(" ")}`], {
    env: {
      ...process.env,
      DATABASE_URL: `file:${path.join(dir, "e2e.db")}`,
      AUTH_SECRET: `addr-${Math.random().toString(36).slice(2)}-secret`,
      SITE_URL: base,
      PORT: String(port),
      DEMO_MODE: "0",
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
    stdio: "ignore",
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited with ${child.exitCode}`);
    const ready = await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false);
    if (ready) break;
    if (Date.now() > deadline) throw new Error(`server on ${port} did not start`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    base,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
