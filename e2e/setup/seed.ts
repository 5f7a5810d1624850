/**
 * Run by each e2e webServer before `next start` (see playwright.config.ts):
 * migrates DATABASE_URL, loads the demo (accounts, rating scale, the five
 * kratom articles, one published fact-check: public-surface specs check
 * every demo fact-check), then adds the remaining e2e accounts. Every other
 * test still makes its own articles.
 *
 *   DATABASE_URL=… tsx --conditions=react-server e2e/setup/seed.ts
 */
import { openDatabase, useDatabase } from "../../db/client";
import { ensureDefaultRatings } from "../../db/queries/ratings";
import { seedDemo } from "../../db/seed/demo";
import { seedUsers } from "../../db/seed/users";
import { E2E_ACCOUNTS } from "../fixtures/accounts";

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("e2e seed: set DATABASE_URL (playwright.config.ts does)");
  const database = await openDatabase(url);
  useDatabase(database);
  try {
    await seedDemo();
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
