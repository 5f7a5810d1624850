/**
 * `npm start`: production start. Needs AUTH_SECRET (no default, on purpose)
 * and a build (`npm run build`); applies pending migrations to DATABASE_URL
 * (default: the SQLite file data/factdesk.db), then runs `next start` on
 * $PORT (default 3000). Nothing is seeded: with no users yet, open /setup
 * to create the first admin.
 */
import fs from "node:fs";
import { count } from "drizzle-orm";
import path from "node:path";
import { defaultDatabaseUrl, openDatabase } from "../db/client";
import { redactUrl } from "./lib/redact";
import { NEXT_START_FLAGS } from "./lib/next-start-flags";
import { bin, foreground, ROOT } from "./lib/process";

async function main(): Promise<void> {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const secret = process.env.AUTH_SECRET;
  if (!secret || secret.length < 16) {
    console.error(
      "AUTH_SECRET is not set (or shorter than 16 characters). Set it to a long random value, e.g.\n" +
        "  export AUTH_SECRET=$(node -e \"console.log(require('crypto').randomBytes(32).toString('base64url'))\")\n" +
        "For a local try-out, `npm run demo` generates one for you.",
    );
    process.exit(1);
  }
  if (!fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    console.error("There is no production build. Run `npm run build` first.");
    process.exit(1);
  }

  const url = defaultDatabaseUrl();
  console.log(`Applying migrations to ${redactUrl(url)}…`);
  const database = await openDatabase(url);
  const { applied, expected } = await database.migrations();
  const [users] = await database.db.select({ n: count() }).from(database.t.users);
  await database.close();
  console.log(`Migrations: ${applied} of ${expected} applied.`);
  if (Number(users?.n ?? 0) === 0) console.log("No users yet: open /setup in the browser to create the first admin.");

  const port = process.env.PORT || "3000";
  foreground(bin("next"), ["start", "-p", port, ...NEXT_START_FLAGS], { env: { ...process.env, PORT: port } });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
