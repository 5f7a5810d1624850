/**
 * A small in-process store of rendered public responses: LRU-bounded, each
 * entry fresh for a few seconds (and served once more while it refreshes),
 * and all of them dropped the moment public data changes in this process
 * (see generation.ts). Concurrent misses for the same
 * key share one render, so a burst of readers on a cold page costs one render,
 * not fifty.
 */
import { publicDataGeneration } from "./generation";

export type Entry = {
  status: number;
  headers: [string, string][];
  body: string;
  /** The CSP nonce the body was rendered with: replaced by a fresh one on every answer. Empty for a plain document. */
  nonce: string;
  /** A plain document (static-document.ts): no inline script, the same bytes for every reader, served under a policy without a nonce. */
  plain: boolean;
};

/** What a render produced: an entry, and whether it may be stored (an error page is served once, never kept). */
export type Rendered = { entry: Entry; storable: boolean };

export type StoreOptions = { ttlMs: number; maxEntries: number; now?: () => number };

type Stored = { entry: Entry; expires: number; generation: number };

export class PageStore {
  private readonly entries = new Map<string, Stored>();
  private readonly inflight = new Map<string, Promise<Rendered>>();
  private readonly now: () => number;

  constructor(private readonly options: StoreOptions) {
    this.now = options.now ?? Date.now;
  }

  /** A fresh entry for the key, or undefined. */
  get(key: string): Entry | undefined {
    const found = this.lookup(key);
    return found?.fresh ? found.entry : undefined;
  }

  /**
   * The stored entry, or the result of `render` (shared with every concurrent
   * caller for the same key and generation). An entry whose time is up but
   * which is younger than twice its time limit is still served while one
   * render refreshes it in the background: otherwise every reader arriving
   * at the moment of expiry would wait for that render. Changed public data
   * (a new generation) is never served stale.
   */
  async getOrRender(key: string, render: () => Promise<Rendered>): Promise<Rendered & { source: "hit" | "stale" | "render" }> {
    const found = this.lookup(key);
    if (found?.fresh) return { entry: found.entry, storable: true, source: "hit" };
    if (found) {
      // The refresh's failure is the next reader's concern: it will render (and see the error) itself.
      this.renderShared(key, render).catch(() => {});
      return { entry: found.entry, storable: true, source: "stale" };
    }
    return { ...(await this.renderShared(key, render)), source: "render" };
  }

  /** A render that started before an invalidation is neither joined by later callers nor stored: it may have read the old data. */
  private renderShared(key: string, render: () => Promise<Rendered>): Promise<Rendered> {
    const generation = publicDataGeneration();
    const flightKey = `${generation}\n${key}`;
    const pending = this.inflight.get(flightKey);
    if (pending) return pending;
    const started = this.now();
    const promise = render()
      .then((rendered) => {
        if (rendered.storable && generation === publicDataGeneration()) this.put(key, rendered.entry, generation, started);
        return rendered;
      })
      .finally(() => this.inflight.delete(flightKey));
    this.inflight.set(flightKey, promise);
    return promise;
  }

  /** The entry and whether it is still within its time; undefined once it is from an older generation or past twice its time. */
  private lookup(key: string): { entry: Entry; fresh: boolean } | undefined {
    const stored = this.entries.get(key);
    if (!stored) return undefined;
    const now = this.now();
    if (stored.generation !== publicDataGeneration() || stored.expires + this.options.ttlMs <= now) {
      this.entries.delete(key);
      return undefined;
    }
    // Map order is insertion order: re-inserting marks the entry most recently used.
    this.entries.delete(key);
    this.entries.set(key, stored);
    return { entry: stored.entry, fresh: stored.expires > now };
  }

  get size(): number {
    return this.entries.size;
  }

  private put(key: string, entry: Entry, generation: number, started: number): void {
    if (this.options.ttlMs <= 0 || this.options.maxEntries <= 0) return;
    this.entries.delete(key);
    // The time limit counts from when the render started, so it bounds how old the data can be.
    this.entries.set(key, { entry, generation, expires: started + this.options.ttlMs });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}

/** Every occurrence of the stored nonce replaced by this response's nonce. */
export function withNonce(body: string, stored: string, fresh: string): string {
  return stored ? body.split(stored).join(fresh) : body;
}
