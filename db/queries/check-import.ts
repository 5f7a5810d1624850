import "server-only";
import { createHash } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import { describeAnchor, CONTEXT_LENGTH } from "@/lib/anchoring/anchor";
import { BLOCK_SEPARATOR, canonicalText, codePointLength, type Block } from "@/lib/anchoring/text";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import type { Role } from "@/lib/permissions";
import type { ImportedEntityType } from "@/lib/prior-fact-checks";
import { deriveArticleStatus } from "@/lib/workflow";
import type { CheckExport } from "@/server/interop/check-export";
import { ROLE_FROM_CHECK } from "@/server/interop/check-preview";
import { explainerKey, planItems, statusKey, type PlannedItem, type StatusMapping } from "@/server/interop/check-plan";
import { getDatabase, type Db } from "../client";
import { hashText } from "./articles";
import { recordAudit } from "./audit";
import { reviewKey } from "./prior-fact-checks";

/** Claims per archive article: a workspace of many thousand items reads as pages of this many. */
export const ITEMS_PER_ARCHIVE_ARTICLE = 200;
/** Rows per insert statement: well under SQLite's limit on bound values. */
const ROWS_PER_INSERT = 200;

export type CheckImportCounts = { factChecks: number; explainers: number; items: number; users: number };
export type CheckImportResult = { batchId: string; imported: CheckImportCounts; alreadyThere: number; unreadable: number };

type Tables = Awaited<ReturnType<typeof getDatabase>>["t"];

async function insertAll(tx: Db, table: Parameters<Db["insert"]>[0], rows: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await tx.insert(table).values(rows.slice(i, i + ROWS_PER_INSERT) as never);
}

/** The keys among `keys` an earlier import already brought in. */
async function alreadyImported(tx: Db, t: Tables, entityType: ImportedEntityType, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await tx
      .select({ key: t.importRecords.sourceKey })
      .from(t.importRecords)
      .where(sql`${t.importRecords.entityType} = ${entityType} and ${inArray(t.importRecords.sourceKey, keys.slice(i, i + 500))}`);
    for (const r of rows) found.add(r.key);
  }
  return found;
}

/** The status mapping earlier imports remembered. */
export async function rememberedMapping(): Promise<StatusMapping> {
  const { db, t } = await getDatabase();
  return Object.fromEntries((await db.select().from(t.checkStatusMappings)).map((m) => [m.status, m.ratingId]));
}

/**
 * Writes a read Check export as one import batch, in one transaction: members as inactive users (no password,
 * the role chosen in the preview), items as claims of archive articles with their Check data and mapped rating,
 * fact-checks as prior fact-checks, explainers as context links. Rows an earlier import brought in are left as
 * they are, so the same ZIP twice creates nothing twice. The status mapping is remembered for the next import.
 */
