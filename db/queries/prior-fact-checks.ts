import "server-only";
import { createHash } from "node:crypto";
import { desc, eq, gt, sql } from "drizzle-orm";
import { newId } from "@/lib/ids";
import type { ImportKind, PriorOrigin } from "@/lib/prior-fact-checks";
import type { PriorFactCheck } from "@/server/interop/claimreview-in";
import { getDatabase } from "../client";
import { recordAudit } from "./audit";

type Tables = typeof import("../schema/pg");
export type StoredPriorFactCheck = Tables["priorFactChecks"]["$inferSelect"];
export type ImportBatch = Tables["importBatches"]["$inferSelect"] & { createdByName: string };

/** The same review is the same web address with the same claim, whichever import brings it. */
export function reviewKey(item: { url: string | null; claim: string }): string {
  return createHash("sha256").update(`${item.url}\n${item.claim.trim().toLowerCase()}`).digest("hex");
}

/**
 * Stores prior fact-checks as one import batch, audited. A review already stored (by any batch) is left as it
 * is and counted as already there, so importing the same page or file twice creates nothing twice.
 */
export async function importPriorFactChecks(input: { kind: ImportKind; origin: PriorOrigin; label: string; items: PriorFactCheck[]; actorId: string }): Promise<{ batchId: string; imported: number; alreadyThere: number }> {
  const database = await getDatabase();
  const { t } = database;
  return database.transaction(async (tx) => {
    const batchId = newId();
    await tx.insert(t.importBatches).values({ id: batchId, kind: input.kind, label: input.label.slice(0, 2048), createdBy: input.actorId, itemCount: 0 });
    let imported = 0;
    const seen = new Set<string>();
    for (const item of input.items) {
      const key = reviewKey(item);
      if (seen.has(key)) continue;
      seen.add(key);
      const rows = await tx.insert(t.priorFactChecks).values({ id: newId(), batchId, origin: input.origin, reviewKey: key, ...item }).onConflictDoNothing().returning({ id: t.priorFactChecks.id });
      imported += rows.length;
    }
    await tx.update(t.importBatches).set({ itemCount: imported }).where(eq(t.importBatches.id, batchId));
    const alreadyThere = input.items.length - imported;
    await recordAudit(tx, { actorId: input.actorId, action: "import.prior_fact_checks", entityType: "import_batch", entityId: batchId, after: { kind: input.kind, label: input.label, imported, alreadyThere } });
    return { batchId, imported, alreadyThere };
  });
}

/**
 * The newest imports that brought something in, with who made them. A file imported again, whose every row was
 * already here, leaves a batch of nothing (kept, as its audit entry names it): listing it would offer an undo of
 * nothing.
 */
export async function listImportBatches({ limit = 50 }: { limit?: number } = {}): Promise<ImportBatch[]> {
  const { db, t } = await getDatabase();
  const rows = await db
    .select({ batch: t.importBatches, createdByName: t.users.name })
    .from(t.importBatches)
    .innerJoin(t.users, eq(t.users.id, t.importBatches.createdBy))
    .where(gt(t.importBatches.itemCount, 0))
    .orderBy(desc(t.importBatches.createdAt))
    .limit(limit);
  return rows.map((r) => ({ ...r.batch, createdByName: r.createdByName }));
}

/** Prior fact-checks, newest first; `q` narrows to claims, claimants or publishers holding those letters (any case). */
export async function listPriorFactChecks({ q, limit = 100 }: { q?: string; limit?: number } = {}): Promise<StoredPriorFactCheck[]> {
  const { db, t } = await getDatabase();
  const needle = q?.trim().toLowerCase();
  const like = needle ? `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return db
    .select()
    .from(t.priorFactChecks)
    .where(like ? sql`(lower(${t.priorFactChecks.claim}) like ${like} escape '\\' or lower(coalesce(${t.priorFactChecks.claimant}, '')) like ${like} escape '\\' or lower(coalesce(${t.priorFactChecks.publisher}, '')) like ${like} escape '\\')` : undefined)
    .orderBy(desc(t.priorFactChecks.createdAt), desc(t.priorFactChecks.id))
    .limit(limit);
}

export type ContextLink = Tables["contextLinks"]["$inferSelect"];

/** Context links (explainers brought in from Check), newest first. */
export async function listContextLinks({ limit = 100 }: { limit?: number } = {}): Promise<ContextLink[]> {
  const { db, t } = await getDatabase();
  return db.select().from(t.contextLinks).orderBy(desc(t.contextLinks.createdAt), desc(t.contextLinks.id)).limit(limit);
}
