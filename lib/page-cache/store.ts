/**
 * A small in-process store of rendered public responses: LRU-bounded, each
 * entry kept for a few seconds, and all of them dropped the moment public data
 * changes in this process (see generation.ts). Concurrent misses for the same
 * key share one render, so a burst of readers on a cold page costs one render,
 * not fifty.
 */
import { publicDataGeneration } from "./generation";

export type Entry = {
  status: number;
  headers: [string, string][];
  body: string;
  /** The CSP nonce the body was rendered with: replaced by a fresh one on every answer. */
  nonce: string;
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
    const stored = this.entries.get(key);
    if (!stored) return undefined;
    if (stored.generation !== publicDataGeneration() || stored.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    // Map order is insertion order: re-inserting marks the entry most recently used.
    this.entries.delete(key);
    this.entries.set(key, stored);
    return stored.entry;
  }

  /**
   * The stored entry, or the result of `render` (shared with every concurrent
   * caller for the same key and generation). A render that started before an
   * invalidation is neither joined by later callers nor stored: it may have
   * read the old data.
   */
  async getOrRender(key: string, render: () => Promise<Rendered>): Promise<Rendered> {
    const hit = this.get(key);
    if (hit) return { entry: hit, storable: true };
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