export async function importCheckExport(input: { read: CheckExport; label: string; mapping: StatusMapping; roles: Record<string, Role>; actorId: string }): Promise<CheckImportResult> {
  const { read } = input;
  const database = await getDatabase();
  const { t } = database;
  const { items, reportItems } = planItems(read.items, read.factChecks, input.mapping);
  return database.transaction(async (tx) => {
    const ratings = new Map((await tx.select().from(t.ratings)).map((r) => [r.id, r]));
    for (const ratingId of Object.values(input.mapping)) {
      if (ratingId !== null && !ratings.has(ratingId)) throw new AppError("conflict:rating", "A label chosen for a status was deleted meanwhile. Read the export again and choose again.");
    }
    const batchId = newId();
    const now = new Date();
    await tx.insert(t.importBatches).values({ id: batchId, kind: "check", label: input.label.slice(0, 2048), createdBy: input.actorId, createdAt: now, itemCount: 0 });
    const records: { id: string; batchId: string; entityType: ImportedEntityType; entityId: string; sourceKey: string }[] = [];
    const record = (entityType: ImportedEntityType, entityId: string, sourceKey: string) => records.push({ id: newId(), batchId, entityType, entityId, sourceKey });
    let alreadyThere = 0;

    // Members: an address already here (imported or not) is left alone; its role is not changed by an import.
    const emails = [...new Set(read.users.map((u) => u.email))];
    const existing = new Set<string>();
    for (let i = 0; i < emails.length; i += 500) for (const u of await tx.select({ email: t.users.email }).from(t.users).where(inArray(t.users.email, emails.slice(i, i + 500)))) existing.add(u.email);
    const newUsers = read.users.filter((u, i) => !existing.has(u.email) && read.users.findIndex((v) => v.email === u.email) === i);
    alreadyThere += read.users.length - newUsers.length;
    const userRows = newUsers.map((u) => ({ id: newId(), email: u.email, name: u.name, role: input.roles[u.email] ?? ROLE_FROM_CHECK[u.role], passwordHash: null, active: false, createdAt: now }));
    await insertAll(tx, t.users, userRows);
    for (const u of userRows) record("user", u.id, `check-member:${u.email}`);

    // Items: archive articles of ITEMS_PER_ARCHIVE_ARTICLE claims each.
    const doneItems = await alreadyImported(tx, t, "claim", items.map((i) => i.sourceKey));
    const newItems = items.filter((i) => !doneItems.has(i.sourceKey));
    alreadyThere += items.length - newItems.length;
    const workspace = read.workspace?.name || "Check workspace";
    for (let from = 0; from < newItems.length; from += ITEMS_PER_ARCHIVE_ARTICLE) {
      const chunk = newItems.slice(from, from + ITEMS_PER_ARCHIVE_ARTICLE);
      const title = `Check archive: ${workspace}, items ${from + 1}–${from + chunk.length} (imported ${now.toISOString().slice(0, 10)})`;
      await insertArchiveArticle(tx, t, { chunk, title, batchId, workspace, workspaceUrl: read.workspace?.url ?? null, label: input.label, actorId: input.actorId, now, record });
    }

    // Fact-checks: prior fact-checks of this organisation, rated through their item when one matched.
    const reportRows = read.factChecks.map((f, i) => {
      const item = reportItems[i] === null ? null : items[reportItems[i]!]!;
      const rating = item?.ratingId ? ratings.get(item.ratingId) : undefined;
      const key = reviewKey({ url: f.url, claim: f.url ? f.title : `check:${f.checkId ?? ""}\n${f.title}` });
      return { id: newId(), batchId, origin: "check" as const, reviewKey: key, claim: f.title, claimant: null, ratingLabel: rating?.label ?? null, ratingValue: rating?.value ?? null, url: f.url, datePublished: null, publisher: workspace, summary: f.summary || null, language: f.language };
    });
    let factChecks = 0;
    for (let i = 0; i < reportRows.length; i += ROWS_PER_INSERT) {
      // One review is stored once, whichever import brings it: a row already there is skipped, not counted.
      factChecks += (await tx.insert(t.priorFactChecks).values(reportRows.slice(i, i + ROWS_PER_INSERT)).onConflictDoNothing().returning({ id: t.priorFactChecks.id })).length;
    }
    alreadyThere += read.factChecks.length - factChecks;

    // Explainers: context links.
    const explainerKeys = read.explainers.map(explainerKey);
    const doneExplainers = await alreadyImported(tx, t, "context_link", explainerKeys);
    const seenExplainers = new Set<string>();
    const linkRows: (typeof t.contextLinks.$inferInsert)[] = [];
    read.explainers.forEach((e, i) => {
      const key = explainerKeys[i]!;
      if (doneExplainers.has(key) || seenExplainers.has(key)) return;
      seenExplainers.add(key);
      const id = newId();
      linkRows.push({ id, batchId, title: e.title, description: e.description, url: e.url, language: e.language, createdAt: now });
      record("context_link", id, key);
    });
    alreadyThere += read.explainers.length - linkRows.length;
    await insertAll(tx, t.contextLinks, linkRows);

    await insertAll(tx, t.importRecords, records);
    for (const [status, ratingId] of Object.entries(input.mapping)) {
      const row = { status: statusKey(status), ratingId, updatedBy: input.actorId, updatedAt: now };
      await tx.insert(t.checkStatusMappings).values(row).onConflictDoUpdate({ target: t.checkStatusMappings.status, set: { ratingId, updatedBy: input.actorId, updatedAt: now } });
    }
    const imported = { factChecks, explainers: linkRows.length, items: newItems.length, users: userRows.length };
    const total = imported.factChecks + imported.explainers + imported.items + imported.users;
    await tx.update(t.importBatches).set({ itemCount: total }).where(sql`${t.importBatches.id} = ${batchId}`);
    await recordAudit(tx, { actorId: input.actorId, action: "import.check", entityType: "import_batch", entityId: batchId, after: { label: input.label, workspace, imported, alreadyThere, unreadable: read.skipped.length, mapping: input.mapping } });
    return { batchId, imported, alreadyThere, unreadable: read.skipped.length };
  });
}

