import "server-only";
import { asc, gt } from "drizzle-orm";
import { stems } from "@/lib/claim-matching/text";
import type { Idf } from "@/lib/claim-matching/features";
import { getDatabase, type Database } from "../client";

/**
 * How many claims use each word (stemmed as claim matching stems it), for the re-ranker's "rare words"
 * features: a shared "mitragynine" says more than a shared "health". Counted over every claim's restatement
 * and quote, kept per database for FRESH_MS and then recounted in the background while the old counts serve:
 * a few hundred new claims barely move a word's rarity.
 */
const FRESH_MS = 10 * 60_000;
const PAGE = 5000;

/** Rarity of words over the claims: BM25's idf, and how many claims use a word (its document frequency) of how many. */
export type WordRarity = { idf: Idf; documents: (stem: string) => number; total: number };
type Counts = { at: number; rarity: WordRarity; refreshing: Promise<void> | null };
const byDatabase = new WeakMap<Database, Counts>();

async function count(database: Database): Promise<WordRarity> {
  const { db, t } = database;
  const df = new Map<string, number>();
  let total = 0;
  let after = "";
  for (;;) {
    const page = await db.select({ id: t.claims.id, statement: t.claims.statement, exact: t.claims.exact }).from(t.claims).where(gt(t.claims.id, after)).orderBy(asc(t.claims.id)).limit(PAGE);
    for (const c of page) {
      for (const s of new Set(stems(`${c.statement} ${c.exact}`))) df.set(s, (df.get(s) ?? 0) + 1);
    }
    total += page.length;
    if (page.length < PAGE) break;
    after = page.at(-1)!.id;
  }
  const documents = (stem: string) => df.get(stem) ?? 0;
  // BM25's idf, always positive; a word no claim has is as rare as can be.
  return { idf: (stem) => Math.log(1 + (total - documents(stem) + 0.5) / (documents(stem) + 0.5)), documents, total };
}

/** The rarity of words over the claims of the current database. */
export async function claimWordRarity(): Promise<WordRarity> {
  const database = await getDatabase();
  const cached = byDatabase.get(database);
  if (!cached) {
    const rarity = await count(database);
    byDatabase.set(database, { at: Date.now(), rarity, refreshing: null });
    return rarity;
  }
  if (Date.now() - cached.at > FRESH_MS && !cached.refreshing) {
    cached.refreshing = count(database)
      .then((rarity) => Object.assign(cached, { at: Date.now(), rarity }))
      .catch(() => undefined)
      .finally(() => {
        cached.refreshing = null;
      })
      .then(() => undefined);
  }
  return cached.rarity;
}
