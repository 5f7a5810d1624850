/**
 * The "full export": the whole organisation as one ZIP of documented CSV
 * files (db/backup/csv-export.ts), and restoring one into an empty Factdesk.
 *
 *   DATABASE_URL=file:data/factdesk.db npm run export -- factdesk-export.zip
 *   DATABASE_URL=postgres://…/factdesk_new npm run restore:export -- factdesk-export.zip [--password-for admin@example.org]
 *
 * The export has no password hashes, so nobody can sign in with a password
 * after a restore; --password-for asks for a password (hidden, or read from
 * standard input when it is piped) and gives it to that user, so an admin
 * can sign in and give everyone else one ("Set password" on Admin → Users).
 * People with single sign-on keep it.
 * Like `npm run backup`, either dialect restores into the other.
 */
import fs from "node:fs";
import { defaultDatabaseUrl, openDatabase } from "../db/client";
import { exportCsvZip } from "../db/backup/csv-export";
import { restoreCsvZip } from "../db/backup/csv-restore";
import { hashPassword } from "../server/password";
import { redactUrl } from "./lib/redact";

const USAGE = `Usage: npm run export -- <file.zip>
       npm run restore:export -- <file.zip> [--password-for <email>]
DATABASE_URL picks the database (default: data/factdesk.db). A restore needs an empty database.`;

/** The same bounds as a password set in the app (app/(desk)/admin/users/actions.ts). */
const MIN_PASSWORD = 12;
const MAX_PASSWORD = 200;

async function readPassword(email: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    let text = "";
    for await (const chunk of stdin) text += String(chunk);
    return text.replace(/\r?\n$/, "");
  }
  // Typed at a terminal: read raw keystrokes so the password is not echoed.
  process.stderr.write(`Password for ${email} (not shown): `);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding("utf8");
  return new Promise((resolve, reject) => {
    let typed = "";
    const onData = (key: string) => {
      for (const ch of key) {
        if (ch === "\r" || ch === "\n") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          process.stderr.write("\n");
          return resolve(typed);
        }
        if (ch === "\u0003") return reject(new Error("Cancelled."));
        typed = ch === "\u007f" ? typed.slice(0, -1) : typed + ch;
      }
    };
    stdin.on("data", onData);
  });
}

async function exportTo(file: string): Promise<void> {
  const url = defaultDatabaseUrl();
  const database = await openDatabase(url);
  const started = Date.now();
  const out = fs.createWriteStream(file);
  try {
    const { counts, zipBytes } = await exportCsvZip(database, out);
    await new Promise<void>((resolve, reject) => out.once("error", reject).end(resolve));
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`Exported ${rows} rows in ${Object.keys(counts).length} tables from ${redactUrl(url)} to ${file} (${zipBytes < 1024 * 1024 ? `${Math.ceil(zipBytes / 1024)} KB` : `${(zipBytes / 1024 / 1024).toFixed(1)} MB`}, ${Date.now() - started} ms).`);
  } catch (error) {
    // A half-written ZIP must not be mistaken for an export.
    out.destroy();
    fs.rmSync(file, { force: true });
    throw error;
  } finally {
    await database.close();
  }
}

async function restoreFrom(file: string, passwordFor: string | undefined): Promise<void> {
  const passwords: Record<string, string> = {};
  if (passwordFor) {
    const password = await readPassword(passwordFor);
    if (password.length < MIN_PASSWORD || password.length > MAX_PASSWORD) throw new Error(`Use a password of ${MIN_PASSWORD} to ${MAX_PASSWORD} characters.`);
    passwords[passwordFor] = await hashPassword(password);
  }
  const url = defaultDatabaseUrl();
  const database = await openDatabase(url);
  const started = Date.now();
  try {
    const counts = await restoreCsvZip(database, file, { passwords });
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`Restored ${rows} rows in ${Object.keys(counts).length} tables into ${redactUrl(url)} from ${file} (${Date.now() - started} ms).`);
    console.log(
      passwordFor
        ? `${passwordFor} can sign in with the password given and give everyone else one (Set password on Admin → Users); single sign-on still works.`
        : "Nobody has a password: people sign in through single sign-on, or restore into an empty database again with --password-for <admin email>.",
    );
  } finally {
    await database.close();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const restore = args[0] === "restore";
  const rest = restore ? args.slice(1) : args;
  const at = rest.indexOf("--password-for");
  const passwordFor = at >= 0 ? rest[at + 1] : undefined;
  const files = rest.filter((_, i) => at < 0 || (i !== at && i !== at + 1));
  if (files.length !== 1 || files[0]!.startsWith("--") || (at >= 0 && (!restore || !passwordFor))) {
    console.error(USAGE);
    process.exit(2);
  }
  if (restore) await restoreFrom(files[0]!, passwordFor);
  else await exportTo(files[0]!);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
