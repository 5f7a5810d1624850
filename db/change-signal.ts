/**
 * "Public data changed", told to every instance of the app through the
 * database they share, so each drops its caches at once rather than after a
 * time limit.
 *
 * - PostgreSQL: `NOTIFY` on a channel every instance `LISTEN`s to. A listener
 *   that loses its connection may miss notifications, so each (re)connection
 *   counts as a change too.
 * - SQLite: the database is one file on one machine, usually served by one
 *   process; a script or a second process writing to it bumps a version row,
 *   which every app process reads every POLL_MS (one indexed read).
 * - PGlite (tests) lives inside one process: nothing to tell.
 *
 * Both write the version row (`change_signals`), so what changed is also on
 * record, and an announcement made inside a failed transaction is never seen.
 */
import { sql } from "drizzle-orm";
import { dialectOf, type Database } from "./client";

const PUBLIC_DATA = "public-data";
const CHANNEL = "factdesk_public_data";
const POLL_MS = 200;

/** Who announced: an instance ignores its own notifications (it dropped its caches already). */
const INSTANCE_KEY = Symbol.for("factdesk.instance-id");
function instanceId(): string {
  const holder = globalThis as { [INSTANCE_KEY]?: string };
  return (holder[INSTANCE_KEY] ??= crypto.randomUUID());
}

/** The versions this process wrote itself (shared across bundles on globalThis): the SQLite watcher skips them. */
const OWN_KEY = Symbol.for("factdesk.own-change-versions");
function ownVersions(): Set<number> {
  const holder = globalThis as { [OWN_KEY]?: Set<number> };
  return (holder[OWN_KEY] ??= new Set());
}

/** Tells every other instance that public data changed. Call after the change is committed. */
export async function announcePublicChange(database: Database): Promise<void> {
  const { db, t } = database;
  const [row] = await database.transaction((tx) =>
    tx
      .insert(t.changeSignals)
      .values({ name: PUBLIC_DATA, version: 1 })
      .onConflictDoUpdate({ target: t.changeSignals.name, set: { version: sql`${t.changeSignals.version} + 1` } })
      .returning({ version: t.changeSignals.version }),
  );
  if (row) {
    const own = ownVersions();
    own.add(row.version);
    if (own.size > 100) own.delete(own.values().next().value!);
  }
  if (database.dialect === "postgres") await db.execute(sql`select pg_notify(${CHANNEL}, ${instanceId()})`);
}

/**
 * Calls `onChange` whenever another instance or process announces a change,
 * on a connection of its own; returns a function that stops watching.
 */
export async function watchPublicChanges(url: string, onChange: () => void): Promise<() => Promise<void>> {
  const kind = dialectOf(url);
  if (kind === "pglite") return async () => {};
  if (kind === "postgres") {
    const { default: postgres } = await import("postgres");
    const client = postgres(url, { max: 1, onnotice: () => {} });
    const self = instanceId();
    await client.listen(
      CHANNEL,
      (from) => {
        if (from !== self) onChange();
      },
      // Called on every (re)connection: whatever was announced while disconnected is unknown, so count it as a change.
      onChange,
    );
    return () => client.end({ timeout: 5 });
  }
  return watchSqlite(url.replace(/^file:/, ""), onChange);
}

async function watchSqlite(file: string, onChange: () => void): Promise<() => Promise<void>> {
  const { default: BetterSqlite } = await import("better-sqlite3");
  let connection: InstanceType<typeof BetterSqlite> | null = null;
  let seen: number | undefined;
  const read = (): number | undefined => {
    try {
      connection ??= new BetterSqlite(file, { readonly: true, fileMustExist: true });
      const row = connection.prepare("select version from change_signals where name = ?").get(PUBLIC_DATA) as { version: number } | undefined;
      return row?.version ?? 0;
    } catch {
      // Not created or not migrated yet: the app creates it on its first request. Try again next time.
      return undefined;
    }
  };
  seen = read();
  const timer = setInterval(() => {
    const version = read();
    if (version === undefined || version === seen) return;
    const mine = seen !== undefined && version === seen + 1 && ownVersions().has(version);
    seen = version;
    if (!mine) onChange();
  }, POLL_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    connection?.close();
  };
}