/** One archive article (a draft nobody publishes by accident: it has no verdicts) holding each item as a claim of its own paragraph. */
async function insertArchiveArticle(
  tx: Db,
  t: Tables,
  a: { chunk: PlannedItem[]; title: string; batchId: string; workspace: string; workspaceUrl: string | null; label: string; actorId: string; now: Date; record: (type: ImportedEntityType, id: string, key: string) => void },
): Promise<void> {
  const blocks: Block[] = a.chunk.map((item) => ({ kind: "paragraph", text: item.quote }));
  const text = canonicalText(blocks);
  const articleId = newId();
  const versionId = newId();
  const status = deriveArticleStatus(a.chunk.map(() => "open"), false);
  await tx.insert(t.articles).values({ id: articleId, title: a.title, sourceUrl: a.workspaceUrl, status, currentVersionId: versionId, createdBy: a.actorId, createdAt: a.now, updatedAt: a.now });
  await tx.insert(t.articleVersions).values({ id: versionId, articleId, number: 1, blocks, textHash: hashText(text), createdBy: a.actorId, createdAt: a.now, origin: `file: ${a.label}` });
  a.record("article", articleId, `check-archive:${a.batchId}:${createHash("sha256").update(a.title).digest("hex").slice(0, 16)}`);
  const claimRows: (typeof t.claims.$inferInsert)[] = [];
  const originRows: (typeof t.claimOrigins.$inferInsert)[] = [];
  let offset = 0;
  a.chunk.forEach((item, i) => {
    const start = offset;
    const end = start + codePointLength(item.quote);
    offset = end + codePointLength(BLOCK_SEPARATOR);
    const claimId = newId();
    claimRows.push({
      id: claimId,
      articleId,
      versionId,
      ...localAnchor(blocks, i, start),
      anchorStatus: "anchored",
      anchorScore: 1,
      statement: item.statement,
      status: "open",
      number: i + 1,
      // Who said it is not in the export: left for the reviewer rather than guessed (never the workspace).
      claimantName: null,
      createdBy: a.actorId,
      createdAt: item.createdAt ? new Date(item.createdAt) : a.now,
      updatedAt: a.now,
    });
    originRows.push({ claimId, batchId: a.batchId, workspace: a.workspace, checkId: item.checkId, mediaType: item.mediaType, mediaData: item.mediaData, tags: item.tags, checkStatus: item.status, ratingId: item.ratingId, checkedAt: item.createdAt, factCheckUrl: item.factCheckUrl });
    a.record("claim", claimId, item.sourceKey);
  });
  await insertAll(tx, t.claims, claimRows);
  await insertAll(tx, t.claimOrigins, originRows);
}

/**
 * The anchor of block `i` (which starts at `start` in the whole text), built from the blocks around it only:
 * describeAnchor indexes the text it is given, and the context never reaches past CONTEXT_LENGTH code points.
 */
function localAnchor(blocks: Block[], i: number, start: number) {
  let from = i;
  let before = 0;
  while (from > 0 && before < CONTEXT_LENGTH * 2) before += codePointLength(blocks[--from]!.text) + 2;
  let to = i;
  let after = 0;
  while (to < blocks.length - 1 && after < CONTEXT_LENGTH * 2) after += codePointLength(blocks[++to]!.text) + 2;
  const window = blocks.slice(from, to + 1);
  const localStart = codePointLength(canonicalText(window.slice(0, i - from))) + (i > from ? 2 : 0);
  const anchor = describeAnchor(canonicalText(window), localStart, localStart + codePointLength(blocks[i]!.text));
  return { ...anchor, start, end: start + (anchor.end - anchor.start) };
}
