/**
 * Databases for the query test suite: every query test runs once per dialect
 * (DESIGN.md, "Data": queries are written once and run on both dialects).
 *
 *   describe.each(testDialects())("%s", (dialect) => {
 *     const ctx = useTestDatabase(dialect); // opens, migrates, seeds users and ratings
 *     it("…", async () => { … ctx.users.editor.id … });
 *   });
 *
 * Postgres: PG_TEST_URL (default postgres://postgres@127.0.0.1:5432/postgres)
 * names a server we may create databases on; each suite gets its own
 * `factdesk_test_<random>` database, copied from a migrated template
 * (`factdesk_template_<migrations hash>`, kept between runs) and dropped
 * afterwards, so engineers and CI jobs running the suite at once never share
 * rows. Without a reachable server
 * the Postgres suite runs on in-process PGlite instead (a throwaway copy of a
 * migrated data directory), unless FACTDESK_REQUIRE_POSTGRES=1 (CI), where
 * that is a hard failure.
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { openDatabase, useDatabase, type Database } from "@/db/client";
import { ensureDefaultRatings, listRatings, type Rating } from "@/db/queries/ratings";
import { createUser, type PublicUser } from "@/db/queries/users";

export type TestDatabaseFactory = {
  /** "sqlite", "postgres" or "pglite": what the suite title shows. */
  name: string;
  /** Creates, migrates and returns a fresh, empty database. Call once per factory. */
  open(): Promise<Database>;
  /** Closes the database and removes every trace of it (file or database). */
  dispose(): Promise<void>;
  toString(): string;
};

export const DEFAULT_PG_TEST_URL = "postgres://postgres@127.0.0.1:5432/postgres";

export function pgTestUrl(): string {
  return process.env.PG_TEST_URL || DEFAULT_PG_TEST_URL;
}

/** Hides the password when a URL appears in a message. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

export type Probe = { reachable: true } | { reachable: false; reason: string };

/** One short connection attempt; a 2 s timeout keeps a firewalled host from stalling the suite. */
export async function probePostgres(url: string): Promise<Probe> {
  const { default: postgres } = await import("postgres");
  const sql = postgres(url, { max: 1, connect_timeout: 2, idle_timeout: 1, onnotice: () => {} });
  try {
    await sql`select 1`;
    return { reachable: true };
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return { reachable: false, reason: e.code || e.message || String(error) };
  } finally {
    await sql.end({ timeout: 0 }).catch(() => undefined);
  }
}

// Probed once per test file (each file is its own module instance), before
// suites are collected, so the suite title says which engine really runs.
const probe: Probe = await probePostgres(pgTestUrl());

function named(name: string, factory: Omit<TestDatabaseFactory, "name" | "toString">): TestDatabaseFactory {
  return { name, ...factory, toString: () => name };
}

/** A database kept in a fresh temporary directory (`open` fills it); dispose closes it and removes the directory. */
function tempDirFactory(name: string, prefix: string, open: (dir: string) => Promise<Database>): TestDatabaseFactory {
  let dir: string | undefined;
  let database: Database | undefined;
  return named(name, {
    async open() {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      database = await open(dir);
      return database;
    },
    async dispose() {
      await database?.close();
      database = undefined;
      // The whole directory: SQLite's -wal and -shm files too.
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
      dir = undefined;
    },
  });
}

function sqliteFactory(): TestDatabaseFactory {
  // A real file (not :memory:) so the reader/writer connection split in db/client.ts is exercised.
  return tempDirFactory("sqlite", "factdesk-test-", (dir) => openDatabase(`file:${path.join(dir, "test.db")}`));
}

/**
 * Identifies a migrated template: the Postgres migrations (and, for PGlite,
 * its version). A new migration means a new template, never a stale one.
 */
