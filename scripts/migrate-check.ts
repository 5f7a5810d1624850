/**
 * Moves a Check workspace into Factdesk from the command line, as the admin page does (/admin/check-import):
 *
 *   npm run migrate:check -- check-export.zip [--as admin@example.org] [--map "Falso=Inaccurate"]… [--dry-run]
 *
 * A status named by --map goes to that label ("=" alone: not a verdict). The others are mapped as the page would propose: the mapping remembered from earlier imports, a status spelled
 * like a label of the scale, Check's "false" and "verified" to the ends of the scale, anything else "not a
 * verdict"; members get the role Check's maps to. The import is one batch, audited as the admin named by --as
 * (default: the first active admin), and can be undone on the Prior checks page until it is used. The last line
 * printed is the summary: "imported: N fact-checks, N explainers, N items, N users; skipped: N", where skipped
 * counts rows that could not be read and rows an earlier import already brought in.
 */
import fs from "node:fs";
import { and, asc, eq } from "drizzle-orm";
import { defaultDatabaseUrl, openDatabase, useDatabase } from "@/db/client";
import { importCheckExport, rememberedMapping } from "@/db/queries/check-import";
import { listRatings } from "@/db/queries/ratings";
import { AppError } from "@/lib/errors";
import { readCheckExport } from "@/server/interop/check-export";
import { defaultMapping, statusKey } from "@/server/interop/check-plan";
import { redactUrl } from "./lib/redact";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const options: { as?: string; map: string[]; dryRun: boolean; files: string[] } = { map: [], dryRun: false, files: [] };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--as") options.as = args[++i];
    else if (args[i] === "--map") options.map.push(args[++i] ?? "");
    else if (args[i] === "--dry-run") options.dryRun = true;
    else options.files.push(args[i]!);
  }
  const { as, dryRun } = options;
  const file = options.files[0];
  if (!file || options.files.length > 1 || (args.includes("--as") && !as) || options.map.some((m) => !m.includes("="))) {
    console.error("Usage: npm run migrate:check -- <check-export.zip> [--as admin@example.org] [--map \"status=label\"]… [--dry-run]\nDATABASE_URL picks the database (default: data/factdesk.db).");
    process.exit(2);
  }
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new AppError("invalid:migrate", `There is no file ${file}.`);
  const read = readCheckExport(new Uint8Array(fs.readFileSync(file)));
  const url = defaultDatabaseUrl();
  const database = await openDatabase(url);
  useDatabase(database);
  try {
    const { db, t } = database;
    const [admin] = await db
      .select()
      .from(t.users)
      .where(and(eq(t.users.role, "admin"), eq(t.users.active, true), as ? eq(t.users.email, as.toLowerCase()) : undefined))
      .orderBy(asc(t.users.createdAt))
      .limit(1);
    if (!admin) throw new AppError("invalid:migrate", as ? `No active admin has the address ${as}.` : "The database has no active admin to record the import as. Create one first (npm run demo, or the set-up page).");
    const scale = (await listRatings()).filter((r) => !r.hidden);
    const mapping = defaultMapping(read.statuses.map((s) => s.status), scale, await rememberedMapping());
    for (const pair of options.map) {
      const [status, label] = [pair.slice(0, pair.indexOf("=")).trim(), pair.slice(pair.indexOf("=") + 1).trim()];
      const rating = scale.find((r) => r.label.toLowerCase() === label.toLowerCase());
      if (label && !rating) throw new AppError("invalid:migrate", `The rating scale has no label “${label}”. Labels: ${scale.map((r) => r.label).join(", ")}.`);
      mapping[statusKey(status)] = rating?.id ?? null;
    }
    const ratings = new Map(scale.map((r) => [r.id, r.label]));
    for (const [status, ratingId] of Object.entries(mapping)) console.log(`status “${status}” → ${ratingId ? ratings.get(ratingId) : "not a verdict"}`);
    for (const s of read.skipped.slice(0, 50)) console.log(`cannot read ${s.file}, line ${s.row}: ${s.reason}`);
    if (read.skipped.length > 50) console.log(`…and ${read.skipped.length - 50} more rows that cannot be read.`);
    const started = Date.now();
    if (dryRun) {
      console.log(`dry run: nothing written to ${redactUrl(url)}.`);
      console.log(`imported: 0 fact-checks, 0 explainers, 0 items, 0 users; skipped: ${read.skipped.length}`);
      return;
    }
    const result = await importCheckExport({ read, label: file.split("/").pop()!, mapping, roles: {}, actorId: admin.id });
    console.log(`import ${result.batchId} into ${redactUrl(url)} as ${admin.email} in ${Date.now() - started} ms; ${result.alreadyThere} rows were already there.`);
    const n = result.imported;
    console.log(`imported: ${n.factChecks} fact-checks, ${n.explainers} explainers, ${n.items} items, ${n.users} users; skipped: ${result.unreadable + result.alreadyThere}`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof AppError ? error.message : error);
  process.exit(1);
});
