/**
 * Bench data: N published fact-checks (default 10,000) with M claims in all
 * (default 100,000), each claim anchored in its snapshot with an approved
 * verdict (published: what readers see, by the rules of db/queries/public-visibility.ts), two citations and
 * an editor's approval, plus the demo accounts,
 * BENCH_USERS editors for the mutation benchmark and one draft article each
 * for them to work on.
 *
 * Published rows go in with multi-row INSERTs through drizzle on the real
 * schema, many articles per transaction: the per-row query functions would
 * take an hour. The database's own machinery still runs: the claim FTS
 * triggers (SQLite) and the GIN index (Postgres) index every claim, and the
 * audit log only ever gets INSERTs (it is append-only). Users and the draft
 * articles go through the query layer, as the app would create them.
 *
 * Standalone:
 *   npx tsx --conditions=react-server bench/generate.ts --url file:/tmp/bench.db [--articles 1000] [--claims 10000]
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../db/seed/demo-accounts";
import { openDatabase, useDatabase, type Database, type Db } from "../db/client";
import { createArticle, hashText } from "../db/queries/articles";
import { ensureDefaultRatings, listRatings } from "../db/queries/ratings";
import { seedUsers } from "../db/seed/users";
import { describeAnchor } from "../lib/anchoring/anchor";
import { randomBytes } from "node:crypto";
import { canonicalText, codePointLength, normalizeBlocks, type Block } from "../lib/anchoring/text";
import { slugify } from "../lib/workflow";
import { longArticle } from "./suites/anchoring";
import { seededRandom } from "../testing/seeded-random";
import { article, claimSentence, restate } from "./data/text";

export const BENCH_USERS = 10;
/** Articles per transaction: big enough to amortise the commit, small enough to keep each INSERT under the parameter limits. */
const BATCH = 250;
/** Rows per INSERT statement: SQLite allows 32,766 parameters, Postgres 65,535; claims have 18 columns. */
const ROWS_PER_INSERT = 1000;

/**
 * Ids in lib/ids.ts's shape (time prefix, 11 base64url characters) from one
 * random buffer per 4,096 ids: randomBytes per id was a tenth of the run.
 */
let pool = Buffer.alloc(0);
let poolAt = 0;
function newId(): string {
  if (poolAt + 8 > pool.length) {
    pool = randomBytes(8 * 4096);
    poolAt = 0;
  }
  poolAt += 8;
  return Date.now().toString(36).padStart(9, "0") + pool.subarray(poolAt - 8, poolAt).toString("base64url");
}

export type GenerateOptions = { articles: number; claims: number; seed?: number };

export type GeneratedData = {
  slugs: string[];
  /** Editors who may act concurrently; password DEMO_PASSWORD. */
  users: { email: string; password: string }[];
  /** One draft article per bench user, with its text, to create claims in. */
  drafts: { articleId: string; versionId: string; text: string }[];
  /** A sample of claim statements, to search with. */
  sampleStatements: string[];
  ratingIds: string[];
  counts: Record<string, number>;
  seconds: number;
};

async function insertChunked(tx: Db, table: Parameters<Db["insert"]>[0], rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one helper for every table
    await tx.insert(table).values(rows.slice(i, i + ROWS_PER_INSERT) as any);
  }
}

/**
 * Postgres: updating the claims GIN index row by row doubled the load time,
 * so it is dropped for the bulk load and built again from the migration's own
 * statement (the schema ends up exactly as migrated). SQLite's FTS triggers
 * stay: they are cheap, and they are the path every real insert takes.
 */
async function suspendSearchIndex(database: Database): Promise<() => Promise<void>> {
  if (database.dialect !== "postgres") return async () => {};
  const { sql } = await import("drizzle-orm");
  const migration = fs.readFileSync(path.join(process.cwd(), "db", "migrations", "pg", "0008_claim_search_vector.sql"), "utf8");
  const create = migration.split("\n").find((line) => line.startsWith("CREATE INDEX") && line.includes("claims_search_vector_idx"));
  if (!create) throw new Error("db/migrations/pg/0008_claim_search_vector.sql no longer creates claims_search_vector_idx: update bench/generate.ts");
  await database.db.execute(sql`drop index if exists claims_search_vector_idx`);
  return async () => {
    await database.db.execute(sql.raw(create));
  };
}

