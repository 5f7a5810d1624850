/**
 * `npm run demo`: one command from a fresh checkout to a running Factdesk
 * with demo data and demo sign-ins.
 *
 * - data/ holds the SQLite database (data/factdesk.db) and a generated
 *   AUTH_SECRET (data/.auth-secret), both kept between runs;
 * - migrations and the demo seed run in a child process (the seed is a
 *   no-op once any user exists, so your demo work survives restarts);
 * - `next build` runs only when the build is missing or older than the source;
 * - then `next start` on $PORT (default 3000).
 *
 * DATABASE_URL and AUTH_SECRET from the environment win over the defaults.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { DEMO_ACCOUNTS } from "../db/seed/demo-accounts";
import { redactUrl } from "./lib/redact";
import { NEXT_START_FLAGS } from "./lib/next-start-flags";
import { bin, buildIsFresh, foreground, ROOT, run, waitForHttp } from "./lib/process";

function authSecret(dataDir: string): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataDir, ".auth-secret");
  if (fs.existsSync(file)) {
    const stored = fs.readFileSync(file, "utf8").trim();
    if (stored.length >= 32) return stored;
  }
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

async function main(): Promise<void> {
  const dataDir = path.join(ROOT, "data");
  fs.mkdirSync(dataDir, { recursive: true });
  const port = process.env.PORT || "3000";
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DEMO_MODE: "1",
    AUTH_SECRET: authSecret(dataDir),
    DATABASE_URL: process.env.DATABASE_URL || `file:${path.join(dataDir, "factdesk.db")}`,
    PORT: port,
  };

  console.log(`Database: ${redactUrl(env.DATABASE_URL!)}`);
  if ((await run(bin("tsx"), ["--conditions=react-server", "scripts/seed.ts", "demo"], { env })) !== 0) {
    console.error("Migrating or seeding the database failed (see above).");
    process.exit(1);
  }

  if (buildIsFresh()) {
    console.log("The production build is up to date; skipping `next build`.");
  } else {
    console.log("Building Factdesk (next build)…");
    if ((await run(bin("next"), ["build"], { env })) !== 0) {
      console.error("`next build` failed (see above).");
      process.exit(1);
    }
  }

  foreground(bin("next"), ["start", "-p", port, ...NEXT_START_FLAGS], { env });
  const url = `http://localhost:${port}`;
  if (await waitForHttp(`${url}/api/health`)) {
    const width = Math.max(...DEMO_ACCOUNTS.map((a) => a.email.length));
    console.log(
      [
        "",
        `Factdesk demo is running at ${url}`,
        `  public fact-checks: ${url}/fact-checks`,
        `  sign in:            ${url}/login`,
        "",
        "Demo accounts (password for all: " + DEMO_ACCOUNTS[0]!.password + "):",
        ...DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(width)}  ${a.name} (${a.role})`),
        "",
        "Stop with Ctrl-C.",
        "",
      ].join("\n"),
    );
  } else {
    console.error(`The server did not answer on ${url}/api/health within a minute; see the output above.`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