function templateKey(includePglite: boolean): string {
  const hash = createHash("sha256");
  const migrations = path.join(process.cwd(), "db", "migrations", "pg");
  for (const file of fs.readdirSync(migrations, { recursive: true, encoding: "utf8" }).sort()) {
    const full = path.join(migrations, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  if (includePglite) {
    try {
      hash.update(fs.readFileSync(path.join(process.cwd(), "node_modules", "@electric-sql", "pglite", "package.json")));
    } catch {
      hash.update("pglite-version-unknown");
    }
  }
  return hash.digest("hex").slice(0, 16);
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function withAdmin<T>(adminUrl: string, fn: (sql: import("postgres").Sql) => Promise<T>): Promise<T> {
  const { default: postgres } = await import("postgres");
  const sql = postgres(adminUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A migrated template database on the server, built once per set of
 * migrations and kept (marked IS_TEMPLATE, no connections allowed) so each
 * suite's database is a quick copy instead of a fresh migration run. Test
 * files build it under an advisory lock, so parallel workers build it once.
 */
async function postgresTemplate(adminUrl: string): Promise<string> {
  const name = `factdesk_template_${templateKey(false)}`;
  return withAdmin(adminUrl, async (sql) => {
    await sql`select pg_advisory_lock(hashtext('factdesk_test_template'))`;
    try {
      const [row] = await sql<{ ready: boolean }[]>`select datistemplate as ready from pg_database where datname = ${name}`;
      if (row?.ready) return name;
      // Not marked as a template: a build that crashed half-way. Start again.
      if (row) await sql.unsafe(`drop database "${name}" with (force)`);
      await sql.unsafe(`create database "${name}"`);
      try {
        const database = await openDatabase(withDatabase(adminUrl, name));
        await database.close();
      } catch (error) {
        await sql.unsafe(`drop database if exists "${name}" with (force)`);
        throw error;
      }
      await sql.unsafe(`alter database "${name}" with is_template true allow_connections false`);
      return name;
    } finally {
      await sql`select pg_advisory_unlock(hashtext('factdesk_test_template'))`;
    }
  });
}

function postgresServerFactory(adminUrl: string): TestDatabaseFactory {
  const dbName = `factdesk_test_${randomBytes(6).toString("hex")}`;
  let database: Database | undefined;
  let created = false;
  return named("postgres", {
    async open() {
      const template = await postgresTemplate(adminUrl);
      await withAdmin(adminUrl, async (sql) => {
        for (let attempt = 1; ; attempt++) {
          try {
            await sql.unsafe(`create database "${dbName}" template "${template}"`);
            break;
          } catch (error) {
            // 55006: the template's builder is still disconnecting; copies need it idle.
            if ((error as { code?: string }).code !== "55006" || attempt >= 20) throw error;
            await sleep(100);
          }
        }
        created = true;
        // A throwaway database need not wait for the disk on every commit; keeps the Postgres run close to SQLite's speed.
        await sql.unsafe(`alter database "${dbName}" set synchronous_commit = off`);
      });
      // openDatabase still runs the migrator: a no-op on the copy, and a check that the template is current.
      database = await openDatabase(withDatabase(adminUrl, dbName));
      return database;
    },
    async dispose() {
      await database?.close();
      database = undefined;
      if (created) await withAdmin(adminUrl, (sql) => sql.unsafe(`drop database if exists "${dbName}" with (force)`));
      created = false;
    },
  });
}

/**
 * A migrated PGlite data directory, built once and shared by every test file
 * (and later runs) through os.tmpdir(). Why: a fresh in-memory PGlite runs
 * initdb, which takes 5–25 s on a busy 2-core machine; copying a ready data
 * directory and opening it takes 1–2 s. Keyed by the Postgres migrations and
 * the PGlite version, so a new migration builds a new template.
 */
async function pgliteTemplate(): Promise<string> {
  const template = path.join(os.tmpdir(), `factdesk-pglite-template-${templateKey(true)}`);
  const lock = `${template}.lock`;
  // Test files run in parallel workers: one builds, the others wait for the atomic rename.
  for (const started = Date.now(); ; ) {
    if (fs.existsSync(template)) return template;
    try {
      fs.mkdirSync(lock);
    } catch {
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      // A builder that crashed leaves its lock behind; initdb never takes minutes.
      if (age > 180_000) fs.rmSync(lock, { recursive: true, force: true });
      else if (Date.now() - started > 240_000) throw new Error(`Timed out waiting for the PGlite template (${lock})`);
      await sleep(250);
      continue;
    }
    try {
      if (fs.existsSync(template)) return template;
      const build = fs.mkdtempSync(`${template}-build-`);
      try {
        const database = await openDatabase(`pglite:${build}`);
        await database.close();
        fs.renameSync(build, template);
      } catch (error) {
        fs.rmSync(build, { recursive: true, force: true });
        throw error;
      }
      return template;
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}

function pgliteFactory(): TestDatabaseFactory {
  return tempDirFactory("pglite", "factdesk-pglite-", async (dir) => {
    fs.cpSync(await pgliteTemplate(), dir, { recursive: true });
    // openDatabase still runs the migrator: a no-op here, and a check that the template is current.
    return openDatabase(`pglite:${dir}`);
  });
}

function unreachableFactory(url: string, reason: string): TestDatabaseFactory {
  return named("postgres", {
    async open() {
      throw new Error(
        `FACTDESK_REQUIRE_POSTGRES=1 but no Postgres server answered at ${redact(url)} (${reason}). ` +
          "Start one, or point PG_TEST_URL at a server where this user may create databases.",
      );
    },
    async dispose() {},
  });
}

/**
 * The databases every query test runs on: SQLite (temp file) and Postgres
 * (a throwaway database on a real server, else PGlite). New factories per
 * call; each factory holds one database.
 */
export function testDialects(): TestDatabaseFactory[] {
  const url = pgTestUrl();
  let postgres: TestDatabaseFactory;
  if (probe.reachable) postgres = postgresServerFactory(url);
  else if (process.env.FACTDESK_REQUIRE_POSTGRES === "1") postgres = unreachableFactory(url, probe.reason);
  else postgres = pgliteFactory();
  return [sqliteFactory(), postgres];
}

export type SeededUsers = {
  reviewer: PublicUser;
  editor: PublicUser;
  /** A second editor, for the two-person rule and quorum 2. */
  editor2: PublicUser;
  admin: PublicUser;
};

/**
 * Points the query layer at `db`, creates a reviewer, two editors and an
 * admin (no passwords), and installs the default rating scale.
 */
export async function seedUsers(db: Database): Promise<SeededUsers & { ratings: Rating[] }> {
  useDatabase(db);
  const admin = await createUser({ email: "admin@example.test", name: "Ada Admin", role: "admin", passwordHash: null, actorId: null, firstUser: true });
  const reviewer = await createUser({ email: "reviewer@example.test", name: "Rae Reviewer", role: "reviewer", passwordHash: null, actorId: admin.id });
  const editor = await createUser({ email: "editor@example.test", name: "Eddie Editor", role: "editor", passwordHash: null, actorId: admin.id });
  const editor2 = await createUser({ email: "editor2@example.test", name: "Edna Editor", role: "editor", passwordHash: null, actorId: admin.id });
  await ensureDefaultRatings();
  return { reviewer, editor, editor2, admin, ratings: await listRatings() };
}

export type TestDatabaseContext = {
  database: Database;
  users: SeededUsers;
  ratings: Rating[];
  /** The rating with this label (throws on a typo, so a test cannot pass by accident). */
  rating(label: string): Rating;
};

/**
 * Registers beforeAll/afterAll for one dialect's suite: opens a fresh
 * database, points the query layer at it (`useDatabase`), seeds users and
 * ratings; disposes it afterwards. Read the returned object inside tests.
 * Pass `seed: false` to get an empty database (first-user setup tests).
 */
export function useTestDatabase(factory: TestDatabaseFactory, options: { seed?: boolean } = {}): TestDatabaseContext {
  const ctx = {} as TestDatabaseContext;
  beforeAll(async () => {
    const database = await factory.open();
    useDatabase(database);
    ctx.database = database;
    if (options.seed !== false) {
      const { ratings, ...users } = await seedUsers(database);
      ctx.users = users;
      ctx.ratings = ratings;
    } else {
      ctx.ratings = [];
    }
    ctx.rating = (label) => {
      const found = ctx.ratings.find((r) => r.label === label);
      if (!found) throw new Error(`No rating labelled ${label}`);
      return found;
    };
  });
  afterAll(async () => {
    await factory.dispose();
  });
  return ctx;
}
