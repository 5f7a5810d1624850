/**
 * Backup and restore of the whole database, either dialect.
 *
 *   DATABASE_URL=file:data/factdesk.db npm run backup -- export backup.ndjson.gz
 *   DATABASE_URL=postgres://…/factdesk_new npm run backup -- restore backup.ndjson.gz
 *
 * export: every table (derived from db/schema) to one NDJSON file, gzipped
 * when the name ends in .gz, with a format version and the migration level.
 * restore: into an empty database (a missing SQLite file or an empty
 * Postgres database is created/migrated first); a database with rows is
 * refused unless --force, which adds the rows in one transaction and aborts
 * on the first collision, changing nothing.
 * A SQLite backup restores into Postgres and the other way round.
 */
import { openDatabase, defaultDatabaseUrl } from "../db/client";
import { exportBackup } from "../db/backup/export";
import { restoreBackup } from "../db/backup/restore";
import { redactUrl } from "./lib/redact";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const [command, file] = args.filter((a) => a !== "--force");
  if ((command !== "export" && command !== "restore") || !file) {
    console.error("Usage: npm run backup -- export <file[.gz]>   |   npm run backup -- restore <file[.gz]> [--force]\nDATABASE_URL picks the database (default: data/factdesk.db). --force restores into a database that already has rows (all or nothing).");
    process.exit(2);
  }
  const url = defaultDatabaseUrl();
  const database = await openDatabase(url);
  const started = Date.now();
  try {
    const counts = command === "export" ? await exportBackup(database, file) : await restoreBackup(database, file, { allowNonEmpty: force });
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`${command === "export" ? "Exported" : "Restored"} ${rows} rows in ${Object.keys(counts).length} tables ${command === "export" ? "from" : "into"} ${redactUrl(url)} ${command === "export" ? "to" : "from"} ${file} (${Date.now() - started} ms).`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
