/**
 * The archive of cited sources, for operators:
 *
 *   npm run archive -- export <directory>      every kept copy: manifest.jsonl, then <sha256>.txt (and .html for pages)
 *   npm run archive -- purge [--before 2026-01-01]   remove copies no citation relies on (link-check copies, leftovers)
 *   npm run archive -- size                    how many copies and bytes are kept
 *
 * DATABASE_URL picks the database (default: data/factdesk.db). Turning
 * archiving off is ARCHIVE=off (README, "Archived sources").
 */
import fs from "node:fs";
import path from "node:path";
import { defaultDatabaseUrl, openDatabase } from "../db/client";
import { archiveSize, archivedCopies, purgeUncitedCopies } from "../db/queries/source-maintenance";
import { canonicalText } from "../lib/anchoring/text";

const USAGE = `Usage: npm run archive -- export <directory>
       npm run archive -- purge [--before YYYY-MM-DD]
       npm run archive -- size`;

async function main(args: string[]): Promise<void> {
  const [command, ...rest] = args;
  const database = await openDatabase(defaultDatabaseUrl());
  try {
    if (command === "export" && rest[0]) {
      const dir = path.resolve(rest[0]);
      fs.mkdirSync(dir, { recursive: true });
      const manifest = fs.createWriteStream(path.join(dir, "manifest.jsonl"));
      let count = 0;
      for await (const { fetch, snapshot } of archivedCopies(database)) {
        const files = [`${snapshot.sha256}.txt`, ...(snapshot.html ? [`${snapshot.sha256}.html`] : [])];
        if (!fs.existsSync(path.join(dir, files[0]!))) {
          fs.writeFileSync(path.join(dir, files[0]!), canonicalText(snapshot.blocks));
          if (snapshot.html) fs.writeFileSync(path.join(dir, files[1]!), snapshot.html);
        }
        const line = { fetchId: fetch.id, url: fetch.url, finalUrl: fetch.finalUrl, httpStatus: fetch.httpStatus, fetchedAt: fetch.fetchedAt.toISOString(), purpose: fetch.purpose, sha256: snapshot.sha256, contentType: snapshot.contentType, title: snapshot.title, files };
        manifest.write(`${JSON.stringify(line)}\n`);
        count++;
      }
      await new Promise<void>((resolve) => manifest.end(resolve));
      console.log(`Exported ${count} archived fetch${count === 1 ? "" : "es"} to ${dir}`);
    } else if (command === "purge") {
      const at = rest.indexOf("--before");
      const value = at >= 0 ? rest[at + 1] : undefined;
      if (at >= 0 && (!value || !/^\d{4}-\d\d-\d\d$/.test(value))) throw new Error(`--before needs a date such as 2026-01-01.\n${USAGE}`);
      const { copies, bytes } = await purgeUncitedCopies(database, value ? { before: new Date(`${value}T00:00:00Z`) } : {});
      console.log(`Removed ${copies} cop${copies === 1 ? "y" : "ies"} no citation relies on (${(bytes / 1024 / 1024).toFixed(1)} MB).`);
    } else if (command === "size") {
      const { copies, bytes } = await archiveSize(database);
      console.log(`${copies} cop${copies === 1 ? "y" : "ies"} kept, ${(bytes / 1024 / 1024).toFixed(1)} MB.`);
    } else {
      throw new Error(USAGE);
    }
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
