/**
 * Run by each e2e webServer before `next start` (see playwright.config.ts):
 * migrates DATABASE_URL and adds the e2e accounts and the rating scale.
 * No articles: every test makes its own.
 *
 *   DATABASE_URL=… tsx --conditions=react-server e2e/setup/seed.ts
 */
import { openDatabase, useDatabase } from "../../db/client";
import { ensureDefaultRatings } from "../../db/queries/ratings";
import { seedUsers } from "../../db/seed/users";
import { E2E_ACCOUNTS } from "../fixtures/accounts";

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("e2e seed: set DATABASE_URL (playwright.config.ts does)");
  const database = await openDatabase(url);
  useDatabase(database);
  try {
    await seedUsers(E2E_ACCOUNTS);
    await ensureDefaultRatings();
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
