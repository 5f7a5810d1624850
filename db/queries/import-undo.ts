import "server-only";
import { and, count, eq, getTableColumns, getTableName, gt, inArray, is, isNotNull, isNull, notInArray, or } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { AppError } from "@/lib/errors";
import type { ImportedEntityType } from "@/lib/prior-fact-checks";
import * as pgSchema from "../schema/pg";
import { getDatabase, type Db } from "../client";
import { recordAudit } from "./audit";

type Tables = Awaited<ReturnType<typeof getDatabase>>["t"];
type TableKey = keyof Tables;

/** Tables whose rows an import writes itself: their references to what it created are not use. */
const BOOKKEEPING = new Set(["import_records", "claim_origins", "import_batches"]);

/** Every (table, column) with a foreign key to `tableName`, from the schema, so a table added later counts as use without touching this. */
function referencesTo(tableName: string): { key: TableKey; property: string; table: string }[] {
  const out: { key: TableKey; property: string; table: string }[] = [];
  for (const [key, value] of Object.entries(pgSchema)) {
    if (!is(value, PgTable) || BOOKKEEPING.has(getTableName(value))) continue;
    const properties = new Map(Object.entries(getTableColumns(value)).map(([property, column]) => [column.name, property]));
    for (const fk of getTableConfig(value).foreignKeys) {
      const ref = fk.reference();
      if (getTableName(ref.foreignTable) !== tableName) continue;
      out.push({ key: key as TableKey, property: properties.get(ref.columns[0]!.name)!, table: getTableName(value) });
    }
  }
  return out;
}

const chunks = <T,>(list: T[], size = 500) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));

async function countWhere(tx: Db, table: Tables[TableKey], where: ReturnType<typeof and>): Promise<number> {
  const rows = (await tx.select({ n: count() }).from(table as never).where(where)) as { n: number }[];
  return Number(rows[0]?.n ?? 0);
}

/**
 * Why a batch can no longer be undone, or null: a member was activated or has signed in, a claim or archive
 * article was worked on (a verdict, a comment, a link, an assignment, an edit, a new snapshot, a claim added),
 * or anything else in the database now points at what the import created.
 */
async function whyUsed(tx: Db, t: Tables, batchId: string, created: Record<ImportedEntityType, string[]>): Promise<string | null> {
  const batchClaims = tx.select({ id: t.importRecords.entityId }).from(t.importRecords).where(and(eq(t.importRecords.batchId, batchId), eq(t.importRecords.entityType, "claim")));
  for (const ids of chunks(created.user)) {
    if (await countWhere(tx, t.users, and(inArray(t.users.id, ids), or(eq(t.users.active, true), isNotNull(t.users.passwordHash), isNotNull(t.users.oidcSubject))))) return "a member it brought in has been activated";
  }
  for (const ids of chunks(created.claim)) {
    if (await countWhere(tx, t.claims, and(inArray(t.claims.id, ids), or(gt(t.claims.version, 1), isNotNull(t.claims.assigneeId), isNotNull(t.claims.currentVerdictId))))) return "a claim it brought in has been worked on";
  }
  for (const ids of chunks(created.article)) {
    if (await countWhere(tx, t.articles, and(inArray(t.articles.id, ids), or(gt(t.articles.version, 1), isNotNull(t.articles.assigneeId))))) return "an archive article it created has been worked on";
    if (await countWhere(tx, t.articleVersions, and(inArray(t.articleVersions.articleId, ids), gt(t.articleVersions.number, 1)))) return "an archive article it created has a newer snapshot";
  }
  const own: Record<string, { ids: string[]; reason: string }> = {
    users: { ids: created.user, reason: "a member it brought in" },
    claims: { ids: created.claim, reason: "a claim it brought in" },
    articles: { ids: created.article, reason: "an archive article it created" },
  };
  for (const [tableName, { ids, reason }] of Object.entries(own)) {
    for (const ref of referencesTo(tableName)) {
      const table = t[ref.key] as unknown as Record<string, never>;
      for (const part of chunks(ids)) {
        let where = inArray(table[ref.property]!, part);
        // An archive article's own snapshot and claims point at it by design; only what someone added is use.
        if (ref.table === "article_versions") continue;
        if (ref.table === "claims" && tableName === "articles") where = and(where, notInArray(t.claims.id, batchClaims))!;
        if (await countWhere(tx, t[ref.key], where)) return `${reason} is referenced by ${ref.table.replace(/_/g, " ")}`;
      }
    }
  }
  return null;
}

export async function getImportBatchKind(batchId: string): Promise<string | null> {
  const { db, t } = await getDatabase();
  const [batch] = await db.select({ kind: t.importBatches.kind }).from(t.importBatches).where(eq(t.importBatches.id, batchId));
  return batch?.kind ?? null;
}

/**
 * Removes everything a batch brought in, audited, as long as none of it has been used since; the batch stays,
 * marked undone, and the same export can be imported again.
 */
export async function undoImportBatch(input: { batchId: string; actorId: string }): Promise<{ removed: number }> {
  const database = await getDatabase();
  const { t } = database;
  return database.transaction(async (tx) => {
    const [batch] = await tx.select().from(t.importBatches).where(eq(t.importBatches.id, input.batchId));
    if (!batch) throw new AppError("not_found:import", "That import does not exist.");
    if (batch.undoneAt) throw new AppError("conflict:import-undone", "That import was already undone.");
    const records = await tx.select().from(t.importRecords).where(eq(t.importRecords.batchId, batch.id));
    const created: Record<ImportedEntityType, string[]> = { user: [], article: [], claim: [], context_link: [] };
    for (const r of records) created[r.entityType].push(r.entityId);
    const used = await whyUsed(tx, t, batch.id, created);
    if (used) throw new AppError("conflict:import-used", `This import can no longer be undone: ${used}. Remove what you no longer want one by one.`);
    for (const ids of chunks(created.claim)) {
      await tx.delete(t.claimOrigins).where(inArray(t.claimOrigins.claimId, ids));
      await tx.delete(t.claims).where(inArray(t.claims.id, ids));
    }
    for (const ids of chunks(created.article)) {
      await tx.delete(t.articleVersions).where(inArray(t.articleVersions.articleId, ids));
      await tx.delete(t.articles).where(inArray(t.articles.id, ids));
    }
    for (const ids of chunks(created.user)) await tx.delete(t.users).where(inArray(t.users.id, ids));
    await tx.delete(t.contextLinks).where(eq(t.contextLinks.batchId, batch.id));
    const priors = await tx.delete(t.priorFactChecks).where(eq(t.priorFactChecks.batchId, batch.id)).returning({ id: t.priorFactChecks.id });
    await tx.delete(t.importRecords).where(eq(t.importRecords.batchId, batch.id));
    await tx.update(t.importBatches).set({ undoneAt: new Date() }).where(and(eq(t.importBatches.id, batch.id), isNull(t.importBatches.undoneAt)));
    // Counted as the import counted them: archive articles are the claims' pages, not rows of the export.
    const removed = priors.length + records.filter((r) => r.entityType !== "article").length;
    await recordAudit(tx, { actorId: input.actorId, action: "import.undo", entityType: "import_batch", entityId: batch.id, before: { label: batch.label, items: removed } });
    return { removed };
  });
}
