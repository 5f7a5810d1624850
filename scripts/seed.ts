/**
 * Migrates a database and seeds it.
 *
 *   tsx --conditions=react-server scripts/seed.ts demo    # the full demo (no-op once any user exists)
 *   tsx --conditions=react-server scripts/seed.ts users   # the demo accounts and the rating scale only
 *
 * The database is DATABASE_URL (default: the SQLite file data/factdesk.db).
 * `--conditions=react-server` makes db/queries' `import "server-only"` resolve
 * to its no-op build outside Next.
 */
import { defaultDatabaseUrl, openDatabase, useDatabase } from "@/db/client";
import { ensureDefaultRatings } from "@/db/queries/ratings";
import { seedDemo } from "@/db/seed/demo";
import { seedUsers } from "@/db/seed/users";
import { DEMO_ACCOUNTS } from "@/db/seed/demo-accounts";
import { redactUrl } from "./lib/redact";

async function main(): Promise<void> {
  const mode = process.argv[2] ?? "demo";
  if (mode !== "demo" && mode !== "users") {
    console.error(`Unknown seed "${mode}". Use "demo" or "users".`);
    process.exit(2);
  }
  const url = defaultDatabaseUrl();
  const database = await openDatabase(url);
  useDatabase(database);
  try {
    if (mode === "demo") {
      const result = await seedDemo();
      console.log(
        result.seeded
          ? `Seeded the demo into ${redactUrl(url)}: ${result.articles} articles, ${result.claims} claims.`
          : `The database at ${redactUrl(url)} already has users; left it as it is.`,
      );
    } else {
      await seedUsers(DEMO_ACCOUNTS);
      await ensureDefaultRatings();
      console.log(`Seeded ${DEMO_ACCOUNTS.length} accounts and the rating scale into ${redactUrl(url)}.`);
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