/** Fills an open, migrated, empty database. */
export async function generate(database: Database, options: GenerateOptions): Promise<GeneratedData> {
  const started = performance.now();
  useDatabase(database);
  const { t } = database;
  const benchAccounts = Array.from({ length: BENCH_USERS }, (_, i) => ({
    email: `bench-editor-${String(i + 1).padStart(2, "0")}@factdesk.test`,
    name: `Bench Editor ${i + 1}`,
    role: "editor" as const,
    password: DEMO_PASSWORD,
  }));
  const seeded = await seedUsers([...DEMO_ACCOUNTS, ...benchAccounts]);
  const byEmail = new Map(seeded.map((u) => [u.email, u]));
  const reviewer = byEmail.get("reviewer@factdesk.test")!;
  const editors = seeded.filter((u) => u.role === "editor");
  await ensureDefaultRatings();
  const ratings = (await listRatings()).filter((r) => !r.hidden);

  const r = seededRandom(options.seed ?? 1);
  const intros = longArticle(3000).map((b) => b.text);
  const perArticle = Math.max(1, Math.round(options.claims / options.articles));
  const counts: Record<string, number> = { articles: 0, claims: 0, verdicts: 0, citations: 0, reviews: 0, publications: 0, auditEvents: 0 };
  const slugs: string[] = [];
  const sampleStatements: string[] = [];
  const day = 86_400_000;
  const newest = Date.UTC(2026, 9, 1);

  const restoreSearchIndex = await suspendSearchIndex(database);
  for (let from = 0; from < options.articles; from += BATCH) {
    const rows = { articles: [], versions: [], claims: [], verdicts: [], citations: [], reviews: [], publications: [], audit: [] } as Record<string, Record<string, unknown>[]>;
    for (let i = from; i < Math.min(options.articles, from + BATCH); i++) {
      const a = article(r, i, perArticle, intros[i % intros.length]!);
      const blocks: Block[] = normalizeBlocks([{ kind: "heading", text: a.title }, ...a.paragraphs.map((text) => ({ kind: "paragraph" as const, text }))]);
      const text = canonicalText(blocks);
      // Oldest first, a few hours apart, so "newest first" lists and the feed have a real order.
      const at = new Date(newest - (options.articles - i) * (3 * day * 365 / options.articles));
      const articleId = newId();
      const versionId = newId();
      const author = reviewer.id;
      const editor = editors[i % editors.length]!;
      rows.articles!.push({ id: articleId, title: a.title, publisher: a.publisher, sourceUrl: `https://example.org/${i}`, status: "published", currentVersionId: versionId, createdBy: author, createdAt: at, updatedAt: at, language: "en" });
      rows.versions!.push({ id: versionId, articleId, number: 1, blocks, textHash: hashText(text), createdBy: author, createdAt: at, origin: "paste" });
      for (const [k, sentence] of a.claims.entries()) {
        const utf16 = text.indexOf(sentence);
        const start = codePointLength(text.slice(0, utf16));
        const anchor = describeAnchor(text, start, start + codePointLength(sentence));
        const claimId = newId();
        const verdictId = newId();
        const rating = ratings[Math.floor(r() * ratings.length)]!;
        const statement = restate(sentence);
        if (sampleStatements.length < 2000 && r() < 0.05) sampleStatements.push(statement);
        rows.claims!.push({ id: claimId, articleId, versionId, ...anchor, anchorStatus: "anchored", anchorScore: 1, statement, status: "approved", number: k + 1, currentVerdictId: verdictId, approvedVerdictId: verdictId, publishedVerdictId: verdictId, createdBy: author, createdAt: at, updatedAt: at });
        rows.verdicts!.push({ id: verdictId, claimId, revision: 1, ratingId: rating.id, statement, rationale: `${rating.description} ${claimSentence(r)} was checked against the sources below.`, authorId: author, createdAt: at });
        for (let c = 0; c < 2; c++) {
          rows.citations!.push({ id: newId(), verdictId, position: c, url: `https://example.org/source/${i}/${c}`, title: `Source ${c + 1} on ${statement.slice(0, 60)}`, publisher: "Example Institute", publishedOn: "2024-05-01", quote: null, stance: c === 0 ? "refutes" : "context", kind: c === 0 ? "study" : "agency", archiveUrl: null });
        }
        rows.reviews!.push({ id: newId(), verdictId, editorId: editor.id, decision: "approved", comment: "", createdAt: at });
      }
      const slug = `${slugify(a.title).slice(0, 60).replace(/-+$/, "")}-${i + 1}`;
      slugs.push(slug);
      rows.publications!.push({ id: newId(), articleId, slug, summary: `We checked ${a.claims.length} claims from ${a.publisher}.`, versionId, publishedBy: editor.id, publishedAt: at, updatedAt: at, live: true, headlineRatingId: ratings[i % ratings.length]!.id });
      rows.audit!.push({ id: newId(), actorId: editor.id, action: "article.publish", entityType: "article", entityId: articleId, before: null, after: { slug, generated: "bench" }, createdAt: at });
    }
    await database.transaction(async (tx) => {
      // Parents before children: the foreign keys are checked per statement.
      await insertChunked(tx, t.articles, rows.articles!);
      await insertChunked(tx, t.articleVersions, rows.versions!);
      await insertChunked(tx, t.claims, rows.claims!);
      await insertChunked(tx, t.verdicts, rows.verdicts!);
      await insertChunked(tx, t.citations, rows.citations!);
      await insertChunked(tx, t.reviews, rows.reviews!);
      await insertChunked(tx, t.publications, rows.publications!);
      await insertChunked(tx, t.auditEvents, rows.audit!);
    });
    counts.articles! += rows.articles!.length;
    counts.claims! += rows.claims!.length;
    counts.verdicts! += rows.verdicts!.length;
    counts.citations! += rows.citations!.length;
    counts.reviews! += rows.reviews!.length;
    counts.publications! += rows.publications!.length;
    counts.auditEvents! += rows.audit!.length;
  }

  await restoreSearchIndex();

  // Drafts for the mutation benchmark: through the query layer, like an import.
  const drafts: GeneratedData["drafts"] = [];
  const benchUsers = benchAccounts.map((a) => byEmail.get(a.email)!);
  for (const user of benchUsers) {
    const paragraphs = Array.from({ length: 60 }, () => `${claimSentence(r)} ${claimSentence(r)}`);
    const created = await createArticle({ title: `Bench draft for ${user.name}`, blocks: paragraphs.map((text) => ({ kind: "paragraph", text })), userId: user.id });
    drafts.push({ articleId: created.id, versionId: created.currentVersionId!, text: paragraphs.join("\n\n") });
  }
  if (database.dialect === "postgres") {
    // Fresh statistics, as autovacuum would have gathered on a live database, so plans are not made for empty tables.
    const { sql } = await import("drizzle-orm");
    await database.db.execute(sql`analyze`);
  }
  return {
    slugs,
    users: benchAccounts.map((a) => ({ email: a.email, password: a.password })),
    drafts,
    sampleStatements,
    ratingIds: ratings.map((x) => x.id),
    counts,
    seconds: (performance.now() - started) / 1000,
  };
}

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

async function main(): Promise<void> {
  const url = flag("url", process.env.DATABASE_URL ?? "");
  if (!url) {
    console.error("usage: tsx --conditions=react-server bench/generate.ts --url <DATABASE_URL of an empty database> [--articles N] [--claims N]");
    process.exit(2);
  }
  const articles = Number(flag("articles", "10000"));
  const claims = Number(flag("claims", String(articles * 10)));
  const database = await openDatabase(url);
  const data = await generate(database, { articles, claims });
  await database.close();
  console.log(JSON.stringify({ counts: data.counts, seconds: Math.round(data.seconds * 10) / 10, firstSlug: data.slugs[0] }, null, 2));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
