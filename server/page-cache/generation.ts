/**
 * The public-data generation: a counter that server/public-cache.ts bumps
 * whenever public data changes, and the rendered-page cache (proxy.ts) reads
 * to drop every stored page at once.
 *
 * Why globalThis: proxy.ts and the app are bundled separately, so each bundle
 * gets its own copy of this module; a module-level variable would not be seen
 * across them. Both run in the same Node process under `next start`, so a
 * registry symbol on globalThis is shared. Other instances bump theirs when
 * the database tells them (db/change-signal.ts, watched from
 * instrumentation.ts).
 */
const KEY = Symbol.for("factdesk.public-data-generation");

type Holder = { [KEY]?: { value: number } };

function counter(): { value: number } {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= { value: 0 });
}

export function publicDataGeneration(): number {
  return counter().value;
}

export function bumpPublicDataGeneration(): void {
  counter().value += 1;
}
